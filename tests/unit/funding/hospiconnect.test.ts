import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  hospiconnectAnnualCeiling,
  hospiconnectAnnualPerAgent,
  hospiconnectProgrammeCeiling,
  hospiconnectProgrammeSimulation,
  hospiconnectRate,
  hospiconnectYearAmount,
} from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

const SRC = "source 000_1a898dec8b2a4de4.txt";

/**
 * Independent oracle written straight from the source's wording, agent by agent:
 * ranks 1–50 are covered by 6 600 € fixed; the 51st–250th agent adds 33 €, the 251st–5000th
 * 47 €, the 5001st–10000th 33 €, beyond 32 €. In euros.
 */
function oracleEuros(headcount: number): number {
  if (headcount === 0) return 0;
  let total = 6_600;
  for (let rank = 51; rank <= headcount; rank++) {
    total += rank <= 250 ? 33 : rank <= 5_000 ? 47 : rank <= 10_000 ? 33 : 32;
  }
  return total;
}

describe(`hospiconnectAnnualCeiling (${SRC})`, () => {
  // Hand-computed in euros from the tiers of source 000.
  const boundaries: [number, number][] = [
    [0, 0],
    [1, 6_600],
    [50, 6_600],
    [51, 6_633], // 6 600 + 33
    [250, 13_200], // 6 600 + 200 × 33
    [251, 13_247], // + 47
    [5_000, 236_450], // 13 200 + 4 750 × 47
    [5_001, 236_483], // + 33
    [10_000, 401_450], // 236 450 + 5 000 × 33
    [10_001, 401_482], // + 32
  ];
  it.each(boundaries)("tier boundary: %i agents → %i €", (headcount, eurosExpected) => {
    expect(hospiconnectAnnualCeiling(headcount)).toBe(eurosExpected * 100);
  });

  it("800-agent example: 39 050 € per year", () => {
    // 6 600 + 200 × 33 + 550 × 47 = 39 050
    expect(hospiconnectAnnualCeiling(800)).toBe(3_905_000);
  });

  // Source 000 table "Effectif / Montant par agent par an", with the exact ceilings behind it.
  const perAgentTable: [number, number, number][] = [
    // headcount, published €/agent, exact annual ceiling €
    [30, 220, 6_600], // 220.00
    [75, 99, 7_425], // 99.00
    [150, 66, 9_900], // 66.00
    [300, 51, 15_550], // 51.83 — published 51 (see below)
    [600, 49, 29_650], // 49.42
    [1_200, 48, 57_850], // 48.21
    [6_000, 45, 269_450], // 44.91
    [12_000, 39, 465_450], // 38.79
  ];
  it.each(perAgentTable)("per-agent table: %i agents → %i €/agent (ceiling %i €)", (headcount, published, ceilingEuros) => {
    expect(hospiconnectAnnualCeiling(headcount)).toBe(ceilingEuros * 100);
    const perAgentCents = hospiconnectAnnualPerAgent(headcount);
    // The published figure is always within 1 € of the exact amount per agent...
    expect(Math.abs(perAgentCents - published * 100)).toBeLessThan(100);
    // ...and is the exact amount rounded to the nearest euro, except for 300 agents where the
    // source prints 51 for 51.83 € (truncated): a rounding inconsistency of the source table.
    const nearestEuro = Math.round(perAgentCents / 100);
    if (headcount === 300) {
      expect(perAgentCents).toBe(5_183);
      expect(Math.floor(perAgentCents / 100)).toBe(published);
      expect(nearestEuro).toBe(52);
    } else {
      expect(nearestEuro).toBe(published);
    }
  });

  it("per-agent amount is 0 for 0 agents and rounds half-up to the cent", () => {
    expect(hospiconnectAnnualPerAgent(0)).toBe(0);
    expect(hospiconnectAnnualPerAgent(600)).toBe(4_942); // 29 650 / 600 = 49.4166…
    expect(hospiconnectAnnualPerAgent(6_000)).toBe(4_491); // 269 450 / 6 000 = 44.9083…
  });

  it("rejects bad headcounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => hospiconnectAnnualCeiling(value as number), code);
  });

  it("property: equals the agent-by-agent oracle", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15_000 }), (n) => {
        expect(hospiconnectAnnualCeiling(n)).toBe(oracleEuros(n) * 100);
      }),
      { numRuns: 200 },
    );
  });

  it("property: never decreases as headcount grows, and each extra agent adds 0, 32, 33 or 47 €", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (n, k) => {
        expect(hospiconnectAnnualCeiling(n + k)).toBeGreaterThanOrEqual(hospiconnectAnnualCeiling(n));
        const step = hospiconnectAnnualCeiling(n + 1) - hospiconnectAnnualCeiling(n);
        expect([0, 3_200, 3_300, 4_700, 660_000]).toContain(step);
      }),
    );
  });
});

