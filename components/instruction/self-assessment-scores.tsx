import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import type { ReviewAssessment } from "@/lib/instruction/dossier-review";
import { formatPercent } from "@/components/self-assessment/format";

/** The quoted NRU, and the validated self-assessment's scores (overall and per dimension). */
export function SelfAssessmentScores({ nru, assessment, problem, partName }: { nru: string | null; assessment: ReviewAssessment | null; problem: string | null; partName: string }) {
  if (!nru) return <p>Aucun NRU indiqué.</p>;
  return (
    <>
      <p>
        NRU : <strong>{nru}</strong>
        {assessment?.validatedOn && <> — autoévaluation validée le {formatCalendarDate(assessment.validatedOn)}</>}
      </p>
      {problem && <Alert severity="warning" small role={undefined} description={`À la date de transmission : ${problem}`} />}
      {assessment?.scores ? (
        <Table
          caption={`Scores de maturité IE — ${partName}`}
          headers={["Dimension", "Score"]}
          data={[
            ...assessment.scores.dimensions.map((dimension) => [dimension.title, formatPercent(dimension.percent)]),
            [
              <strong key="global">Score global</strong>,
              <strong key="score" data-testid="score-global">
                {formatPercent(assessment.scores.overall.percent)}
              </strong>,
            ],
          ]}
        />
      ) : (
        <p>{assessment ? "Scores non disponibles (autoévaluation non validée)." : "Aucune autoévaluation ne porte ce NRU."}</p>
      )}
    </>
  );
}
