import { describe, expect, it } from "vitest";
import { formatEuros } from "../../../lib/funding";
import { ACTIVITY_FORM_DEFAULTS, HOSPICONNECT_FORM_DEFAULTS, readActivityForm, readHospiconnectForm } from "../../../components/simulator/simulator-input";
import {
  ACTIVITY_FIELDS,
  CATEGORY_ROWS,
  RATE_ROWS,
  TIER_ROWS,
  activityResult,
  activityView,
  ceilingFigures,
  equivalenceHint,
  formatActivity,
  hospiconnectView,
  tierIndex,
  yearList,
} from "../../../components/simulator/simulator-results";

const normalise = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("ceiling figures (source 000)", () => {
  it("800 agents: 39 050 € a year, 117 150 € over three years", () => {
    expect(ceilingFigures(800)).toEqual({ headcount: 800, annualCeiling: 3_905_000, programmeCeiling: 11_715_000, perAgent: 4_881 });
    expect(normalise(formatEuros(3_905_000))).toBe("39 050,00 €");
  });

  it("0 agents: nothing, and no tier highlighted", () => {
    expect(ceilingFigures(0)).toEqual({ headcount: 0, annualCeiling: 0, programmeCeiling: 0, perAgent: 0 });
    expect(tierIndex(0)).toBeNull();
  });

  it("an out-of-range headcount gives no figure rather than a wrong one", () => {
    expect(ceilingFigures(Number.MAX_SAFE_INTEGER)).toBeNull();
  });

  it("tier table in the source's words, with the tier of the last agent", () => {
    expect(TIER_ROWS.map((row) => normalise(`${row.range} : ${row.amount}`))).toEqual([
      "De 1 à 50 agents : 6 600,00 € par an (montant fixe)",
      "Du 51e au 250e agent : 33,00 € par agent et par an",
      "Du 251e au 5 000e agent : 47,00 € par agent et par an",
      "Du 5 001e au 10 000e agent : 33,00 € par agent et par an",
      "Au-delà du 10 000e agent : 32,00 € par agent et par an",
    ]);
    expect([1, 50, 51, 250, 251, 800, 5_000, 5_001, 10_000, 10_001, 100_000].map(tierIndex)).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
  });

  it("rate table 1 → 40 % … 6 → 100 %", () => {
    expect(RATE_ROWS).toEqual([
      { objectives: 1, percent: 40 },
      { objectives: 2, percent: 52 },
      { objectives: 3, percent: 64 },
      { objectives: 4, percent: 76 },
      { objectives: 5, percent: 88 },
      { objectives: 6, percent: 100 },
    ]);
  });
});

