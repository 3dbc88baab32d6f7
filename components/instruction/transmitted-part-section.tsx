import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE, objectiveIndicator, objectiveTarget } from "@/lib/dossiers/objectives";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros } from "@/lib/funding";
import type { ReviewPart } from "@/lib/instruction/dossier-review";
import { DocumentList } from "./document-list";
import { formatCentsOrDash, formatInteger } from "./format";
import { SelfAssessmentScores } from "./self-assessment-scores";

const KIND_ORDER = ["GHT_MANDATE", "NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION", "OBJECTIVE_PROOF"];

function yesNo(value: boolean | null): string {
  return value === null ? "non renseigné" : value ? "oui" : "non";
}

/** What one EJ transmitted: headcount and ceiling, self-assessment, expenses, objectives and their proofs, documents (its amounts are in AmountsTable). */
export function TransmittedPartSection({ part, kind, year, nameOf }: { part: ReviewPart; kind: string; year: number; nameOf: (finess: string) => string }) {
  const headingId = `ej-${part.finess}`;
  const isDeposit = kind === "MILESTONE_DEPOSIT";
  const documents = [...part.documents].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.objectiveCode ?? "").localeCompare(b.objectiveCode ?? ""),
  );
  const proofsOf = (code: string) => part.documents.filter((document) => document.kind === "OBJECTIVE_PROOF" && document.objectiveCode === code);
  const subheading = fr.cx("fr-h5", "fr-mt-4w");
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
      <h2 id={headingId}>
        {part.name} <span className={fr.cx("fr-text--lg")}>— FINESS EJ {part.finess}</span>
      </h2>
      <ul>
        <li>
          Effectif SAE retenu : <strong>{formatInteger(part.headcount)} agents</strong>
        </li>
        <li>
          Montant plafond annuel : <strong>{formatEuros(part.amounts.annualCeiling)}</strong>
        </li>
      </ul>

      {isDeposit && (
        <>
          <h3 className={subheading}>Autoévaluation de maturité IE</h3>
          <SelfAssessmentScores nru={part.nru} assessment={part.assessment} problem={part.nruProblem} partName={part.name} />

          <h3 className={subheading}>Dépenses</h3>
          <Table
            caption={`Dépenses engagées depuis le 19 décembre 2025 — ${part.name}`}
            headers={["Catégorie", "Montant"]}
            data={[
              ...EXPENSE_CATEGORIES.map((category) => [EXPENSE_CATEGORY_LABELS[category], formatCentsOrDash(part.expenses[category])]),
              [<strong key="total">Total déclaré</strong>, <strong key="montant">{formatEuros(part.amounts.declaredExpenses)}</strong>],
            ]}
          />
          <p className={fr.cx("fr-text--sm")}>
            Première facture : {part.expenseDates.firstInvoiceOn ? formatCalendarDate(part.expenseDates.firstInvoiceOn) : "non indiquée"} — dernière facture :{" "}
            {part.expenseDates.lastInvoiceOn ? formatCalendarDate(part.expenseDates.lastInvoiceOn) : "non indiquée"}
            {year === 2028 && <> — dernier paiement : {part.expenseDates.lastPaymentOn ? formatCalendarDate(part.expenseDates.lastPaymentOn) : "non indiqué"}</>}.
          </p>

          {year !== 2026 && (
            <>
              <h3 className={subheading}>Objectifs {year}</h3>
              <Table
                caption={`Objectifs ${year} et leurs preuves — ${part.name}`}
                headers={["Objectif", `Cible ${year}`, "Déclaré atteint", "Preuves transmises"]}
                data={[
                  { code: MANDATORY_OBJECTIVE.code, label: MANDATORY_OBJECTIVE.label, reached: part.mandatoryObjectiveMet },
                  ...HOSPICONNECT_OBJECTIVES.map((objective) => ({ ...objective, reached: part.objectivesReached.includes(objective.code) })),
                ].map((objective) => {
                  const proofs = proofsOf(objective.code);
                  const indicator = objectiveIndicator(objective.code);
                  const value = part.indicators[objective.code] ?? null;
                  return [
                    objective.label,
                    objectiveTarget(objective.code, year) ?? "—",
                    indicator && objective.reached ? `${yesNo(objective.reached)} — indicateur déclaré : ${value === null ? "—" : `${formatInteger(value)} %`}` : yesNo(objective.reached),
                    proofs.length === 0 ? (
                      "—"
                    ) : (
                      <ul key="preuves">
                        {proofs.map((proof) => (
                          <li key={proof.id}>
                            <a href={`/api/fichiers/${proof.fileId}`} download className={fr.cx("fr-link")}>
                              {proof.name}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ),
                  ];
                })}
              />
            </>
          )}
        </>
      )}

      <h3 className={subheading}>Documents transmis</h3>
      <DocumentList documents={documents} nameOf={nameOf} />
    </section>
  );
}