describe(`hospiconnectProgrammeCeiling (${SRC})`, () => {
  it("1–50 agents: 19 800 € over three years", () => {
    expect(hospiconnectProgrammeCeiling(1)).toBe(1_980_000);
    expect(hospiconnectProgrammeCeiling(50)).toBe(1_980_000);
    expect(hospiconnectProgrammeCeiling(0)).toBe(0);
  });
  it("three-year per-agent figures: 99 €, 141 €, 99 €, 96 €", () => {
    const marginal = (n: number) => hospiconnectProgrammeCeiling(n) - hospiconnectProgrammeCeiling(n - 1);
    expect(marginal(51)).toBe(9_900);
    expect(marginal(250)).toBe(9_900);
    expect(marginal(251)).toBe(14_100);
    expect(marginal(5_000)).toBe(14_100);
    expect(marginal(5_001)).toBe(9_900);
    expect(marginal(10_000)).toBe(9_900);
    expect(marginal(10_001)).toBe(9_600);
  });
  it("800 agents: 117 150 € over three years", () => {
    expect(hospiconnectProgrammeCeiling(800)).toBe(11_715_000);
  });
  it("rejects bad headcounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => hospiconnectProgrammeCeiling(value as number), code);
  });
});

describe(`hospiconnectRate (${SRC})`, () => {
  it.each([
    [0, 0],
    [1, 40],
    [2, 52],
    [3, 64],
    [4, 76],
    [5, 88],
    [6, 100],
  ])("%i objectives → %i %%", (n, rate) => {
    expect(hospiconnectRate(n)).toBe(rate);
  });
  it("rejects 7, negatives, fractions, NaN", () => {
    expectCode(() => hospiconnectRate(7), "OUT_OF_RANGE");
    for (const [value, code] of BAD_NUMBERS) expectCode(() => hospiconnectRate(value as number), code);
  });
});

describe(`hospiconnectYearAmount — 800-agent example of ${SRC}`, () => {
  const annualCeiling = 3_905_000; // 39 050 €
  it("2026: 100 % of 39 050 €, expenses 30 000 € → 30 000 €", () => {
    expect(hospiconnectYearAmount({ annualCeiling, year: 2026, milestoneComplete: true, declaredExpenses: 3_000_000 })).toEqual({
      eligible: 3_905_000,
      granted: 3_000_000,
    });
  });
  it("2027: 3/6 → 64 % = 24 992 €, expenses 34 000 € → 24 992 €", () => {
    expect(
      hospiconnectYearAmount({
        annualCeiling,
        year: 2027,
        mandatoryObjectiveMet: true,
        objectivesReached: 3,
        declaredExpenses: 3_400_000,
      }),
    ).toEqual({ eligible: 2_499_200, granted: 2_499_200 });
  });
  it("2028: 6/6 → 39 050 €, expenses 50 000 € → 39 050 €", () => {
    expect(
      hospiconnectYearAmount({
        annualCeiling,
        year: 2028,
        mandatoryObjectiveMet: true,
        objectivesReached: 6,
        declaredExpenses: 5_000_000,
      }),
    ).toEqual({ eligible: 3_905_000, granted: 3_905_000 });
  });
});

