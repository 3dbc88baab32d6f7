import type { ExpenseCategory } from "@/lib/funding";

/** Where each HOP'EN2 expense category of an EJ's part is stored (cents). */
export const EXPENSE_COLUMNS = {
  rh_internes: "expensesInternalHrCents",
  prestations_externes: "expensesExternalCents",
  depenses_editeurs: "expensesPublisherCents",
} as const satisfies Record<ExpenseCategory, string>;
