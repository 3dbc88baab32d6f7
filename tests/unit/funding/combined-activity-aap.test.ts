import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AAP_CATEGORIES, aapCategory, aapCategoryForProject, aapPayments, combinedActivity, type CombinedActivityInput } from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

const ZERO: CombinedActivityInput = {
  mcoDays: 0,
  mcoSessions: 0,
  ambulatorySurgeryStays: 0,
  otherDayHospitalStays: 0,
  smrDays: 0,
  psyDays: 0,
  hadDays: 0,
  usldDays: 0,
};

describe("combinedActivity (source 002_7a0cc7521312e21b.txt, annex 2 equivalences)", () => {
  it.each([
    ["mcoDays", 1], // reference unit
    ["mcoSessions", 0.5], // 1 séance MCO (dont dialyse) = 0,5 journée MCO
    ["ambulatorySurgeryStays", 1.5], // 1 HDJ de chirurgie ambulatoire = 1,5 journée MCO
    ["otherDayHospitalStays", 1], // 1 HDJ hors chirurgie ambulatoire = 1 journée MCO
    ["smrDays", 0.5], // 1 journée SMR = 0,5
    ["psyDays", 0.5], // 1 journée PSY = 0,5
    ["hadDays", 0.5], // 1 journée HAD = 0,5
    ["usldDays", 0.5], // 1 journée USLD = 0,5
  ] as const)("1 unit of %s = %d MCO day", (field, value) => {
    expect(combinedActivity({ ...ZERO, [field]: 1 })).toBe(value);
  });
  it("adds the fields with their weights, keeping the half day (no rounding)", () => {
    // 1000 + 300×0.5 + 100×1.5 + 50 + 200×0.5 + 20×0.5 + 10×0.5 + 1×0.5 = 1465.5
    expect(
      combinedActivity({
        mcoDays: 1_000,
        mcoSessions: 300,
        ambulatorySurgeryStays: 100,
        otherDayHospitalStays: 50,
        smrDays: 200,
        psyDays: 20,
        hadDays: 10,
        usldDays: 1,
      }),
    ).toBe(1_465.5);
    expect(combinedActivity(ZERO)).toBe(0);
  });
  it("rejects bad counts in any field", () => {
    for (const field of Object.keys(ZERO) as (keyof CombinedActivityInput)[]) {
      for (const [value, code] of BAD_NUMBERS) expectCode(() => combinedActivity({ ...ZERO, [field]: value as number }), code);
    }
  });
  it("property: additive and a multiple of 0.5", () => {
    const counts = fc.record({
      mcoDays: fc.nat({ max: 1_000_000 }),
      mcoSessions: fc.nat({ max: 1_000_000 }),
      ambulatorySurgeryStays: fc.nat({ max: 1_000_000 }),
      otherDayHospitalStays: fc.nat({ max: 1_000_000 }),
      smrDays: fc.nat({ max: 1_000_000 }),
      psyDays: fc.nat({ max: 1_000_000 }),
      hadDays: fc.nat({ max: 1_000_000 }),
      usldDays: fc.nat({ max: 1_000_000 }),
    });
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const sum = Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof CombinedActivityInput] + b[k as keyof CombinedActivityInput]])) as unknown as CombinedActivityInput;
        expect(combinedActivity(sum)).toBe(combinedActivity(a) + combinedActivity(b));
        expect(Number.isInteger(combinedActivity(a) * 2)).toBe(true);
      }),
    );
  });
});

describe("aapCategory (source 001_56e3d9c199e9e209.txt)", () => {
  it.each([
    [0, "A", 3_500_000],
    [6_999.5, "A", 3_500_000], // AC < 7 000
    [7_000, "B", 5_100_000], // 7 000 ≤ AC < 60 000 → 51 000 €
    [59_999.5, "B", 5_100_000],
    [60_000, "C", 8_500_000], // 60 000 ≤ AC < 230 000 → 85 000 €
    [229_999.5, "C", 8_500_000],
    [230_000, "D", 20_500_000], // AC ≥ 230 000 → 205 000 €
    [5_000_000, "D", 20_500_000],
  ] as const)("AC %d → category %s, cap %i cents", (ac, category, cap) => {
    expect(aapCategory(ac)).toEqual({ category, cap });
  });
  it("table of caps: 35 000 / 51 000 / 85 000 / 205 000 €", () => {
    expect(AAP_CATEGORIES.map((c) => [c.category, c.cap / 100])).toEqual([
      ["A", 35_000],
      ["B", 51_000],
      ["C", 85_000],
      ["D", 205_000],
    ]);
  });
  it("rejects bad activities", () => {
    expectCode(() => aapCategory(-0.5), "NEGATIVE");
    expectCode(() => aapCategory(Number.NaN), "NOT_FINITE");
    expectCode(() => aapCategory(Number.POSITIVE_INFINITY), "NOT_FINITE");
    expectCode(() => aapCategory(7_000.25), "NOT_HALF_DAY");
    expectCode(() => aapCategory("7000" as unknown as number), "NOT_A_NUMBER");
  });
  it("project carried by several establishments: category of the cumulated activity (source 001)", () => {
    // 3 000 + 4 000 = 7 000 → B although each alone is A
    expect(aapCategoryForProject([3_000, 4_000])).toEqual({ category: "B", cap: 5_100_000, combinedActivity: 7_000 });
    expect(aapCategoryForProject([3_499.5, 3_500])).toEqual({ category: "A", cap: 3_500_000, combinedActivity: 6_999.5 });
    expect(aapCategoryForProject([100_000, 130_000])).toMatchObject({ category: "D" });
    expectCode(() => aapCategoryForProject([]), "EMPTY");
    expectCode(() => aapCategoryForProject([0.1, 0.2]), "NOT_HALF_DAY");
    expectCode(() => aapCategoryForProject([1, -1]), "NEGATIVE");
  });
  it("property: the cap never decreases with activity", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000 }), fc.nat({ max: 2_000_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a / 2, b / 2] : [b / 2, a / 2];
        expect(aapCategory(hi).cap).toBeGreaterThanOrEqual(aapCategory(lo).cap);
      }),
    );
  });
});

describe("aapPayments (source 001: 50 % in 2026 on acceptance, 50 % in 2027 on objectives)", () => {
  it("splits a cap in two halves", () => {
    expect(aapPayments(5_100_000)).toEqual({ onAcceptance: 2_550_000, onObjectives: 2_550_000 });
    expect(aapPayments(0)).toEqual({ onAcceptance: 0, onObjectives: 0 });
  });
  it("the odd cent goes to the 2027 payment", () => {
    expect(aapPayments(101)).toEqual({ onAcceptance: 50, onObjectives: 51 });
    expect(aapPayments(1)).toEqual({ onAcceptance: 0, onObjectives: 1 });
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => aapPayments(value as number), code);
  });
  it("property: halves add up to granted and differ by at most one cent", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (granted) => {
        const { onAcceptance, onObjectives } = aapPayments(granted);
        expect(onAcceptance + onObjectives).toBe(granted);
        expect(onObjectives - onAcceptance).toBeGreaterThanOrEqual(0);
        expect(onObjectives - onAcceptance).toBeLessThanOrEqual(1);
      }),
    );
  });
});