describe("hospiconnectYearAmount — rules", () => {
  const annualCeiling = 3_905_000;
  it("2026 without the milestone gives nothing", () => {
    expect(hospiconnectYearAmount({ annualCeiling, year: 2026, milestoneComplete: false, declaredExpenses: 3_000_000 })).toEqual({
      eligible: 0,
      granted: 0,
    });
  });
  it("2027/2028: nothing when mandatory objective 1.0 is not met, even with 6/6", () => {
    for (const year of [2027, 2028] as const) {
      expect(
        hospiconnectYearAmount({ annualCeiling, year, mandatoryObjectiveMet: false, objectivesReached: 6, declaredExpenses: 9_000_000 }),
      ).toEqual({ eligible: 0, granted: 0 });
    }
  });
  it("2027: 0 objectives reached → 0 even with 1.0 met", () => {
    expect(
      hospiconnectYearAmount({ annualCeiling, year: 2027, mandatoryObjectiveMet: true, objectivesReached: 0, declaredExpenses: 9_000_000 }),
    ).toEqual({ eligible: 0, granted: 0 });
  });
  it("each rate applied to the 800-agent ceiling (whole euros → exact cents)", () => {
    // 39 050 € × 40/52/76/88 % = 15 620 / 20 306 / 29 678 / 34 364 €
    const expected: [number, number][] = [
      [1, 1_562_000],
      [2, 2_030_600],
      [4, 2_967_800],
      [5, 3_436_400],
    ];
    for (const [n, eligible] of expected) {
      const r = hospiconnectYearAmount({ annualCeiling, year: 2028, mandatoryObjectiveMet: true, objectivesReached: n, declaredExpenses: 0 });
      expect(r).toEqual({ eligible, granted: 0 });
    }
  });
  it("rounding: a ceiling with odd cents is floored to the cent (never above the exact percentage)", () => {
    // 3 cents × 52 % = 1.56 cent → 1 ; 1 cent × 40 % = 0.4 → 0 ; 99 cents × 88 % = 87.12 → 87
    const r = (ceiling: number, n: number) =>
      hospiconnectYearAmount({ annualCeiling: ceiling, year: 2027, mandatoryObjectiveMet: true, objectivesReached: n, declaredExpenses: 10_000 }).eligible;
    expect(r(3, 2)).toBe(1);
    expect(r(1, 1)).toBe(0);
    expect(r(99, 5)).toBe(87);
  });
  it("reads an absent condition as not met: no money without a stated achievement", () => {
    const expenses = 5_000_000;
    expect(hospiconnectYearAmount({ annualCeiling, year: 2026, declaredExpenses: expenses })).toEqual({ eligible: 0, granted: 0 });
    expect(hospiconnectYearAmount({ annualCeiling, year: 2027, objectivesReached: 3, declaredExpenses: expenses })).toEqual({ eligible: 0, granted: 0 });
    expect(hospiconnectYearAmount({ annualCeiling, year: 2028, mandatoryObjectiveMet: true, declaredExpenses: expenses })).toEqual({ eligible: 0, granted: 0 });
  });
  it("rejects a condition of the wrong type", () => {
    expectCode(() => hospiconnectYearAmount({ annualCeiling, year: 2026, milestoneComplete: "oui" as unknown as boolean, declaredExpenses: 0 }), "MISSING_INPUT");
    expectCode(() => hospiconnectYearAmount({ annualCeiling, year: 2027, mandatoryObjectiveMet: 1 as unknown as boolean, objectivesReached: 3, declaredExpenses: 0 }), "MISSING_INPUT");
  });
  it("rejects unknown years", () => {
    for (const year of [2025, 2029, 2026.5, Number.NaN]) {
      expectCode(
        () => hospiconnectYearAmount({ annualCeiling, year: year as 2026, milestoneComplete: true, declaredExpenses: 0 }),
        "UNKNOWN_YEAR",
      );
    }
  });
  it("rejects bad amounts and objective counts", () => {
    for (const [value, code] of BAD_NUMBERS) {
      expectCode(() => hospiconnectYearAmount({ annualCeiling: value as number, year: 2026, milestoneComplete: true, declaredExpenses: 0 }), code);
      expectCode(() => hospiconnectYearAmount({ annualCeiling, year: 2026, milestoneComplete: true, declaredExpenses: value as number }), code);
      expectCode(
        () => hospiconnectYearAmount({ annualCeiling, year: 2027, mandatoryObjectiveMet: true, objectivesReached: value as number, declaredExpenses: 0 }),
        code,
      );
    }
    expectCode(
      () => hospiconnectYearAmount({ annualCeiling, year: 2027, mandatoryObjectiveMet: false, objectivesReached: 7, declaredExpenses: 0 }),
      "OUT_OF_RANGE",
    );
  });

  it("property: granted = min(eligible, expenses) ≤ eligible ≤ ceiling", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(2026 as const, 2027 as const, 2028 as const),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (ceiling, year, flag, n, expenses) => {
          const r = hospiconnectYearAmount({
            annualCeiling: ceiling,
            year,
            milestoneComplete: flag,
            mandatoryObjectiveMet: flag,
            objectivesReached: n,
            declaredExpenses: expenses,
          });
          expect(Number.isSafeInteger(r.eligible) && Number.isSafeInteger(r.granted)).toBe(true);
          expect(r.granted).toBeLessThanOrEqual(r.eligible);
          expect(r.granted).toBeLessThanOrEqual(expenses);
          expect(r.eligible).toBeLessThanOrEqual(ceiling);
          expect(r.granted).toBe(Math.min(r.eligible, expenses));
          // eligible within one cent below the exact percentage
          const exactTimes100 = year === 2026 ? (flag ? ceiling * 100 : 0) : flag ? ceiling * [0, 40, 52, 64, 76, 88, 100][n]! : 0;
          expect(r.eligible * 100).toBeLessThanOrEqual(exactTimes100);
          expect(r.eligible * 100).toBeGreaterThan(exactTimes100 - 100);
        },
      ),
    );
  });

  it("property: more objectives never give less", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 5 }), (ceiling, n) => {
        const at = (k: number) =>
          hospiconnectYearAmount({ annualCeiling: ceiling, year: 2027, mandatoryObjectiveMet: true, objectivesReached: k, declaredExpenses: ceiling }).granted;
        expect(at(n + 1)).toBeGreaterThanOrEqual(at(n));
      }),
    );
  });
});

