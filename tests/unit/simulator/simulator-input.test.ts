import { describe, expect, it } from "vitest";
import {
  ACTIVITY_FORM_DEFAULTS,
  EURO_MESSAGES,
  FINESS_MESSAGES,
  HEADCOUNT_MESSAGES,
  HOSPICONNECT_FORM_DEFAULTS,
  activityFormSchema,
  euroAmountField,
  finessField,
  headcountField,
  hospiconnectFormSchema,
  objectivesReachedField,
  parseEuroAmount,
  parseFiness,
  parseWholeNumber,
} from "../../../components/simulator/simulator-input";

const NNBSP = "\u202f"; // what Intl fr-FR prints between thousands
const NBSP = "\u00a0";

describe("parseEuroAmount: euros typed in French → exact integer cents", () => {
  it.each([
    ["30000", 3_000_000],
    ["30 000", 3_000_000],
    [`30${NNBSP}000`, 3_000_000],
    [`30${NBSP}000`, 3_000_000],
    ["30 000,50", 3_000_050],
    ["30 000,5", 3_000_050],
    ["30000.5", 3_000_050],
    ["0,01", 1],
    ["0", 0],
    ["0,00", 0],
    ["  42  ", 4_200],
    ["1 234 567,89", 123_456_789],
    ["39 050,00 €", 3_905_000], // a figure copied from the page
    ["12€", 1_200],
    ["007", 700],
    // 0.1 + 0.2-style traps: the decimals are read as digits, never multiplied as floats.
    ["1,10", 110],
    ["0,29", 29],
    ["4,35", 435],
    ["1,15", 115],
    ["10 000 000,00", 1_000_000_000], // the portal's bound (tests/unit/funding/text-input.test.ts)
  ])("%j → %d cents", (input, cents) => {
    expect(parseEuroAmount(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["€", "EMPTY"],
    ["-5", "NEGATIVE"],
    ["- 5", "NEGATIVE"],
    ["\u22125", "NEGATIVE"], // typographic minus
    ["12,345", "TOO_MANY_DECIMALS"],
    ["30 000,505", "TOO_MANY_DECIMALS"],
    ["1e3", "FORMAT"],
    ["abc", "FORMAT"],
    ["12a", "FORMAT"],
    ["+5", "FORMAT"],
    ["30 00", "FORMAT"], // ambiguous grouping is refused, not guessed
    ["3 0000", "FORMAT"],
    ["1.234.567", "FORMAT"],
    ["1,2,3", "FORMAT"],
    [",5", "FORMAT"],
    ["5,", "FORMAT"],
    ["Infinity", "FORMAT"],
    ["NaN", "FORMAT"],
    ["0x10", "FORMAT"],
    ["90071992547409,92", "TOO_LARGE"], // MAX_SAFE_INTEGER + 1 cents
    ["99999999999999999999", "TOO_LARGE"],
  ])("%j is rejected (%s)", (input, error) => {
    expect(parseEuroAmount(input)).toEqual({ ok: false, error });
  });

  it("gives exactly the cents written, for every amount with two decimals", () => {
    for (let euros = 0; euros < 50; euros += 7) {
      for (let cents = 0; cents < 100; cents++) {
        const typed = `${euros},${String(cents).padStart(2, "0")}`;
        expect(parseEuroAmount(typed)).toEqual({ ok: true, value: euros * 100 + cents });
      }
    }
  });
});

describe("parseWholeNumber: headcounts and activity counts", () => {
  it.each([
    ["800", 800],
    ["1 200", 1_200],
    [`12${NNBSP}000`, 12_000],
    ["0", 0],
    [" 75 ", 75],
  ])("%j → %d", (input, value) => {
    expect(parseWholeNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "EMPTY"],
    ["-1", "NEGATIVE"],
    ["800,5", "DECIMALS"],
    ["800.0", "DECIMALS"],
    ["abc", "FORMAT"],
    ["1e3", "FORMAT"],
    ["8 00", "FORMAT"],
    ["9007199254740992", "TOO_LARGE"],
  ])("%j is rejected (%s)", (input, error) => {
    expect(parseWholeNumber(input)).toEqual({ ok: false, error });
  });
});

describe("parseFiness", () => {
  it.each([
    ["998400402", "998400402"],
    [" 998 400 402 ", "998400402"],
    ["2a0000001", "2A0000001"], // Corse
  ])("%j → %j", (input, finess) => {
    expect(parseFiness(input)).toEqual({ ok: true, value: finess });
  });

  it.each([
    ["", "EMPTY"],
    ["12345678", "LENGTH"],
    ["1234567890", "LENGTH"],
    ["A12345678", "FORMAT"],
    ["12345678A", "FORMAT"],
    ["99-400402", "FORMAT"],
  ])("%j is rejected (%s)", (input, error) => {
    expect(parseFiness(input)).toEqual({ ok: false, error });
  });
});

describe("zod fields give the French message of each error", () => {
  const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

  it("amounts", () => {
    expect(euroAmountField.parse("30 000,50")).toBe(3_000_050);
    expect(message(euroAmountField.safeParse(""))).toBe(EURO_MESSAGES.EMPTY);
    expect(message(euroAmountField.safeParse("-5"))).toBe(EURO_MESSAGES.NEGATIVE);
    expect(message(euroAmountField.safeParse("12,345"))).toBe(EURO_MESSAGES.TOO_MANY_DECIMALS);
    expect(message(euroAmountField.safeParse("1e3"))).toBe(EURO_MESSAGES.FORMAT);
    expect(message(euroAmountField.safeParse(undefined))).toBe(EURO_MESSAGES.EMPTY);
    expect(message(euroAmountField.safeParse(30000))).toBe(EURO_MESSAGES.EMPTY); // only strings come from inputs
  });

  it("headcount", () => {
    expect(headcountField.parse("800")).toBe(800);
    expect(message(headcountField.safeParse("abc"))).toBe(HEADCOUNT_MESSAGES.FORMAT);
    expect(HEADCOUNT_MESSAGES.FORMAT).toBe("L'effectif doit être un nombre entier d'agents, par exemple 800.");
    expect(message(headcountField.safeParse("12,5"))).toBe(HEADCOUNT_MESSAGES.DECIMALS);
    expect(message(headcountField.safeParse("-3"))).toBe(HEADCOUNT_MESSAGES.NEGATIVE);
  });

  it("FINESS", () => {
    expect(finessField.parse("998400402")).toBe("998400402");
    expect(message(finessField.safeParse("1234"))).toBe(FINESS_MESSAGES.LENGTH);
    expect(message(finessField.safeParse("ABCDEFGHI"))).toBe(FINESS_MESSAGES.FORMAT);
    expect(message(finessField.safeParse(42))).toBe(FINESS_MESSAGES.EMPTY);
  });

  it("objectives reached: 0 to 6 only", () => {
    expect(objectivesReachedField.parse("0")).toBe(0);
    expect(objectivesReachedField.parse("6")).toBe(6);
    expect(objectivesReachedField.safeParse("7").success).toBe(false);
    expect(objectivesReachedField.safeParse("-1").success).toBe(false);
    expect(objectivesReachedField.safeParse("2,5").success).toBe(false);
  });
});

describe("form schemas", () => {
  it("the default values are source 000's 800-agent example, and valid", () => {
    expect(hospiconnectFormSchema.parse(HOSPICONNECT_FORM_DEFAULTS)).toEqual({
      headcount: 800,
      y2026: { milestoneComplete: true, declaredExpenses: 3_000_000 },
      y2027: { mandatoryObjectiveMet: true, objectivesReached: 3, declaredExpenses: 3_400_000 },
      y2028: { mandatoryObjectiveMet: true, objectivesReached: 6, declaredExpenses: 5_000_000 },
    });
  });

  it("reports an invalid field at its path", () => {
    const result = hospiconnectFormSchema.safeParse({ ...HOSPICONNECT_FORM_DEFAULTS, y2027: { ...HOSPICONNECT_FORM_DEFAULTS.y2027, declaredExpenses: "34 000,001" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["y2027", "declaredExpenses"]]);
  });

  it("activity: defaults are zeros; every field is a whole number", () => {
    expect(activityFormSchema.parse(ACTIVITY_FORM_DEFAULTS)).toEqual({
      mcoDays: 0,
      mcoSessions: 0,
      ambulatorySurgeryStays: 0,
      otherDayHospitalStays: 0,
      smrDays: 0,
      psyDays: 0,
      hadDays: 0,
      usldDays: 0,
    });
    expect(activityFormSchema.safeParse({ ...ACTIVITY_FORM_DEFAULTS, smrDays: "1,5" }).success).toBe(false);
    expect(activityFormSchema.parse({ ...ACTIVITY_FORM_DEFAULTS, mcoDays: "10 000" }).mcoDays).toBe(10_000);
  });
});
