import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "@/lib/dossiers/objectives";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros } from "@/lib/funding";
import type { ReviewPart } from "@/lib/instruction/dossier-review";
import { DocumentList } from "./document-list";
import { formatCentsOrDash, formatInteger } from "./format";
import { SelfAssessmentScores } from "./self-assessment-scores";

const KIND_ORDER = ["GHT_MANDATE", "NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION", "OBJECTIVE_PROOF"];

function yesNo(value: boolean | null): string {
  return value === null ? "non renseigné" : value ? "oui" : "non";
}

/** What one EJ transmitted: headcount and ceiling, self-assessment, expenses, objectives, amounts, documents. */
export function TransmittedPartSection({ part, kind, year, nameOf }: { part: ReviewPart; kind: string; year: number; nameOf: (finess: string) => string }) {
  const headingId = `ej-${part.finess}`;
  const isDeposit = kind === "MILESTONE_DEPOSIT";
  const documents = [...part.documents].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.objectiveCode ?? "").localeCompare(b.objectiveCode ?? ""),
  );
  const proofsOf = (code: string) => part.documents.filter((document) => document.kind === "OBJECTIVE_PROOF" && document.objectiveCode === code);
  const overCap = part.requested !== null && part.amounts.capped !== null && part.requested > part.amounts.capped;
  return (
    <section aria-labelledby={headingId} className="space-y-5 border border-gris-bordure p-5">
      <h2 id={headingId} className="text-xl font-bold">
        {part.name} <span className="text-base font-normal">— FINESS EJ {part.finess}</span>
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Effectif SAE retenu</dt>
        <dd>{formatInteger(part.headcount)} agents</dd>
        <dt className="font-semibold">Montant plafond annuel</dt>
        <dd>{formatEuros(part.amounts.annualCeiling)}</dd>
      </dl>

      {isDeposit && (
        <>
          <div className="space-y-2">
            <h3 className="text-lg font-bold">Autoévaluation de maturité IE</h3>
            <SelfAssessmentScores nru={part.nru} assessment={part.assessment} problem={part.nruProblem} partName={part.name} />
          </div>

          <table className="w-full max-w-2xl border-collapse text-left text-sm">
            <caption className="mb-1 text-left text-lg font-bold">Dépenses engagées depuis le 19 décembre 2025</caption>
            <thead>
              <tr className="border-b-2 border-gris-texte">
                <th scope="col" className="py-1 pr-3">
                  Catégorie
                </th>
                <th scope="col" className="py-1 text-right">
                  Montant
                </th>
              </tr>
            </thead>
            <tbody>
              {EXPENSE_CATEGORIES.map((category) => (
                <tr key={category} className="border-b border-gris-bordure">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {EXPENSE_CATEGORY_LABELS[category]}
                  </th>
                  <td className="py-1 text-right">{formatCentsOrDash(part.expenses[category])}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-gris-texte">
                <th scope="row" className="py-1 pr-3">
                  Total déclaré
                </th>
                <td className="py-1 text-right font-bold">{formatEuros(part.amounts.declaredExpenses)}</td>
              </tr>
            </tfoot>
          </table>

          {year !== 2026 && (
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-1 text-left text-lg font-bold">Objectifs {year} et leurs preuves</caption>
              <thead>
                <tr className="border-b-2 border-gris-texte">
                  <th scope="col" className="py-1 pr-3">
                    Objectif
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Atteint
                  </th>
                  <th scope="col" className="py-1">
                    Preuves transmises
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  { code: MANDATORY_OBJECTIVE.code, label: MANDATORY_OBJECTIVE.label, reached: part.mandatoryObjectiveMet },
                  ...HOSPICONNECT_OBJECTIVES.map((objective) => ({ ...objective, reached: part.objectivesReached.includes(objective.code) })),
                ].map((objective) => {
                  const proofs = proofsOf(objective.code);
                  return (
                    <tr key={objective.code} className="border-b border-gris-bordure align-top">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {objective.label}
                      </th>
                      <td className="py-1 pr-3">{yesNo(objective.reached)}</td>
                      <td className="py-1">
                        {proofs.length === 0
                          ? "—"
                          : proofs.map((proof) => (
                              <a key={proof.id} href={`/api/fichiers/${proof.fileId}`} download className="mr-3">
                                {proof.name}
                              </a>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          <table className="w-full max-w-2xl border-collapse text-left text-sm">
            <caption className="mb-1 text-left text-lg font-bold">Montants {year} (règles du programme)</caption>
            <tbody>
              <tr className="border-b border-gris-bordure">
                <th scope="row" className="py-1 pr-3 font-normal">
                  Montant plafond annuel
                </th>
                <td className="py-1 text-right">{formatEuros(part.amounts.annualCeiling)}</td>
              </tr>
              <tr className="border-b border-gris-bordure">
                <th scope="row" className="py-1 pr-3 font-normal">
                  Montant éligible {year}
                  {year === 2026 && part.milestoneComplete === false && <span className="block text-xs">Jalon 2026 incomplet à la transmission (note de cadrage et NRU valide requis) : 0 %</span>}
                </th>
                <td className="py-1 text-right">{formatCentsOrDash(part.amounts.eligible)}</td>
              </tr>
              <tr className="border-b border-gris-bordure">
                <th scope="row" className="py-1 pr-3 font-normal">
                  Montant éligible écrêté aux dépenses déclarées
                </th>
                <td className="py-1 text-right font-semibold" data-testid={`ecrete-${part.finess}`}>
                  {formatCentsOrDash(part.amounts.capped)}
                </td>
              </tr>
              <tr className="border-b border-gris-bordure">
                <th scope="row" className="py-1 pr-3 font-normal">
                  Montant demandé
                </th>
                <td className={`py-1 text-right font-semibold ${overCap ? "text-erreur" : ""}`}>
                  {formatCentsOrDash(part.requested)}
                  {overCap && <span className="block text-xs">supérieur au montant écrêté</span>}
                </td>
              </tr>
              <tr>
                <th scope="row" className="py-1 pr-3 font-normal">
                  Montant décidé par l&apos;ARS
                </th>
                <td className="py-1 text-right">{formatCentsOrDash(part.decided)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}

      <div className="space-y-2">
        <h3 className="text-lg font-bold">Documents transmis</h3>
        <DocumentList documents={documents} nameOf={nameOf} />
      </div>
    </section>
  );
}
