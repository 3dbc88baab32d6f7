import { hospiconnectAnnualCeiling, hospiconnectYearAmount, sumCents, EXPENSE_CATEGORIES, type Cents, type ExpenseCategory } from "@/lib/funding";

export type MilestoneYear = 2026 | 2027 | 2028;

export function isMilestoneYear(year: number): year is MilestoneYear {
  return year === 2026 || year === 2027 || year === 2028;
}

export interface PartAmountInput {
  headcount: number;
  year: MilestoneYear;
  /** 2026: note de cadrage deposited and a usable validated self-assessment quoted. */
  milestoneComplete: boolean;
  mandatoryObjectiveMet: boolean | null;
  objectivesReached: number;
  expenses: Record<ExpenseCategory, Cents | null>;
}

export interface PartAmounts {
  annualCeiling: Cents;
  /** Ceiling × rate of the year (source 000). */
  eligible: Cents;
  declaredExpenses: Cents;
  /** The eligible amount capped at the declared expenses: the most that can be requested. */
  capped: Cents;
}

/** The amounts shown live in the deposit form and checked on submission: all from lib/funding. */
export function partAmounts(input: PartAmountInput): PartAmounts {
  const annualCeiling = hospiconnectAnnualCeiling(input.headcount);
  const declaredExpenses = sumCents(EXPENSE_CATEGORIES.map((category) => input.expenses[category] ?? 0));
  const { eligible, granted } = hospiconnectYearAmount({
    annualCeiling,
    year: input.year,
    milestoneComplete: input.milestoneComplete,
    mandatoryObjectiveMet: input.mandatoryObjectiveMet ?? false,
    objectivesReached: input.objectivesReached,
    declaredExpenses,
  });
  return { annualCeiling, eligible, declaredExpenses, capped: granted };
}
