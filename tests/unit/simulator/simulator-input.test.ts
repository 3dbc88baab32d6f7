import { describe, expect, it } from "vitest";
import {
  ACTIVITY_FORM_DEFAULTS,
  ACTIVITY_LIMIT_MESSAGE,
  ACTIVITY_MESSAGES,
  EURO_MESSAGES,
  FINESS_MESSAGES,
  HEADCOUNT_LIMIT_MESSAGE,
  HEADCOUNT_MESSAGES,
  HOSPICONNECT_FORM_DEFAULTS,
  HOSPICONNECT_OBJECTIVES,
  finessField,
  objectivesReachedOf,
  outcomeForField,
  parseEuroAmount,
  parseFiness,
  parseWholeNumber,
  readActivityCount,
  readActivityForm,
  readHeadcount,
  readHospiconnectForm,
  readYearExpenses,
  type FoundLegalEntity,
  type LookupOutcome,
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

const normalise = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const messageOf = (reading: { state: string; message?: string }) => (reading.state === "invalid" ? normalise(reading.message ?? "") : null);

describe("headcount: a whole number of agents, bounded by the largest EJ (issue 9 §2.5)", () => {
  it("nothing typed is not an error, only nothing to compute", () => {
    expect(readHeadcount("")).toEqual({ state: "empty" });
    expect(readHeadcount("   ")).toEqual({ state: "empty" });
    expect(readHeadcount(undefined)).toEqual({ state: "empty" });
  });

  it.each([
    ["800", 800],
    ["1 200", 1_200],
    ["0", 0],
    ["200 000", 200_000],
  ])("%j → %d agents", (raw, value) => {
    expect(readHeadcount(raw)).toEqual({ state: "valid", value });
  });

  it("10 000 000 agents is not an establishment: refused with a message that says the limit", () => {
    expect(messageOf(readHeadcount("10 000 000"))).toBe(normalise(HEADCOUNT_LIMIT_MESSAGE));
    expect(normalise(HEADCOUNT_LIMIT_MESSAGE)).toBe(
      "L'effectif ne peut pas dépasser 200 000 agents (la plus grande entité juridique de France en compte environ 100 000) : vérifiez le nombre saisi.",
    );
    expect(messageOf(readHeadcount("200 001"))).toBe(normalise(HEADCOUNT_LIMIT_MESSAGE));
    // Beyond what a number can hold, the same message rather than a vague "trop élevé".
    expect(messageOf(readHeadcount("99999999999999999999"))).toBe(normalise(HEADCOUNT_LIMIT_MESSAGE));
  });

  it("the format errors keep their own French messages", () => {
    expect(messageOf(readHeadcount("abc"))).toBe(HEADCOUNT_MESSAGES.FORMAT);
    expect(HEADCOUNT_MESSAGES.FORMAT).toBe("L'effectif doit être un nombre entier d'agents, par exemple 800.");
    expect(messageOf(readHeadcount("12,5"))).toBe(HEADCOUNT_MESSAGES.DECIMALS);
    expect(messageOf(readHeadcount("-3"))).toBe(HEADCOUNT_MESSAGES.NEGATIVE);
  });
});

describe("declared expenses of a year: euros through parseEuroAmount, bounded", () => {
  it("blank is nothing typed yet", () => {
    expect(readYearExpenses("")).toEqual({ state: "empty" });
  });

  it.each([
    ["30 000", 3_000_000],
    ["30 000,50", 3_000_050],
    ["0", 0],
    ["10 000 000", 1_000_000_000],
  ])("%j → %d cents", (raw, value) => {
    expect(readYearExpenses(raw)).toEqual({ state: "valid", value });
  });

  it("one cent above the portal's 10 000 000,00 € bound, refused with the limit in the message", () => {
    expect(messageOf(readYearExpenses("10 000 000,01"))).toBe("Le montant ne peut dépasser 10 000 000,00 €.");
  });

  it("1 000 000 000 000 € (issue 9 §2.6) is refused, whichever bound speaks first, with a limit in euros", () => {
    const message = messageOf(readYearExpenses("1 000 000 000 000"));
    expect(message).not.toBeNull();
    expect(message).toMatch(/\d[\d ]* €/);
  });

  it("format errors are parseEuroAmount's messages", () => {
    expect(messageOf(readYearExpenses("34 000,001"))).toBe(EURO_MESSAGES.TOO_MANY_DECIMALS);
    expect(messageOf(readYearExpenses("-5"))).toBe(EURO_MESSAGES.NEGATIVE);
    expect(messageOf(readYearExpenses("1e3"))).toBe(EURO_MESSAGES.FORMAT);
  });
});

describe("activity counts: blank is no activity, bounded at 10 000 000", () => {
  it("reads", () => {
    expect(readActivityCount("")).toEqual({ state: "empty" });
    expect(readActivityCount("10 000")).toEqual({ state: "valid", value: 10_000 });
    expect(readActivityCount("10 000 000")).toEqual({ state: "valid", value: 10_000_000 });
  });

  it("refuses with French messages, the limit said", () => {
    expect(messageOf(readActivityCount("10 000 001"))).toBe(normalise(ACTIVITY_LIMIT_MESSAGE));
    expect(normalise(ACTIVITY_LIMIT_MESSAGE)).toBe("Saisissez un nombre d'au plus 10 000 000 pour une année.");
    expect(messageOf(readActivityCount("1,5"))).toBe(ACTIVITY_MESSAGES.DECIMALS);
    expect(messageOf(readActivityCount("x"))).toBe(ACTIVITY_MESSAGES.FORMAT);
  });

  it("the form opens blank", () => {
    expect(Object.values(ACTIVITY_FORM_DEFAULTS)).toEqual(Array(8).fill(""));
    expect(Object.values(readActivityForm(ACTIVITY_FORM_DEFAULTS)).every((field) => field.state === "empty")).toBe(true);
  });
});

describe("objectives 1.1 to 2.2 reached (source 000_1a898dec8b2a4de4.txt: 6 objectives)", () => {
  const codes = HOSPICONNECT_OBJECTIVES.map((objective) => objective.code);

  it("counts the ticked objectives, 0 to 6", () => {
    expect(codes).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]);
    expect(objectivesReachedOf([])).toBe(0);
    expect(objectivesReachedOf(["1.1", "1.3", "2.2"])).toBe(3);
    expect(objectivesReachedOf(codes)).toBe(6);
    expect(objectivesReachedOf("2.1")).toBe(1); // a single ticked box may come as a string
  });

  it("cannot exceed 6 whatever is sent: duplicates once, unknown codes and 1.0 not counted", () => {
    expect(objectivesReachedOf([...codes, ...codes, "3.1", "1.0", 7, null])).toBe(6);
    expect(objectivesReachedOf(false)).toBe(0);
    expect(objectivesReachedOf(undefined)).toBe(0);
  });
});

