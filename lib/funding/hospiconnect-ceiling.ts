import { assertNonNegativeInteger, assertSafeResult } from "./errors";
import type { Cents } from "./money";

/**
 * Source 000, "Montants plafond par an par FINESS juridique". Per-agent tiers, in cents per
 * agent per year; `from`/`to` are agent ranks (inclusive), `to: null` = no upper bound.
 * Ranks 1–50 are a fixed amount, not per agent.
 */
export const HOSPICONNECT_FIXED_TIER = { from: 1, to: 50, amount: 660_000 } as const; // 6 600 €

export const HOSPICONNECT_PER_AGENT_TIERS: readonly {
  readonly from: number;
  readonly to: number | null;
  readonly perAgent: Cents;
}[] = [
  { from: 51, to: 250, perAgent: 3_300 }, // 33 €
  { from: 251, to: 5_000, perAgent: 4_700 }, // 47 €
  { from: 5_001, to: 10_000, perAgent: 3_300 }, // 33 €
  { from: 10_001, to: null, perAgent: 3_200 }, // 32 €
];

/** Source 000: the three-year programme runs 2026–2028 with the same ceiling each year. */
export const HOSPICONNECT_PROGRAMME_YEARS = 3;

/**
 * Annual ceiling of an EJ from its headcount (source 000). 0 agents → 0 (nothing to fund);
 * 1–50 → 6 600 € fixed; then each agent adds the amount of its rank's tier.
 * Every tier amount is whole euros, so the result is always a whole number of euros.
 */
export function hospiconnectAnnualCeiling(headcount: number): Cents {
  assertNonNegativeInteger(headcount, "headcount");
  if (headcount === 0) return 0;
  let total: Cents = HOSPICONNECT_FIXED_TIER.amount;
  for (const tier of HOSPICONNECT_PER_AGENT_TIERS) {
    if (headcount < tier.from) break;
    const last = tier.to === null ? headcount : Math.min(headcount, tier.to);
    total += (last - tier.from + 1) * tier.perAgent;
  }
  return assertSafeResult(total, "annual ceiling");
}

/** Three-year ceiling = 3 × annual (source 000: 19 800 € for 1–50; 99/141/99/96 € per agent). */
export function hospiconnectProgrammeCeiling(headcount: number): Cents {
  return assertSafeResult(hospiconnectAnnualCeiling(headcount) * HOSPICONNECT_PROGRAMME_YEARS, "programme ceiling");
}

/**
 * Annual ceiling per agent, in cents rounded half-up to the cent (display only: source 000's
 * "Montant par agent par an" table). 0 agents → 0.
 */
export function hospiconnectAnnualPerAgent(headcount: number): Cents {
  const ceiling = hospiconnectAnnualCeiling(headcount);
  if (headcount === 0) return 0;
  return Number((BigInt(ceiling) * 2n + BigInt(headcount)) / (2n * BigInt(headcount)));
}
