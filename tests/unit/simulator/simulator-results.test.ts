import { describe, expect, it } from "vitest";
import { formatEuros } from "../../../lib/funding";
import { HOSPICONNECT_FORM_DEFAULTS, hospiconnectFormSchema } from "../../../components/simulator/simulator-input";
import {
  ACTIVITY_FIELDS,
  CATEGORY_ROWS,
  RATE_ROWS,
  TIER_ROWS,
  activityResult,
  ceilingFigures,
  equivalenceHint,
  formatActivity,
  simulationView,
  tierIndex,
} from "../../../components/simulator/simulator-results";

const example = hospiconnectFormSchema.parse(HOSPICONNECT_FORM_DEFAULTS);
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

describe("simulationView (source 000's 800-agent example)", () => {
  it("reproduces the example year by year, with totals", () => {
    const view = simulationView(3_905_000, example);
    expect(view.rows.map((row) => ({ ...row, rateLabel: row.rateLabel && normalise(row.rateLabel) }))).toEqual([
      { year: 2026, rateLabel: "100 % de 39 050,00 €", eligible: 3_905_000, declaredExpenses: 3_000_000, granted: 3_000_000, notGranted: 905_000 },
      { year: 2027, rateLabel: "64 % de 39 050,00 €", eligible: 2_499_200, declaredExpenses: 3_400_000, granted: 2_499_200, notGranted: 0 },
      { year: 2028, rateLabel: "100 % de 39 050,00 €", eligible: 3_905_000, declaredExpenses: 5_000_000, granted: 3_905_000, notGranted: 0 },
    ]);
    expect(view.totals).toEqual({ eligible: 10_309_200, declaredExpenses: 11_400_000, granted: 9_404_200, notGranted: 905_000 });
  });

  it("explains a zero: milestone incomplete, objective 1.0 not met", () => {
    const view = simulationView(3_905_000, {
      y2026: { ...example.y2026, milestoneComplete: false },
      y2027: { ...example.y2027, mandatoryObjectiveMet: false },
      y2028: example.y2028,
    });
    expect(view.rows[0]).toMatchObject({ rateLabel: "Jalon 2026 incomplet : 0 %", eligible: 0, granted: 0 });
    expect(view.rows[1]).toMatchObject({ rateLabel: "Objectif obligatoire 1.0 non atteint : 0 %", eligible: 0, granted: 0 });
    expect(view.totals?.granted).toBe(3_905_000);
  });

  it("an invalid year blanks that year and the totals, not the other years", () => {
    const view = simulationView(3_905_000, { ...example, y2027: null });
    expect(view.rows[1]).toEqual({ year: 2027, rateLabel: null, eligible: null, declaredExpenses: null, granted: null, notGranted: null });
    expect(view.rows[0].granted).toBe(3_000_000);
    expect(view.rows[2].granted).toBe(3_905_000);
    expect(view.totals).toBeNull();
  });

  it("without a valid headcount, no amount is shown; typed expenses still are", () => {
    const view = simulationView(null, example);
    expect(view.rows.map((row) => [row.eligible, row.granted, row.declaredExpenses])).toEqual([
      [null, null, 3_000_000],
      [null, null, 3_400_000],
      [null, null, 5_000_000],
    ]);
    expect(view.totals).toBeNull();
  });

  it("amounts the library cannot vouch for become null, not numbers", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const view = simulationView(huge, {
      y2026: { milestoneComplete: true, declaredExpenses: huge },
      y2027: { mandatoryObjectiveMet: true, objectivesReached: 6, declaredExpenses: huge },
      y2028: { mandatoryObjectiveMet: true, objectivesReached: 6, declaredExpenses: huge },
    });
    expect(view.totals).toBeNull();
    expect(view.rows[0].granted).toBe(huge); // each year alone is still exact
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
