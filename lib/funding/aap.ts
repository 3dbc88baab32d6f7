import { FundingInputError, assertSafeResult } from "./errors";
import { combinedActivityToHalfDays } from "./combined-activity";
import { assertCents, type Cents } from "./money";

export type AapCategory = "A" | "B" | "C" | "D";

/**
 * Source 001, AAP caps per project by activité combinée (AC):
 * A: AC < 7 000 → 35 000 €; B: 7 000 ≤ AC < 60 000 → 51 000 €;
 * C: 60 000 ≤ AC < 230 000 → 85 000 €; D: AC ≥ 230 000 → 205 000 €.
 * `minActivity` inclusive, `maxActivityExclusive` exclusive (null = no bound).
 */
export const AAP_CATEGORIES: readonly {
  readonly category: AapCategory;
  readonly minActivity: number;
  readonly maxActivityExclusive: number | null;
  readonly cap: Cents;
}[] = [
  { category: "A", minActivity: 0, maxActivityExclusive: 7_000, cap: 3_500_000 },
  { category: "B", minActivity: 7_000, maxActivityExclusive: 60_000, cap: 5_100_000 },
  { category: "C", minActivity: 60_000, maxActivityExclusive: 230_000, cap: 8_500_000 },
  { category: "D", minActivity: 230_000, maxActivityExclusive: null, cap: 20_500_000 },
];

/** Category and cap of an AAP project from its activité combinée (multiple of 0.5, ≥ 0). */
export function aapCategory(combinedActivity: number): { category: AapCategory; cap: Cents } {
  const halfDays = combinedActivityToHalfDays(combinedActivity);
  for (const c of AAP_CATEGORIES) {
    if (c.maxActivityExclusive === null || halfDays < c.maxActivityExclusive * 2) {
      return { category: c.category, cap: c.cap };
    }
  }
  // Unreachable: the last category has no upper bound.
  throw new FundingInputError("OUT_OF_RANGE", `no AAP category for ${combinedActivity}`);
}

/**
 * Source 001: a project carried by several establishments takes the category of the
 * cumulated activité combinée ("l'activité combinée cumulée des établissements impliqués").
 * Summed in half-days, so the sum is exact.
 */
export function aapCategoryForProject(activities: number[]): { category: AapCategory; cap: Cents; combinedActivity: number } {
  if (!Array.isArray(activities) || activities.length === 0) {
    throw new FundingInputError("EMPTY", "a project needs at least one establishment");
  }
  let halfDays = 0;
  for (const [i, a] of activities.entries()) {
    halfDays = assertSafeResult(halfDays + combinedActivityToHalfDays(a, `activities[${i}]`), "project activity");
  }
  const total = halfDays / 2;
  return { ...aapCategory(total), combinedActivity: total };
}

export interface AapPayments {
  onAcceptance: Cents;
  onObjectives: Cents;
}

/**
 * Source 001: 50 % paid in 2026 on acceptance, 50 % in 2027 on objectives validated by the ARS.
 * Odd cent: the first payment is floored to the cent and the second is the remainder, so the
 * halves always add up to `granted` and the odd cent goes to the 2027 payment (the one made
 * once objectives are validated — nothing is paid early).
 */
export function aapPayments(granted: Cents): AapPayments {
  assertCents(granted, "granted");
  const onAcceptance = Math.floor(granted / 2); // exact: granted is a safe integer
  return { onAcceptance, onObjectives: granted - onAcceptance };
}
