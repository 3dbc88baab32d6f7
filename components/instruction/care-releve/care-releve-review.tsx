import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import { targetsAttestationText } from "@/lib/dossiers/attestation-wording";
import { eligibleExpensesOf } from "@/lib/dossiers/kinds/care-releve/rules";
import type { CareReleveReview } from "@/lib/dossiers/kinds/care-releve/review";
import { EXPENSE_CATEGORY_LABELS, formatEuros, type ExpenseCategory } from "@/lib/funding";
import type { ReviewPart } from "@/lib/instruction/dossier-review";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { DocumentList } from "../document-list";
import { formatCentsOrDash } from "../format";
import { SelfAssessmentScores } from "../self-assessment-scores";

/**
 * A transmitted CaRE relève as the ANS instructs it (source 003): the attestation, and per EJ its
 * NRU, its envelope and what remains of it now, the expenses line by line, the amount asked and
 * the most that can be granted — min(requested, eligible expenses, what remains) — then the documents.
 */
export function CareReleveReviewView({ review, parts, year, submittedOn, nameOf }: { review: CareReleveReview; parts: ReviewPart[]; year: number; submittedOn: string; nameOf: (finess: string) => string }) {
  const draft = review.transmitted;
  if (!draft) return <p>Réponses de la relève illisibles.</p>;
  const subheading = fr.cx("fr-h5", "fr-mt-4w");
  return (
    <>
      <section aria-labelledby="attestation-care" className={fr.cx("fr-mb-6w")}>
        <h2 id="attestation-care">Atteinte des cibles pour l&apos;année {year}</h2>
        <p>
          {targetsAttestationText(year, parts.length > 1)} — <strong>{draft.targetsReached ? "attesté" : "non attesté"}</strong>
        </p>
        <h3 className={fr.cx("fr-h6")}>Précisions supplémentaires de l&apos;établissement</h3>
        <p className="whitespace-pre-line">{draft.precisions || "Aucune."}</p>
      </section>
      {parts.map((part) => {
        const balance = review.balances.find((candidate) => candidate.finess === part.finess);
        const lines = draft.expenses.filter((line) => line.legalEntityFiness === part.finess);
        const eligible = eligibleExpensesOf(draft, part.finess, year, submittedOn);
        const headingId = `ej-${part.finess}`;
        return (
          <section key={part.finess} aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
            <h2 id={headingId}>
              {part.name} <span className={fr.cx("fr-text--lg")}>— FINESS EJ {part.finess}</span>
            </h2>
            <h3 className={subheading}>Autoévaluation de maturité IE</h3>
            <SelfAssessmentScores nru={part.nru} assessment={part.assessment} problem={part.nruProblem} partName={part.name} />
            <h3 className={subheading}>Enveloppe HospiConnect CaRE</h3>
            <Table
              caption={`Enveloppe CaRE 2026–2028 et ce qu'il en reste — ${part.name}`}
              noCaption
              headers={["Montant plafond", "Accordé aux autres relèves", "Réservé par une relève en instruction", "Reste disponible", "Montant demandé", "Dépenses éligibles déclarées", "Montant maximal accordable"]}
              data={[
                [
                  formatCentsOrDash(balance?.envelope),
                  formatEuros(balance?.granted ?? 0),
                  formatEuros(balance?.reserved ?? 0),
                  <strong key="reste" data-testid={`reste-${part.finess}`}>
                    {formatCentsOrDash(balance?.remaining)}
                  </strong>,
                  formatCentsOrDash(part.requested),
                  formatEuros(eligible),
                  <strong key="max" data-testid={`maximum-${part.finess}`}>
                    {formatCentsOrDash(review.caps[part.finess])}
                  </strong>,
                ],
              ]}
            />
            {balance && balance.releves.length > 0 && (
              <ul>
                {balance.releves.map((releve) => (
                  <li key={releve.dossierId}>
                    Relève {releve.year}, dossier n° {releve.number} : <DossierStatusBadge status={releve.status} kind="CARE_RELEVE" /> — demandé {formatCentsOrDash(releve.requested)}, accordé{" "}
                    {formatCentsOrDash(releve.decided)}
                  </li>
                ))}
              </ul>
            )}
            <h3 className={subheading}>Dépenses déclarées</h3>
            {lines.length === 0 ? (
              <p>Aucune dépense déclarée.</p>
            ) : (
              <Table
                caption={`Dépenses engagées pour atteindre les cibles ${year} — ${part.name}`}
                headers={["Catégorie", "Nature", "Fournisseur", "N° de facture", "Date", "Montant"]}
                data={[
                  ...lines.map((line) => [
                    EXPENSE_CATEGORY_LABELS[line.category as ExpenseCategory] ?? line.category,
                    line.description || "—",
                    line.supplier || "—",
                    line.invoiceNumber || "—",
                    line.invoiceDate ? formatCalendarDate(line.invoiceDate) : "—",
                    formatCentsOrDash(line.amount),
                  ]),
                  [<strong key="total">Total éligible</strong>, "", "", "", "", <strong key="montant">{formatEuros(eligible)}</strong>],
                ]}
              />
            )}
            <h3 className={subheading}>Documents transmis</h3>
            <DocumentList documents={part.documents} nameOf={nameOf} />
          </section>
        );
      })}
    </>
  );
}
