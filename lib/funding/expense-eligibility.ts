import { FundingInputError, assertSafeResult } from "./errors";
import { assertCents, type Cents } from "./money";

/** Source 003: the three HOP'EN2 expense categories (attestation sur l'honneur). */
export type ExpenseCategory = "rh_internes" | "prestations_externes" | "depenses_editeurs";

export const EXPENSE_CATEGORIES: readonly ExpenseCategory[] = ["rh_internes", "prestations_externes", "depenses_editeurs"];

/** French labels for the UI (source 003). */
export const EXPENSE_CATEGORY_LABELS: Readonly<Record<ExpenseCategory, string>> = {
  rh_internes: "RH internes",
  prestations_externes: "Prestations externes",
  depenses_editeurs: "Dépenses éditeurs",
};

/** What each category covers, per funding (source 003 comparison table). */
export const EXPENSE_CATEGORY_SCOPE: Readonly<Record<ExpenseCategory, { hopen2: string; care: string | null }>> = {
  rh_internes: { hopen2: "Charges directement dédiées au projet et précisément traçables", care: null },
  prestations_externes: {
    hopen2: "Accompagnement, gestion de projet, formation, conduite du changement",
    care: "MIE, lecteurs (liste à venir)",
  },
  depenses_editeurs: { hopen2: "Licence, abonnement, déploiement, paramétrage, développement", care: null },
};

export type FundingScheme = "hopen2" | "care";

/** Source 003, "Antériorité des premières dépenses". */
export const EXPENSE_START_DATE: Readonly<Record<FundingScheme, string>> = {
  hopen2: "2025-12-19", // date d'application de l'instruction HOP'EN2
  care: "2026-01-30", // date de publication de l'arrêté CaRE
};

/** Source 003: "pour 2028 seules les dépenses facturées payées au 16 juin 2028 sont éligibles" (HOP'EN2). */
export const HOPEN2_2028_CUTOFF_DATE = "2028-06-16";

export type MilestoneYear = 2026 | 2027 | 2028;

/** French reason codes, shown to users as-is or mapped to messages by the UI. */
export type ExpenseIneligibilityReason =
  | "DEPENSE_ANTERIEURE_AU_19_12_2025"
  | "DEPENSE_ANTERIEURE_AU_30_01_2026"
  | "FACTUREE_APRES_LE_16_06_2028"
  | "NON_PAYEE_AU_16_06_2028"
  | "CATEGORIE_NON_ELIGIBLE_CARE";

export const EXPENSE_REASON_LABELS: Readonly<Record<ExpenseIneligibilityReason, string>> = {
  DEPENSE_ANTERIEURE_AU_19_12_2025: "Dépense antérieure au 19/12/2025, date d'application de l'instruction HOP'EN2",
  DEPENSE_ANTERIEURE_AU_30_01_2026: "Dépense antérieure au 30/01/2026, date de publication de l'arrêté CaRE",
  FACTUREE_APRES_LE_16_06_2028: "Jalon 2028 : dépense facturée après le 16/06/2028",
  NON_PAYEE_AU_16_06_2028: "Jalon 2028 : dépense non payée au 16/06/2028",
  CATEGORIE_NON_ELIGIBLE_CARE: "Catégorie non éligible au financement CaRE (seules les prestations externes le sont)",
};

export interface ExpenseEligibilityInput {
  category: ExpenseCategory;
  /** ISO calendar date YYYY-MM-DD (Europe/Paris). */
  invoiceDate: string;
  /** ISO calendar date YYYY-MM-DD; required to count for the 2028 milestone. */
  paymentDate?: string;
  milestoneYear: MilestoneYear;
  /** Defaults to HOP'EN2; CaRE has its own start date and categories (source 003). */
  scheme?: FundingScheme;
}

