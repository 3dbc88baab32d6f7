import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  PHASE1_FORFAIT_TABLE,
  PHASE1_OBJECTIVES,
  PHASE1_TRANCHES,
  phase1Forfait,
  phase1PaymentSplit,
  phase1Settlement,
  phase1Tranche,
  type Phase1Objective,
} from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

const SRC = "source 002_7a0cc7521312e21b.txt annex 2";
const TOP = 500_000; // arbitrary top of tranche D for the tests

describe(`phase-1 tranche table (${SRC})`, () => {
  it("thresholds: A 0–6 999, B 7 000–22 499, C 22 500–229 999, D 230 000–max", () => {
    expect(PHASE1_TRANCHES.map((t) => [t.tranche, t.minActivity, t.maxActivityLabel])).toEqual([
      ["A", 0, 6_999],
      ["B", 7_000, 22_499],
      ["C", 22_500, 229_999],
      ["D", 230_000, null],
    ]);
  });
  it("amounts in k€ as printed in the source", () => {
    const kEuros = (o: Phase1Objective) => (["A", "B", "C", "D"] as const).map((t) => PHASE1_FORFAIT_TABLE[o][t].map((c) => c / 100_000));
    expect(kEuros("P1.O1")).toEqual([[4.5, 6], [6, 12], [12, 37.5], [37.5, 80]]);
    expect(kEuros("P1.O2")).toEqual([[9, 12], [12, 24], [24, 75], [75, 160]]);
    expect(kEuros("P1.O3")).toEqual([[0.9, 1.2], [1.2, 2.4], [2.4, 7.5], [7.5, 16]]);
    expect(kEuros("P1.O4")).toEqual([[6.3, 8.4], [8.4, 16.8], [16.8, 52.5], [52.5, 112]]);
    expect(kEuros("P1.O5")).toEqual([[3.2, 6.5], [6.5, 13], [13, 26], [26, 40]]);
    expect(kEuros("P1.O6")).toEqual([[3.2, 6.5], [6.5, 13], [13, 26], [26, 40]]);
    expect(kEuros("P1.O7")).toEqual([[2.4, 3.2], [3.2, 6.4], [6.4, 20], [20, 42.6]]);
    expect(kEuros("P1.O8")).toEqual([[2.4, 3.2], [3.2, 6.4], [6.4, 20], [20, 42.6]]);
  });
  it("'le montant maximum de la catégorie N est le montant minimum de la catégorie suivante'", () => {
    for (const o of PHASE1_OBJECTIVES) {
      const t = PHASE1_FORFAIT_TABLE[o];
      expect(t.A[1]).toBe(t.B[0]);
      expect(t.B[1]).toBe(t.C[0]);
      expect(t.C[1]).toBe(t.D[0]);
    }
  });
  it("phase1Tranche boundaries", () => {
    expect([0, 6_999, 6_999.5, 7_000, 22_499.5, 22_500, 229_999.5, 230_000, 9e6].map(phase1Tranche)).toEqual([
      "A", "A", "A", "B", "B", "C", "C", "D", "D",
    ]);
  });
});