// Source 000_1a898dec8b2a4de4.txt's worked example, as a user types it.
const EXAMPLE = {
  headcount: "800",
  y2026: { milestoneComplete: true, declaredExpenses: "30 000" },
  y2027: { mandatoryObjectiveMet: true, objectives: ["1.1", "1.3", "2.1"], declaredExpenses: "34 000" },
  y2028: { mandatoryObjectiveMet: true, objectives: ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"], declaredExpenses: "50 000" },
};
type Example = typeof EXAMPLE;
const typed = (values: Example) => hospiconnectView(readHospiconnectForm(values), "typed", null);
const withYear = <Y extends "y2026" | "y2027" | "y2028">(year: Y, patch: Partial<Example[Y]>): Example => ({ ...EXAMPLE, [year]: { ...EXAMPLE[year], ...patch } });

describe("hospiconnectView: source 000's 800-agent example", () => {
  it("reproduces the example year by year, with totals", () => {
    const view = typed(EXAMPLE);
    expect(view.figures?.annualCeiling).toBe(3_905_000);
    expect(view.highlightedTier).toBe(2);
    expect(view.rows?.map((row) => ({ ...row, rateLabel: normalise(row.rateLabel) }))).toEqual([
      { year: 2026, rateLabel: "Jalon complet : 100 % de 39 050,00 €", eligible: 3_905_000, declaredExpenses: 3_000_000, granted: 3_000_000, notGranted: 905_000 },
      { year: 2027, rateLabel: "3 objectifs sur 6 : 64 % de 39 050,00 €", eligible: 2_499_200, declaredExpenses: 3_400_000, granted: 2_499_200, notGranted: 0 },
      { year: 2028, rateLabel: "6 objectifs sur 6 : 100 % de 39 050,00 €", eligible: 3_905_000, declaredExpenses: 5_000_000, granted: 3_905_000, notGranted: 0 },
    ]);
    expect(view.totals).toEqual({ eligible: 10_309_200, declaredExpenses: 11_400_000, granted: 9_404_200, notGranted: 905_000 });
    expect(normalise(view.summary)).toBe("Montant total perçu sur 2026–2028 : 94 042,00 €, pour 103 092,00 € éligibles et 114 000,00 € de dépenses engagées.");
  });

  it("explains a zero: milestone incomplete, objective 1.0 not met, no objective reached", () => {
    const view = typed({ ...withYear("y2026", { milestoneComplete: false }), y2027: { ...EXAMPLE.y2027, mandatoryObjectiveMet: false } });
    expect(view.rows?.[0]).toMatchObject({ rateLabel: "Jalon 2026 incomplet : 0 %", eligible: 0, granted: 0, notGranted: 0 });
    expect(view.rows?.[1]).toMatchObject({ rateLabel: "Objectif obligatoire 1.0 non atteint : 0 %", eligible: 0, granted: 0 });
    expect(view.totals?.granted).toBe(3_905_000);
    expect(typed(withYear("y2028", { objectives: [] })).rows?.[2]).toMatchObject({ rateLabel: "0 objectif sur 6 : 0 %", eligible: 0 });
  });

  it("the largest headcount accepted still gives its exact ceiling", () => {
    // 6 600 + 200 × 33 + 4 750 × 47 + 5 000 × 33 + 190 000 × 32 = 6 481 450 €.
    expect(typed({ ...EXAMPLE, headcount: "200 000" }).figures?.annualCeiling).toBe(648_145_000);
  });
});

describe("hospiconnectView: results only from what is on screen (issue 9 §2.5)", () => {
  it("the empty form shows no amount, and says what to enter", () => {
    const view = hospiconnectView(readHospiconnectForm(HOSPICONNECT_FORM_DEFAULTS), "typed", null);
    expect(view).toEqual({
      figures: null,
      highlightedTier: null,
      rows: null,
      totals: null,
      summary: "Saisissez l'effectif SAE de l'entité juridique pour afficher son montant plafond.",
    });
  });

  it("with a headcount but no expenses, eligible amounts only; granted amounts wait for the expenses", () => {
    const view = typed({ ...EXAMPLE, y2026: { ...EXAMPLE.y2026, declaredExpenses: "" }, y2028: { ...EXAMPLE.y2028, declaredExpenses: " " } });
    expect(view.rows?.map((row) => [row.eligible, row.declaredExpenses, row.granted, row.notGranted])).toEqual([
      [3_905_000, null, null, null],
      [2_499_200, 3_400_000, 2_499_200, 0],
      [3_905_000, null, null, null],
    ]);
    expect(view.totals).toBeNull();
    expect(view.summary).toBe("Saisissez les dépenses engagées en 2026 et 2028 pour calculer le montant perçu (0 si aucune dépense).");
  });

  it.each([
    ["10 000 000", "Corrigez l'effectif saisi pour afficher le montant plafond."],
    ["abc", "Corrigez l'effectif saisi pour afficher le montant plafond."],
    ["", "Saisissez l'effectif SAE de l'entité juridique pour afficher son montant plafond."],
  ])("after a valid simulation, headcount %j clears every amount and the total message", (headcount, summary) => {
    const before = typed(EXAMPLE);
    expect(before.totals).not.toBeNull();
    const after = typed({ ...EXAMPLE, headcount });
    expect(after).toEqual({ figures: null, highlightedTier: null, rows: null, totals: null, summary });
    expect(after.summary).not.toContain("Montant total");
  });

  it("a refused expense blanks that year's granted amount and the totals, and names the year to fix", () => {
    const view = typed(withYear("y2027", { declaredExpenses: "34 000,001" }));
    expect(view.rows?.[1]).toMatchObject({ eligible: 2_499_200, declaredExpenses: null, granted: null, notGranted: null });
    expect(view.rows?.[0].granted).toBe(3_000_000);
    expect(view.totals).toBeNull();
    expect(view.summary).toBe("Corrigez les dépenses engagées en 2027 pour calculer le montant perçu.");
    // An absurd amount is refused the same way, never turned into a granted figure.
    const absurd = typed(withYear("y2028", { declaredExpenses: "1 000 000 000 000" }));
    expect(absurd.rows?.[2].granted).toBeNull();
    expect(absurd.totals).toBeNull();
    expect(absurd.summary).toBe("Corrigez les dépenses engagées en 2028 pour calculer le montant perçu.");
  });

  it("a fixed input brings its results back at once", () => {
    expect(typed(withYear("y2027", { declaredExpenses: "34 000" })).totals?.granted).toBe(9_404_200);
  });

  it("the FINESS look-up: the EJ found gives the headcount, the typed one is ignored; no EJ, no amount", () => {
    const reading = readHospiconnectForm({ ...EXAMPLE, headcount: "12 000" });
    expect(hospiconnectView(reading, "finess", 800).figures?.annualCeiling).toBe(3_905_000);
    expect(hospiconnectView(reading, "finess", null)).toEqual({
      figures: null,
      highlightedTier: null,
      rows: null,
      totals: null,
      summary: "Recherchez une entité juridique par son numéro FINESS pour afficher son montant plafond.",
    });
    expect(hospiconnectView(readHospiconnectForm({ ...EXAMPLE, headcount: "abc" }), "finess", 800).totals?.granted).toBe(9_404_200);
  });

  it("yearList", () => {
    expect([yearList([2027]), yearList([2026, 2028]), yearList([2026, 2027, 2028])]).toEqual(["2027", "2026 et 2028", "2026, 2027 et 2028"]);
  });
});

describe("activité combinée and AAP category (sources 001, 002)", () => {
  const zero = { mcoDays: 0, mcoSessions: 0, ambulatorySurgeryStays: 0, otherDayHospitalStays: 0, smrDays: 0, psyDays: 0, hadDays: 0, usldDays: 0 };

  it("10 000 MCO days → category B, 51 000 €", () => {
    expect(activityResult({ ...zero, mcoDays: 10_000 })).toEqual({ activity: 10_000, category: "B", cap: 5_100_000 });
  });

  it("keeps the half day: 6 999.5 is still category A", () => {
    expect(activityResult({ ...zero, mcoDays: 6_999, smrDays: 1 })).toEqual({ activity: 6_999.5, category: "A", cap: 3_500_000 });
    expect(normalise(formatActivity(68_215.5))).toBe("68 215,5");
  });

  it("equivalence hints come from the library's weights", () => {
    expect(ACTIVITY_FIELDS.map((field) => equivalenceHint(field))).toEqual([
      "Unité de référence de l'activité combinée",
      "1 séance = 0,5 journée MCO",
      "1 hospitalisation de jour de chirurgie ambulatoire = 1,5 journée MCO",
      "1 hospitalisation de jour hors chirurgie ambulatoire = 1 journée MCO",
      "1 journée SMR = 0,5 journée MCO",
      "1 journée PSY = 0,5 journée MCO",
      "1 journée HAD = 0,5 journée MCO",
      "1 journée USLD = 0,5 journée MCO",
    ]);
  });

  it("category table in the source's words", () => {
    expect(CATEGORY_ROWS.map((row) => normalise(`${row.category} | ${row.range} | ${formatEuros(row.cap)}`))).toEqual([
      "A | AC < 7 000 | 35 000,00 €",
      "B | 7 000 ≤ AC < 60 000 | 51 000,00 €",
      "C | 60 000 ≤ AC < 230 000 | 85 000,00 €",
      "D | AC ≥ 230 000 | 205 000,00 €",
    ]);
  });

  it("an out-of-range activity gives no category", () => {
    expect(activityResult({ ...zero, mcoDays: Number.MAX_SAFE_INTEGER })).toBeNull();
  });
});

describe("activityView: the activité combinée tab shows only what its fields say", () => {
  const activity = (values: Partial<typeof ACTIVITY_FORM_DEFAULTS>) => activityView(readActivityForm({ ...ACTIVITY_FORM_DEFAULTS, ...values }));

  it("blank fields: no category yet (an empty form is not category A)", () => {
    expect(activity({})).toEqual({
      result: null,
      summary: "Saisissez l'activité 2022 de l'établissement (au moins un champ) pour afficher son activité combinée et sa catégorie AAP.",
    });
  });

  it("one figure is enough, the blank fields count as no activity", () => {
    const view = activity({ mcoDays: "10 000" });
    expect(view.result).toEqual({ activity: 10_000, category: "B", cap: 5_100_000 });
    expect(normalise(view.summary)).toBe("Activité combinée : 10 000 journées MCO, catégorie B de l'appel à projets, plafond de 51 000,00 € par projet.");
    expect(activity({ mcoDays: "6000", mcoSessions: "1999" }).result).toEqual({ activity: 6_999.5, category: "A", cap: 3_500_000 });
  });

  it("a refused field withholds the result that was there a keystroke before", () => {
    expect(activity({ mcoDays: "10 000" }).result).not.toBeNull();
    for (const mcoDays of ["10 000,5", "10 000 001", "-1"]) {
      expect(activity({ mcoDays })).toEqual({ result: null, summary: "Corrigez les champs signalés pour afficher l'activité combinée et la catégorie AAP." });
    }
  });

  it("the largest figures accepted still give a category", () => {
    const max = "10 000 000";
    expect(activity({ mcoDays: max, mcoSessions: max, ambulatorySurgeryStays: max, otherDayHospitalStays: max, smrDays: max, psyDays: max, hadDays: max, usldDays: max }).result?.category).toBe("D");
  });
});
