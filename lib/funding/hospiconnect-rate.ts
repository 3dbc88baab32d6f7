import { FundingInputError, assertNonNegativeInteger } from "./errors";

/** Source 000, "Nombre d'objectifs atteints / Taux appliqué" (objectives 1.1 to 2.2). */
export const HOSPICONNECT_OBJECTIVE_COUNT = 6;

/** Index = number of objectives reached; value = integer percent of the annual ceiling. */
export const HOSPICONNECT_RATES: readonly number[] = [0, 40, 52, 64, 76, 88, 100];

/** Percent of the ceiling for 0–6 objectives reached; 0 objective → 0 % ("dès l'atteinte du premier objectif"). */
export function hospiconnectRate(objectivesReached: number): number {
  assertNonNegativeInteger(objectivesReached, "objectivesReached");
  const rate = HOSPICONNECT_RATES[objectivesReached];
  if (rate === undefined) {
    throw new FundingInputError(
      "OUT_OF_RANGE",
      `objectivesReached must be between 0 and ${HOSPICONNECT_OBJECTIVE_COUNT}, got ${objectivesReached}`,
    );
  }
  return rate;
}
