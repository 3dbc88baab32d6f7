import { FundingInputError, assertFiniteNumber, assertNonNegativeInteger, assertSafeResult } from "./errors";

export interface CombinedActivityInput {
  mcoDays: number;
  mcoSessions: number;
  ambulatorySurgeryStays: number;
  otherDayHospitalStays: number;
  smrDays: number;
  psyDays: number;
  hadDays: number;
  usldDays: number;
}

/**
 * Source 002, annex 2, equivalences in MCO days, written in half-days so the computation
 * stays in integers:
 * - 1 séance MCO (dont dialyse) = 0.5 journée MCO
 * - 1 hospitalisation de jour de chirurgie ambulatoire = 1.5 journée MCO
 * - 1 journée SMR, PSY, HAD ou USLD = 0.5 journée MCO
 * - 1 hospitalisation de jour hors chirurgie ambulatoire = 1 journée MCO
 */
export const COMBINED_ACTIVITY_HALF_DAYS: Readonly<Record<keyof CombinedActivityInput, number>> = {
  mcoDays: 2,
  mcoSessions: 1,
  ambulatorySurgeryStays: 3,
  otherDayHospitalStays: 2,
  smrDays: 1,
  psyDays: 1,
  hadDays: 1,
  usldDays: 1,
};

/**
 * Activité combinée in MCO-day equivalents (source 002 annex 2).
 *
 * Rounding: none. The exact value is always a multiple of 0.5, which a double represents
 * exactly, and the AAP categories (source 001: "AC < 7 000") and phase-1 tranches compare
 * against it. Rounding 6 999.5 up would move an establishment to category B although the
 * source's strict inequality puts it in A; truncating would be a second, undocumented rule.
 */
export function combinedActivity(input: CombinedActivityInput): number {
  if (typeof input !== "object" || input === null) {
    throw new FundingInputError("MISSING_INPUT", "combinedActivity input is required");
  }
  let halfDays = 0;
  for (const key of Object.keys(COMBINED_ACTIVITY_HALF_DAYS) as (keyof CombinedActivityInput)[]) {
    const count = input[key];
    assertNonNegativeInteger(count, key); // counts of days, sessions or stays
    halfDays = assertSafeResult(halfDays + count * COMBINED_ACTIVITY_HALF_DAYS[key], "combined activity");
  }
  return halfDays / 2;
}

/**
 * Validates an activité combinée: finite, ≥ 0 and a multiple of 0.5 (the only values the
 * source 002 equivalences can produce). Returns it in integer half-days for exact comparisons.
 */
export function combinedActivityToHalfDays(activity: number, label = "combinedActivity"): number {
  assertFiniteNumber(activity, label);
  if (activity < 0) {
    throw new FundingInputError("NEGATIVE", `${label} must not be negative, got ${activity}`);
  }
  const halfDays = activity * 2; // exact for any double: multiplying by 2 only changes the exponent
  if (!Number.isInteger(halfDays)) {
    throw new FundingInputError("NOT_HALF_DAY", `${label} must be a multiple of 0.5, got ${activity}`);
  }
  return assertSafeResult(halfDays, label);
}
