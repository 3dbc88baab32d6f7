import { formatCalendarDate } from "@/lib/clock/paris-date";
import { EXPENSE_CATEGORY_LABELS, formatEuros, type ExpenseCategory } from "@/lib/funding";
import { targetsAttestationText } from "../../attestation-wording";
import type { DossierSnapshot } from "../../snapshot";
import type { ReceiptSection } from "../project-call/receipt-content";
import { careReleveDraftSchema } from "./draft-schema";
import { eligibleExpensesOf } from "./rules";

const orNone = (value: string) => value.trim() || "non renseigné";

/**
 * What a CaRE relève's récépissé says it transmitted (source 003's form): the attestation, then per
 * EJ its NRU, its expenses line by line, their eligible total and the amount asked; the précisions.
 * Parsed leniently: an unreadable snapshot never makes its receipt fail.
 */
export function careReceiptSections(snapshot: DossierSnapshot): ReceiptSection[] {
  const parsed = careReleveDraftSchema.safeParse((snapshot.data as { care?: unknown } | null)?.care ?? {});
  const draft = parsed.success ? parsed.data : careReleveDraftSchema.parse({});
  const year = snapshot.guichet.year;
  const submittedOn = snapshot.submittedAt.slice(0, 10);
  const sections: ReceiptSection[] = [
    { title: `Atteinte des cibles pour l'année ${year}`, rows: [[draft.targetsReached ? "Attesté" : "Non attesté", targetsAttestationText(year, snapshot.parts.length > 1)]] },
  ];
  for (const part of snapshot.parts) {
    const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness);
    const lines = draft.expenses.filter((line) => line.legalEntityFiness === part.legalEntityFiness);
    sections.push({
      title: `${part.name} — FINESS EJ ${part.legalEntityFiness}`,
      rows: [
        ["NRU de l'autoévaluation", part.nru ?? "non renseigné"],
        ...lines.map((line, index): [string, string] => [
          `Dépense n° ${index + 1}`,
          `${EXPENSE_CATEGORY_LABELS[line.category as ExpenseCategory] ?? line.category} — ${orNone(line.description)} — ${orNone(line.supplier)}, facture ${orNone(line.invoiceNumber)} du ${line.invoiceDate ? formatCalendarDate(line.invoiceDate) : "—"} : ${line.amount === null ? "—" : formatEuros(line.amount)}`,
        ]),
        ["Dépenses éligibles déclarées", formatEuros(eligibleExpensesOf(draft, part.legalEntityFiness, year, submittedOn))],
        ["Montant de financement demandé", typed?.requested === null || typed?.requested === undefined ? "non renseigné" : formatEuros(typed.requested)],
      ],
    });
  }
  sections.push({ title: "Précisions supplémentaires", rows: [["Précisions", draft.precisions.trim() || "Aucune."]] });
  return sections;
}
