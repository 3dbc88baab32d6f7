import { formatParisInstant } from "@/lib/clock/paris-date";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { formatEuros } from "@/lib/funding/money";
import { StaticAlert } from "../static-alert";

type Decision = NonNullable<ProjectCallFormModel["decision"]>;

/**
 * The ARS's decisions on a project as the porteur reads them (source 001): the selection — retained
 * with the amount granted within its category's cap and the ARS's justification, or not retained
 * with its reason —, the two payments (50 % in 2026 on acceptance, 50 % in 2027 on the objectives
 * validated by the ARS), and once decided, the objectives' outcome.
 */
export function ProjectDecisionNotice({ decision }: { decision: Decision | null }) {
  if (!decision) return null;
  const when = formatParisInstant(new Date(decision.decidedAt));
  const categoryLine = (
    <p className="fr-mb-1w">
      Catégorie du projet : <strong>{decision.category}</strong> — plafond : {formatEuros(decision.capCents)}.
    </p>
  );
  if (decision.decision === "REFUSE") {
    return (
      <StaticAlert
        as="h2"
        severity="error"
        title={`Projet non retenu par l'ARS le ${when}`}
        description={
          <>
            {categoryLine}
            <p className="whitespace-pre-line fr-mb-0">{decision.reason ? `Motif indiqué par votre ARS : ${decision.reason}` : "Votre ARS n'a pas indiqué de motif."}</p>
          </>
        }
      />
    );
  }
  const proof = decision.proof;
  const second = !proof
    ? "versé si l'ARS valide l'atteinte des objectifs, sur les preuves déposées en juin 2027"
    : proof.outcome === "VALIDATED"
      ? `objectifs validés par l'ARS le ${formatParisInstant(new Date(proof.decidedAt))} : ce versement est dû`
      : "objectifs non atteints selon l'ARS : ce versement n'est pas effectué";
  return (
    <div className="flex flex-col gap-4">
      <StaticAlert
        as="h2"
        severity="success"
        title={`Projet retenu par l'ARS le ${when}`}
        description={
          <>
            <p className="fr-mb-1w">
              Montant accordé : <strong data-testid="montant-accorde">{decision.grantedCents === null ? "—" : formatEuros(decision.grantedCents)}</strong>
            </p>
            {categoryLine}
            {decision.justification && <p className="whitespace-pre-line fr-mb-1w">Justification de l&apos;ARS : {decision.justification}</p>}
            {decision.payments && (
              <>
                <p className="fr-mb-0">Versements :</p>
                <ul className="fr-mb-0" data-testid="versements">
                  <li>
                    « 50 % en 2026 » : <strong>{formatEuros(decision.payments.onAcceptance)}</strong>, sur la base de l&apos;acceptation du projet
                  </li>
                  <li>
                    « 50 % en 2027 » : <strong>{formatEuros(decision.payments.onObjectives)}</strong>, {second}
                  </li>
                </ul>
              </>
            )}
          </>
        }
      />
      {proof && (
        <StaticAlert
          as="h2"
          severity={proof.outcome === "VALIDATED" ? "success" : "error"}
          title={
            proof.outcome === "VALIDATED"
              ? `Objectifs validés par l'ARS le ${formatParisInstant(new Date(proof.decidedAt))}`
              : `Objectifs non atteints selon l'ARS (décision du ${formatParisInstant(new Date(proof.decidedAt))})`
          }
          description={
            <p className="whitespace-pre-line fr-mb-0">
              {proof.comment
                ? `${proof.outcome === "VALIDATED" ? "Commentaire" : "Motif"} de votre ARS : ${proof.comment}`
                : proof.outcome === "VALIDATED"
                  ? "Le solde de 50 % du montant accordé est versé en 2027."
                  : "Le solde de 50 % du montant accordé n'est pas versé."}
            </p>
          }
        />
      )}
    </div>
  );
}