export interface ExpenseEligibilityResult {
  eligible: boolean;
  reasons: ExpenseIneligibilityReason[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validates a calendar date string. Checked arithmetically (leap years included) rather than
 * with Date, so no time zone can shift the day; valid ISO strings then compare as strings.
 */
export function assertIsoDate(value: unknown, label: string): asserts value is string {
  if (typeof value !== "string") {
    throw new FundingInputError("INVALID_DATE", `${label} must be a YYYY-MM-DD string`);
  }
  const m = ISO_DATE.exec(value);
  if (m === null) {
    throw new FundingInputError("INVALID_DATE", `${label} must be YYYY-MM-DD, got "${value}"`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const length = monthLengths[month - 1];
  if (length === undefined || day < 1 || day > length) {
    throw new FundingInputError("INVALID_DATE", `${label} is not a calendar date: "${value}"`);
  }
}

function isExpenseCategory(value: unknown): value is ExpenseCategory {
  return typeof value === "string" && (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Eligibility of one expense for a milestone (source 003):
 * - nothing dated before the scheme's start date (invoice and, when given, payment);
 * - HOP'EN2 2028 milestone: invoiced and paid on or before 16 June 2028 ("au 16 juin" read as
 *   inclusive); without a payment date the expense is not yet paid, hence not eligible;
 * - CaRE: only "prestations externes" (MIE, lecteurs); RH internes and éditeurs are not eligible.
 * No other cut-off is stated for 2026 and 2027, so none is applied.
 */
export function checkExpenseEligibility(input: ExpenseEligibilityInput): ExpenseEligibilityResult {
  if (!isExpenseCategory(input.category)) {
    throw new FundingInputError("UNKNOWN_CATEGORY", `unknown expense category ${String(input.category)}`);
  }
  if (input.milestoneYear !== 2026 && input.milestoneYear !== 2027 && input.milestoneYear !== 2028) {
    throw new FundingInputError("UNKNOWN_YEAR", `milestone year must be 2026, 2027 or 2028, got ${String(input.milestoneYear)}`);
  }
  const scheme: FundingScheme = input.scheme ?? "hopen2";
  if (scheme !== "hopen2" && scheme !== "care") {
    throw new FundingInputError("UNKNOWN_CATEGORY", `unknown funding scheme ${String(scheme)}`);
  }
  assertIsoDate(input.invoiceDate, "invoiceDate");
  if (input.paymentDate !== undefined) assertIsoDate(input.paymentDate, "paymentDate");

  const reasons: ExpenseIneligibilityReason[] = [];
  const start = EXPENSE_START_DATE[scheme];
  const tooEarly = input.invoiceDate < start || (input.paymentDate !== undefined && input.paymentDate < start);
  if (tooEarly) {
    reasons.push(scheme === "hopen2" ? "DEPENSE_ANTERIEURE_AU_19_12_2025" : "DEPENSE_ANTERIEURE_AU_30_01_2026");
  }
  if (scheme === "care" && input.category !== "prestations_externes") {
    reasons.push("CATEGORIE_NON_ELIGIBLE_CARE");
  }
  if (scheme === "hopen2" && input.milestoneYear === 2028) {
    if (input.invoiceDate > HOPEN2_2028_CUTOFF_DATE) reasons.push("FACTUREE_APRES_LE_16_06_2028");
    if (input.paymentDate === undefined || input.paymentDate > HOPEN2_2028_CUTOFF_DATE) {
      reasons.push("NON_PAYEE_AU_16_06_2028");
    }
  }
  return { eligible: reasons.length === 0, reasons };
}

export type ExpenseTotals = Record<ExpenseCategory, Cents> & { total: Cents };

/** Exact per-category totals in cents (attestation des dépenses engagées, source 003). */
export function sumExpensesByCategory(expenses: { category: ExpenseCategory; amount: Cents }[]): ExpenseTotals {
  if (!Array.isArray(expenses)) {
    throw new FundingInputError("MISSING_INPUT", "expenses must be an array");
  }
  const totals: ExpenseTotals = { rh_internes: 0, prestations_externes: 0, depenses_editeurs: 0, total: 0 };
  for (const [i, e] of expenses.entries()) {
    if (!isExpenseCategory(e.category)) {
      throw new FundingInputError("UNKNOWN_CATEGORY", `expenses[${i}]: unknown category ${String(e.category)}`);
    }
    assertCents(e.amount, `expenses[${i}].amount`);
    totals[e.category] = assertSafeResult(totals[e.category] + e.amount, `total ${e.category}`);
    totals.total = assertSafeResult(totals.total + e.amount, "total expenses");
  }
  return totals;
}
