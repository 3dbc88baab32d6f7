import { fr } from "@codegouvfr/react-dsfr";
import { formatParisInstant } from "@/lib/clock/paris-date";
import type { DossierDecision } from "@/lib/dossiers/instruction";
import { formatEuros } from "@/lib/funding";
import { ARS_WORDS, type InstructorWords } from "@/lib/dossiers/instructor-words";
import { StaticAlert } from "./static-alert";

/**
 * The ARS decision on the establishment's dossier page: accepted with the
 * amount granted to each EJ and, for an amount below its maximum, the ARS's
 * reason (issue 9, §2.10); or refused, with its reason. Read by
 * lib/dossiers/instruction.ts (loadDossierDecision).
 */
export function DecisionNotice({ decision, instructor: w = ARS_WORDS }: { decision: DossierDecision | null; instructor?: InstructorWords }) {
  if (!decision) return null;
  const when = formatParisInstant(new Date(decision.decidedAt));
  if (decision.status === "REFUSED") {
    return (
      <StaticAlert
        as="h2"
        severity="error"
        className={fr.cx("fr-mb-4w")}
        title={`Dossier refusé par ${w.the} le ${when}`}
        description={decision.refusalReason ? <span className="whitespace-pre-line">Motif indiqué par {w.your} : {decision.refusalReason}</span> : `${w.Your} n'a pas indiqué de motif.`}
      />
    );
  }
  return (
    <StaticAlert
      as="h2"
      severity="success"
      className={fr.cx("fr-mb-4w")}
      title={`Dossier accepté par ${w.the} le ${when}`}
      description={
        decision.withAmounts ? (
          <ul data-testid="montants-accordes">
            {decision.awards.map((award) => {
              const partial = award.decided !== null && award.cap !== null && award.decided < award.cap;
              return (
                <li key={award.finess}>
                  {award.name} : montant accordé <strong>{award.decided === null ? "—" : formatEuros(award.decided)}</strong>
                  {partial && award.cap !== null && <> sur un montant maximal de {formatEuros(award.cap)}</>}
                  {award.objectives && <ObjectiveVerdicts objectives={award.objectives} instructor={w} />}
                  {partial && award.partialAwardReason && (
                    <>
                      <br />
                      <span className="whitespace-pre-line">Motif indiqué par {w.your} : {award.partialAwardReason}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          "Votre candidature est validée par votre ARS."
        )
      }
    />
  );
}

/** 2027–2028 (source 000): how many declared objectives the instructor validated, and why each other one is not reached. */
function ObjectiveVerdicts({ objectives, instructor: w }: { objectives: NonNullable<DossierDecision["awards"][number]["objectives"]>; instructor: InstructorWords }) {
  const validated = objectives.filter((objective) => objective.reached);
  const rejected = objectives.filter((objective) => !objective.reached);
  return (
    <>
      <br />
      <span data-testid="objectifs-valides">
        Objectifs validés par {w.the} : {validated.length} sur {objectives.length} déclarés{validated.length > 0 ? ` (${validated.map((objective) => objective.code).join(", ")})` : ""}.
      </span>
      {rejected.length > 0 && (
        <ul>
          {rejected.map((objective) => (
            <li key={objective.code} className="whitespace-pre-line">
              {objective.label} : non atteint — {objective.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
