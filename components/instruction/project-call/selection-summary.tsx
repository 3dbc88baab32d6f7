import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { MAX_CRITERION_SCORE, SCORE_LEVELS, SELECTION_CRITERIA } from "@/lib/dossiers/kinds/project-call/scoring";
import { formatEuros } from "@/lib/funding/money";
import { FACTOR_LABELS } from "@/lib/dossiers/kinds/project-call/selection-form";
import type { ProjectPaymentsView, ProjectSelectionView } from "@/lib/dossiers/kinds/project-call/review";
import { formatActivity } from "./format";

function appreciation(entry: { compliant?: boolean; score?: number | null }): string {
  if (typeof entry.compliant === "boolean") return `Respecte les critères d'éligibilité : ${entry.compliant ? "oui" : "non"}`;
  if (entry.score === null || entry.score === undefined) return "Sans objet";
  const level = SCORE_LEVELS.find((candidate) => candidate.score === entry.score);
  return `${level?.label ?? entry.score} (${entry.score} / ${MAX_CRITERION_SCORE})`;
}

const SECOND_PAYMENT: Record<ProjectPaymentsView["second"], string> = {
  PENDING: "versés après validation par l'ARS de l'atteinte des objectifs (preuves de juin 2027)",
  DUE: "objectifs validés par l'ARS",
  CANCELLED: "non versés : objectifs non atteints",
};

/** The ARS's selection as recorded: the grid and its total, then the amount and its payments, or the reason of the refusal; the ruling on the proofs once made. */
export function SelectionSummary({ selection, payments }: { selection: ProjectSelectionView; payments: ProjectPaymentsView | null }) {
  const accepted = selection.decision === "ACCEPT";
  const subheading = fr.cx("fr-h5", "fr-mt-3w");
  return (
    <section aria-labelledby="decision-selection" className={fr.cx("fr-mb-6w")}>
      <h2 id="decision-selection">Décision de sélection</h2>
      <p>
        <Badge as="span" severity={accepted ? "success" : "error"}>
          {accepted ? "Projet retenu" : "Projet non retenu"}
        </Badge>{" "}
        Décision du {formatParisInstant(new Date(selection.decidedAt))} par {selection.decidedBy}.
      </p>
      <Table
        caption="Grille de sélection"
        headers={["Critère", "Appréciation", "Commentaire"]}
        data={SELECTION_CRITERIA.map((criterion) => {
          const entry = selection.grid[criterion.key] as { compliant?: boolean; score?: number | null; comment: string };
          return [criterion.label, appreciation(entry), <span key="comment" className="whitespace-pre-line">{entry.comment}</span>];
        })}
      />
      <p className={fr.cx("fr-text--lg")}>
        <strong>
          Total : {selection.total.total} / {selection.total.max}
        </strong>
      </p>

      {accepted && selection.grantedCents !== null ? (
        <>
          <ul>
            <li>
              Catégorie {selection.category} (activité combinée cumulée : {formatActivity(selection.combinedActivity)}) — plafond : {formatEuros(selection.capCents)}
            </li>
            <li>
              Montant accordé : <strong>{formatEuros(selection.grantedCents)}</strong>
              {selection.grantedCents < selection.capCents ? " (inférieur au plafond)" : " (le plafond)"}
            </li>
          </ul>
          {payments && (
            <>
              <h3 className={subheading}>Versements</h3>
              <ul>
                <li>50 % en 2026 : {formatEuros(payments.firstCents)} — à l&apos;acceptation du projet</li>
                <li>
                  50 % en 2027 : {formatEuros(payments.secondCents)} — {SECOND_PAYMENT[payments.second]}
                </li>
              </ul>
            </>
          )}
          <h3 className={subheading}>Justification du montant</h3>
          <p className="whitespace-pre-line">{selection.justification}</p>
          {selection.factors.length > 0 && (
            <>
              <p className={fr.cx("fr-mb-1v")}>Éléments ayant déterminé le montant :</p>
              <ul>
                {selection.factors.map((factor) => (
                  <li key={factor}>{FACTOR_LABELS[factor] ?? factor}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <>
          <h3 className={subheading}>Motif du refus</h3>
          <p className="whitespace-pre-line">{selection.reason}</p>
        </>
      )}

      {selection.proof && (
        <>
          <h3 className={subheading}>Atteinte des objectifs</h3>
          <p>
            <Badge as="span" severity={selection.proof.outcome === "VALIDATED" ? "success" : "error"}>
              {selection.proof.outcome === "VALIDATED" ? "Objectifs validés" : "Objectifs non atteints"}
            </Badge>{" "}
            Décision du {formatParisInstant(new Date(selection.proof.decidedAt))} par {selection.proof.decidedBy}.
          </p>
          {selection.proof.comment && <p className="whitespace-pre-line">{selection.proof.comment}</p>}
        </>
      )}
    </section>
  );
}
