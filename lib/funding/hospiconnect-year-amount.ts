import { FundingInputError, assertBoolean, assertSafeResult } from "./errors";
import { hospiconnectRate } from "./hospiconnect-rate";
import { assertCents, percentOfFloor, type Cents } from "./money";

export type HospiconnectYear = 2026 | 2027 | 2028;
export const HOSPICONNECT_YEARS: readonly HospiconnectYear[] = [2026, 2027, 2028];

export interface HospiconnectYearInput {
  annualCeiling: Cents;
  year: 2026 | 2027 | 2028;
  /** 2026 only: note de cadrage deposited and IE self-assessment validated. Absent = not complete. */
  milestoneComplete?: boolean;
  /** 2027/2028: mandatory objective 1.0 (PGSSI-S). Absent = not met. */
  mandatoryObjectiveMet?: boolean;
  /** 2027/2028: objectives 1.1–2.2 reached, 0..6. Absent = 0. */
  objectivesReached?: number;
  declaredExpenses: Cents;
}

export interface HospiconnectYearResult {
  eligible: Cents;
  granted: Cents;
}

function isHospiconnectYear(year: unknown): year is HospiconnectYear {
  return year === 2026 || year === 2027 || year === 2028;
}

/**
 * Amount of one year (source 000).
 * - 2026: 100 % of the ceiling when the milestone is complete, else 0.
 * - 2027/2028: ceiling × rate(objectives reached); 0 when objective 1.0 is not met.
 * - granted = min(eligible, declared expenses): "ne peut dépasser le montant des dépenses
 *   éligibles effectivement engagées".
 * An absent condition is read as not met: money is granted only on a stated achievement
 * (the optional fields of the signature); a value of the wrong type is an error.
 *
 * Rounding: eligible = ceiling × percent floored to the cent. An eligible amount is a ceiling,
 * so rounding must never exceed the exact percentage. Ceilings from hospiconnectAnnualCeiling
 * are whole euros, so with integer percents the product is always exact (source 000:
 * 64 % × 39 050 € = 24 992 €); the floor only matters for ceilings given with odd cents.
 */
export function hospiconnectYearAmount(input: HospiconnectYearInput): HospiconnectYearResult {
  assertCents(input.annualCeiling, "annualCeiling");
  assertCents(input.declaredExpenses, "declaredExpenses");
  if (!isHospiconnectYear(input.year)) {
    throw new FundingInputError("UNKNOWN_YEAR", `HospiConnect year must be 2026, 2027 or 2028, got ${String(input.year)}`);
  }
  let eligible: Cents;
  if (input.year === 2026) {
    const milestoneComplete = input.milestoneComplete ?? false;
    assertBoolean(milestoneComplete, "milestoneComplete");
    eligible = milestoneComplete ? input.annualCeiling : 0;
  } else {
    const mandatoryObjectiveMet = input.mandatoryObjectiveMet ?? false;
    assertBoolean(mandatoryObjectiveMet, "mandatoryObjectiveMet");
    const rate = hospiconnectRate(input.objectivesReached ?? 0); // validates 0..6 even when 1.0 is not met
    eligible = mandatoryObjectiveMet ? percentOfFloor(input.annualCeiling, rate) : 0;
  }
  return { eligible, granted: Math.min(eligible, input.declaredExpenses) };
}

export interface HospiconnectSimulationInput {
  annualCeiling: Cents;
  y2026: { milestoneComplete: boolean; declaredExpenses: Cents };
  y2027: { mandatoryObjectiveMet: boolean; objectivesReached: number; declaredExpenses: Cents };
  y2028: { mandatoryObjectiveMet: boolean; objectivesReached: number; declaredExpenses: Cents };
}

export interface HospiconnectSimulationYear extends HospiconnectYearResult {
  year: HospiconnectYear;
  declaredExpenses: Cents;
  /** Eligible amount not granted for lack of expenses; lost, not carried over (source 003). */
  notGranted: Cents;
}

export interface HospiconnectSimulationResult {
  annualCeiling: Cents;
  years: [HospiconnectSimulationYear, HospiconnectSimulationYear, HospiconnectSimulationYear];
  totalEligible: Cents;
  totalGranted: Cents;
  totalDeclaredExpenses: Cents;
}

/**
 * Runs 2026, 2027 and 2028 independently. Nothing is carried over between years
 * (source 003: "Les financements non atteints en année N ne peuvent pas être « récupérés »
 * en année N+1"), and unused expenses of one year do not count for another.
 */
export function hospiconnectProgrammeSimulation(input: HospiconnectSimulationInput): HospiconnectSimulationResult {
  const run = (year: HospiconnectYear, params: Omit<HospiconnectYearInput, "annualCeiling" | "year">): HospiconnectSimulationYear => {
    if (typeof params !== "object" || params === null) {
      throw new FundingInputError("MISSING_INPUT", `inputs of year ${year} are required`);
    }
    // Explicit object rather than a spread: same shape for the three years (spread was ~30× slower in the bench).
    const r = hospiconnectYearAmount({
      annualCeiling: input.annualCeiling,
      year,
      milestoneComplete: params.milestoneComplete,
      mandatoryObjectiveMet: params.mandatoryObjectiveMet,
      objectivesReached: params.objectivesReached,
      declaredExpenses: params.declaredExpenses,
    });
    return { year, ...r, declaredExpenses: params.declaredExpenses, notGranted: r.eligible - r.granted };
  };
  const years: HospiconnectSimulationResult["years"] = [
    run(2026, input.y2026),
    run(2027, input.y2027),
    run(2028, input.y2028),
  ];
  const total = (pick: (y: HospiconnectSimulationYear) => Cents) =>
    assertSafeResult(years.reduce((s, y) => s + pick(y), 0), "programme total");
  return {
    annualCeiling: input.annualCeiling,
    years,
    totalEligible: total((y) => y.eligible),
    totalGranted: total((y) => y.granted),
    totalDeclaredExpenses: total((y) => y.declaredExpenses),
  };
}