describe("the HospiConnect form opens on the user's own figures", () => {
  it("empty: no headcount, no expenses, nothing ticked", () => {
    expect(readHospiconnectForm(HOSPICONNECT_FORM_DEFAULTS)).toEqual({
      headcount: { state: "empty" },
      y2026: { milestoneComplete: false, declaredExpenses: { state: "empty" } },
      y2027: { mandatoryObjectiveMet: false, objectivesReached: 0, declaredExpenses: { state: "empty" } },
      y2028: { mandatoryObjectiveMet: false, objectivesReached: 0, declaredExpenses: { state: "empty" } },
    });
  });

  it("missing parts (while react-hook-form registers the fields) read as empty", () => {
    expect(readHospiconnectForm({})).toEqual(readHospiconnectForm(HOSPICONNECT_FORM_DEFAULTS));
  });

  it("reads source 000's example as typed", () => {
    const reading = readHospiconnectForm({
      headcount: "800",
      y2026: { milestoneComplete: true, declaredExpenses: "30 000" },
      y2027: { mandatoryObjectiveMet: true, objectives: ["1.1", "1.2", "1.3"], declaredExpenses: "34 000" },
      y2028: { mandatoryObjectiveMet: true, objectives: ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"], declaredExpenses: "50 000" },
    });
    expect(reading.headcount).toEqual({ state: "valid", value: 800 });
    expect(reading.y2027).toEqual({ mandatoryObjectiveMet: true, objectivesReached: 3, declaredExpenses: { state: "valid", value: 3_400_000 } });
    expect(reading.y2028.objectivesReached).toBe(6);
  });
});

describe("FINESS look-up: an answer is shown only for the FINESS still in the field", () => {
  const entity = { finess: "998400402", name: "Centre hospitalier de Montbrasset", headcount: 800 } as FoundLegalEntity;
  const found: LookupOutcome = { finess: "998400402", result: { ok: true, data: entity } };
  const failed: LookupOutcome = { finess: "123456789", result: { ok: false, message: "Aucune entité juridique ne correspond au FINESS 123456789." } };

  it("the same FINESS, spaces and case aside, keeps its answer", () => {
    expect(outcomeForField("998400402", found)).toBe(found);
    expect(outcomeForField(" 998 400 402 ", found)).toBe(found);
    expect(outcomeForField("2a0000001", { ...failed, finess: "2A0000001" })?.finess).toBe("2A0000001");
  });

  it("an edited field drops the EJ found and the failure message", () => {
    expect(outcomeForField("99840040", found)).toBeNull();
    expect(outcomeForField("1234", found)).toBeNull();
    expect(outcomeForField("998400428", found)).toBeNull();
    expect(outcomeForField("123456780", failed)).toBeNull();
    expect(outcomeForField("", failed)).toBeNull();
    expect(outcomeForField("998400402", null)).toBeNull();
  });

  it("the FINESS field of the form and the server action", () => {
    const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;
    expect(finessField.parse("998400402")).toBe("998400402");
    expect(message(finessField.safeParse("1234"))).toBe(FINESS_MESSAGES.LENGTH);
    expect(message(finessField.safeParse("ABCDEFGHI"))).toBe(FINESS_MESSAGES.FORMAT);
    expect(message(finessField.safeParse(42))).toBe(FINESS_MESSAGES.EMPTY);
  });
});
