import { formatCalendarDate } from "@/lib/clock/paris-date";
import type { ReviewAssessment } from "@/lib/instruction/dossier-review";
import { formatPercent } from "@/components/self-assessment/format";

/** The quoted NRU, and the validated self-assessment's scores (overall and per dimension). */
export function SelfAssessmentScores({ nru, assessment, problem, partName }: { nru: string | null; assessment: ReviewAssessment | null; problem: string | null; partName: string }) {
  if (!nru) return <p>Aucun NRU indiqué.</p>;
  return (
    <div className="space-y-2">
      <p>
        NRU : <span className="font-mono font-semibold">{nru}</span>
        {assessment?.validatedOn && <> — autoévaluation validée le {formatCalendarDate(assessment.validatedOn)}</>}
      </p>
      {problem && (
        <p className="border-l-4 border-avertissement bg-orange-50 p-2 text-sm text-avertissement" role="note">
          À la date de transmission : {problem}
        </p>
      )}
      {assessment?.scores ? (
        <table className="w-full max-w-2xl border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">Scores de maturité IE — {partName}</caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-1 pr-3">
                Dimension
              </th>
              <th scope="col" className="py-1 text-right">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {assessment.scores.dimensions.map((dimension) => (
              <tr key={dimension.dimensionId} className="border-b border-gris-bordure">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {dimension.title}
                </th>
                <td className="py-1 text-right">{formatPercent(dimension.percent)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-gris-texte">
              <th scope="row" className="py-1 pr-3">
                Score global
              </th>
              <td className="py-1 text-right font-bold" data-testid="score-global">
                {formatPercent(assessment.scores.overall.percent)}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <p className="text-sm">{assessment ? "Scores non disponibles (autoévaluation non validée)." : "Aucune autoévaluation ne porte ce NRU."}</p>
      )}
    </div>
  );
}