describe(`hospiconnectProgrammeSimulation (${SRC} 800-agent example)`, () => {
  it("runs the three years and totals them, nothing carried over", () => {
    const sim = hospiconnectProgrammeSimulation({
      annualCeiling: 3_905_000,
      y2026: { milestoneComplete: true, declaredExpenses: 3_000_000 },
      y2027: { mandatoryObjectiveMet: true, objectivesReached: 3, declaredExpenses: 3_400_000 },
      y2028: { mandatoryObjectiveMet: true, objectivesReached: 6, declaredExpenses: 5_000_000 },
    });
    expect(sim.years.map((y) => [y.year, y.eligible, y.granted, y.notGranted])).toEqual([
      [2026, 3_905_000, 3_000_000, 905_000],
      [2027, 2_499_200, 2_499_200, 0],
      [2028, 3_905_000, 3_905_000, 0],
    ]);
    // 39 050 + 24 992 + 39 050 = 103 092 € eligible; 30 000 + 24 992 + 39 050 = 94 042 € granted.
    expect(sim.totalEligible).toBe(10_309_200);
    expect(sim.totalGranted).toBe(9_404_200);
    expect(sim.totalDeclaredExpenses).toBe(11_400_000);
    // 2026's unused 9 050 € are not added to 2028 although 2028 expenses exceed its ceiling.
    expect(sim.years[2].granted).toBe(3_905_000);
  });
  it("rejects a missing year", () => {
    expectCode(
      () =>
        hospiconnectProgrammeSimulation({
          annualCeiling: 3_905_000,
          y2026: { milestoneComplete: true, declaredExpenses: 0 },
          y2027: { mandatoryObjectiveMet: true, objectivesReached: 3, declaredExpenses: 0 },
        } as unknown as Parameters<typeof hospiconnectProgrammeSimulation>[0]),
      "MISSING_INPUT",
    );
  });
});