describe(`phase1Forfait (${SRC})`, () => {
  const f = (objective: Phase1Objective, ac: number, top = TOP) => phase1Forfait({ objective, combinedActivity: ac, trancheDTop: top });
  it("P1.O1 at tranche bounds: minimum at the start of each tranche, maximum at the top of D", () => {
    expect(f("P1.O1", 0)).toBe(450_000); // 4,5 k€
    expect(f("P1.O1", 7_000)).toBe(600_000); // 6 k€
    expect(f("P1.O1", 22_500)).toBe(1_200_000); // 12 k€
    expect(f("P1.O1", 230_000)).toBe(3_750_000); // 37,5 k€
    expect(f("P1.O1", TOP)).toBe(8_000_000); // 80 k€
  });
  it("linear inside a tranche", () => {
    // A: 4 500 + 1 500 × 3 500 / 7 000 = 5 250 €
    expect(f("P1.O1", 3_500)).toBe(525_000);
    // B: 6 000 + 6 000 × 7 750 / 15 500 = 9 000 €
    expect(f("P1.O1", 14_750)).toBe(900_000);
    // D with top 500 000: 37 500 + 42 500 × 135 000 / 270 000 = 58 750 €
    expect(f("P1.O1", 365_000)).toBe(5_875_000);
    // P1.O5 C: 13 000 + 13 000 × (126 250 − 22 500) / 207 500 = 19 500 €
    expect(f("P1.O5", 126_250)).toBe(1_950_000);
  });
  it("continuous at the tranche boundary (half a day below B)", () => {
    // 450 000 + 150 000 × 13 999 / 14 000 = 599 989.28… → 599 989 cents
    expect(f("P1.O1", 6_999.5)).toBe(599_989);
  });
  it("rounds half-up to the cent", () => {
    // P1.O3 D, top 1 080 000: span 850 000 AC = 1 700 000 half-days; +0.5 AC adds 850 000 / 1 700 000 = 0.5 cent
    expect(f("P1.O3", 230_000.5, 1_080_000)).toBe(750_001);
    // +1.5 AC → 1.5 cent → 2
    expect(f("P1.O3", 230_001.5, 1_080_000)).toBe(750_002);
    // P1.O1 D same top: +0.5 AC → 4 250 000 / 1 700 000 = 2.5 cents → 3
    expect(f("P1.O1", 230_000.5, 1_080_000)).toBe(3_750_003);
  });
  it("activities above the top of tranche D get the tranche-D maximum", () => {
    expect(f("P1.O2", 1_000_000)).toBe(16_000_000);
  });
  it("rejects bad inputs", () => {
    expectCode(() => f("P1.O9" as Phase1Objective, 10), "UNKNOWN_OBJECTIVE");
    expectCode(() => f("P1.O1", 10, 230_000), "OUT_OF_RANGE");
    expectCode(() => f("P1.O1", 10, 100), "OUT_OF_RANGE");
    expectCode(() => f("P1.O1", -1), "NEGATIVE");
    expectCode(() => f("P1.O1", 0.3), "NOT_HALF_DAY");
    expectCode(() => f("P1.O1", Number.NaN), "NOT_FINITE");
    expectCode(() => f("P1.O1", 10, Number.POSITIVE_INFINITY), "NOT_FINITE");
  });
  it("property: non-decreasing in activity, within [A min, D max], no jump between consecutive half days", () => {
    // Tranche spans in half-days: A 14 000, B 31 000, C 415 000, D 2 × top − 460 000.
    const maxStep = (o: Phase1Objective, top: number) => {
      const t = PHASE1_FORFAIT_TABLE[o];
      const slopes = [
        (t.A[1] - t.A[0]) / 14_000,
        (t.B[1] - t.B[0]) / 31_000,
        (t.C[1] - t.C[0]) / 415_000,
        (t.D[1] - t.D[0]) / (2 * top - 460_000),
      ];
      return Math.ceil(Math.max(...slopes)) + 1; // + 1 cent for rounding
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...PHASE1_OBJECTIVES),
        fc.nat({ max: 1_200_000 }),
        fc.integer({ min: 460_001, max: 2_000_000 }),
        (o, h, topHalf) => {
          const top = topHalf / 2;
          const a = f(o, h / 2, top);
          const b = f(o, (h + 1) / 2, top);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(a).toBeGreaterThanOrEqual(PHASE1_FORFAIT_TABLE[o].A[0]);
          expect(a).toBeLessThanOrEqual(PHASE1_FORFAIT_TABLE[o].D[1]);
          expect(b - a).toBeLessThanOrEqual(maxStep(o, top));
        },
      ),
    );
  });
});

describe(`phase-1 payments (${SRC.replace(" annex 2", "")} §3: 30 % amorçage, 70 % solde)`, () => {
  it("splits a forfait", () => {
    expect(phase1PaymentSplit(450_000)).toEqual({ amorcage: 135_000, solde: 315_000 });
    // 30 % of 599 989 = 179 996.7 → 179 997
    expect(phase1PaymentSplit(599_989)).toEqual({ amorcage: 179_997, solde: 419_992 });
    // 30 % of 5 = 1.5 → 2 (half-up); of 1 = 0.3 → 0
    expect(phase1PaymentSplit(5)).toEqual({ amorcage: 2, solde: 3 });
    expect(phase1PaymentSplit(1)).toEqual({ amorcage: 0, solde: 1 });
  });
  it("rejects bad forfaits", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => phase1PaymentSplit(value as number), code);
  });
  it("property: amorçage + solde = forfait, amorçage within half a cent of 30 %", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e13 }), (forfait) => {
        const { amorcage, solde } = phase1PaymentSplit(forfait);
        expect(amorcage + solde).toBe(forfait);
        expect(Math.abs(amorcage * 10 - forfait * 3)).toBeLessThanOrEqual(5);
      }),
    );
  });
  it("settlement: amorçage per selected objective, solde on objectives reached minus amorçage", () => {
    // amorçage 180 000 + 360 000; reached 600 000 → solde 60 000
    expect(
      phase1Settlement([
        { forfait: 600_000, reached: true },
        { forfait: 1_200_000, reached: false },
      ]),
    ).toEqual({ amorcage: 540_000, totalReached: 600_000, solde: 60_000, amorcageExceedingReached: 0 });
    expect(phase1Settlement([{ forfait: 600_000, reached: false }])).toEqual({
      amorcage: 180_000,
      totalReached: 0,
      solde: 0,
      amorcageExceedingReached: 180_000,
    });
    expectCode(() => phase1Settlement([]), "EMPTY");
    expectCode(() => phase1Settlement([{ forfait: 1, reached: undefined as unknown as boolean }]), "MISSING_INPUT");
  });
  it("property: when every objective is reached, amorçage + solde = total of forfaits", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20_000_000 }), { minLength: 1, maxLength: 8 }), (forfaits) => {
        const s = phase1Settlement(forfaits.map((forfait) => ({ forfait, reached: true })));
        expect(s.amorcage + s.solde).toBe(forfaits.reduce((a, b) => a + b, 0));
        expect(s.amorcageExceedingReached).toBe(0);
      }),
    );
  });
});
