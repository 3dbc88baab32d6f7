import { describe, expect, it } from "vitest";
import { blocking, evaluate, shownErrors, type LiveState } from "@/components/dossiers/project-call/project-errors";
import { amountErrors, chosenObjectives, newRowId, toDraft, toValues } from "@/components/dossiers/project-call/values";
import { projectCallDraftSchema, ROW_ID_PATTERN, type ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { projectCallEligibility } from "@/lib/dossiers/kinds/project-call/eligibility";
import type { ProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";

// The establishment's project form (components/dossiers/project-call): its values ↔ the stored
// draft, and the errors it shows from the server's rules with the facts of the last save.

function complete(overrides: Partial<ProjectCallDraft> = {}): ProjectCallDraft {
  return projectCallDraftSchema.parse({
    porteurFinessPmsi: "998400700",
    perimeter: [
      { siteFiness: "998400402", legalEntityFiness: "998400700" },
      { siteFiness: "998500101", legalEntityFiness: "998500100" },
    ],
    theme: "DESENGORGEMENT_URGENCES",
    objectives: [
      { code: "URG-2", description: "Alimentation automatisée du ROR." },
      { code: "URG-3", description: "Consultation du DMP." },
    ],
    responsible: { name: "Claire Martin", email: "claire.martin@ch-montbrasset.fr", profession: "Directrice des soins" },
    team: [{ name: "Paul Durand", email: "", profession: "Urgentiste", coLead: true }],
    businessStakes: "Saturation des urgences.",
    operationalObjectives: "Orientation en moins de 4 heures.",
    siWorkstreams: "Interface GAM / ROR.",
    targets: [{ id: "t-1", kind: "QUANTITATIVE", description: "ROR mis à jour deux fois par jour" }],
    forecastExpenses: { "2026": 4_000_050, "2027": 3_500_000 },
    industrialPartners: [],
    ...overrides,
  });
}

const eligibility = projectCallEligibility({
  theme: "DESENGORGEMENT_URGENCES",
  legalEntityName: "CH de Montbrasset",
  candidatureStatus: "ACCEPTED",
  milestoneDepositStatus: "SUBMITTED",
  selfAssessmentValidated: true,
  finessPmsiCategories: { ejCategory: "1102", egCategories: ["355"] },
  usagePayments: { sunEs: null, phase1: null },
  declaration: { noSunEsUsagePayment: false, noPhase1UsagePayment: false },
});

function live(overrides: Partial<ProjectCallLiveFacts> = {}): ProjectCallLiveFacts {
  return {
    perimeter: [
      { siteName: "CH de Montbrasset – site Nord", legalEntityName: "CH de Montbrasset", legalEntityFiness: "998400700", finessPmsi: "998400700" },
      { siteName: "Clinique des Tilleuls", legalEntityName: "SAS Tilleuls", legalEntityFiness: "998500100", finessPmsi: "998500101" },
    ],
    activities: [
      { finessPmsi: "998400700", value: 50_000, year: 2024, isEstimate: false },
      { finessPmsi: "998500101", value: 12_000, year: 2024, isEstimate: false },
    ],
    category: { known: true, category: "C", cap: 8_500_000, combinedActivity: 62_000 },
    eligibility,
    requiredGhtValidations: [],
    errors: {},
    ...overrides,
  };
}

const state = (draft: ProjectCallDraft, facts: ProjectCallLiveFacts = live()): LiveState => ({ live: facts, forDraft: draft });

describe("values ↔ draft", () => {
  it("a stored draft comes back unchanged (amounts in cents through their French text)", () => {
    const draft = complete();
    const values = toValues(draft);
    expect(values.forecast.y2026).toMatch(/^40\s000,50$/);
    expect(toDraft(values)).toEqual(draft);
  });

  it("FINESS are normalised as the draft schema does, amounts typed in French become exact cents", () => {
    const values = toValues(complete());
    values.porteurFinessPmsi = " 2a 0000 123 ";
    values.forecast = { y2026: "45 000,5", y2027: "12 345,67 €" };
    const draft = toDraft(values);
    expect(draft.porteurFinessPmsi).toBe("2A0000123");
    expect(draft.forecastExpenses).toEqual({ "2026": 4_500_050, "2027": 1_234_567 });
  });

  it("an unreadable amount is said at once and saved as not entered (its text stays in the page)", () => {
    const values = toValues(complete());
    values.forecast.y2027 = "12,345";
    expect(toDraft(values).forecastExpenses["2027"]).toBeNull();
    expect(Object.keys(amountErrors(values))).toEqual(["forecastExpenses.2027"]);
  });

  it("only the chosen theme's objectives go to the draft, in the theme's order; switching theme keeps what was typed", () => {
    const values = toValues(complete());
    values.objectives["URG-1"] = { chosen: true, description: "  Coordination aval  " };
    expect(chosenObjectives(values).map((objective) => objective.code)).toEqual(["URG-1", "URG-2", "URG-3"]);
    expect(chosenObjectives(values)[0]?.description).toBe("Coordination aval");
    values.theme = "LOGISTIQUE_PRODUITS_SANTE";
    expect(toDraft(values).objectives).toEqual([]);
    values.theme = "DESENGORGEMENT_URGENCES";
    expect(toDraft(values).objectives).toHaveLength(3);
  });

  it("the rattrapage declaration is kept for the rattrapage theme only", () => {
    const values = toValues(complete());
    values.rattrapageDeclaration = { noSunEsUsagePayment: true, noPhase1UsagePayment: true };
    expect(toDraft(values).rattrapageDeclaration).toEqual({ noSunEsUsagePayment: false, noPhase1UsagePayment: false });
    values.theme = "RATTRAPAGE_MATURITE";
    expect(toDraft(values).rattrapageDeclaration).toEqual({ noSunEsUsagePayment: true, noPhase1UsagePayment: true });
  });

  it("new rows get distinct ids that the draft schema accepts", () => {
    const ids = Array.from({ length: 50 }, () => newRowId("t"));
    expect(ids.every((id) => ROW_ID_PATTERN.test(id) && id.startsWith("t-"))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("errors shown from the last save's facts", () => {
  it("a complete project as saved blocks nothing", () => {
    const draft = complete();
    const result = evaluate(toValues(draft), state(draft), []);
    expect(result.issues).toEqual([]);
    expect(blocking(result)).toBe(false);
  });

  it("a FINESS typed since the last save is being looked up, not unknown; once looked up and not found, it is", () => {
    const saved = complete();
    const values = toValues(saved);
    values.perimeter.push({ siteFiness: "998499999", legalEntityFiness: "998400700" });
    const pending = evaluate(values, state(saved), []);
    expect([...pending.pendingSiteRows]).toEqual([2]);
    expect(pending.issues.filter((issue) => issue.key === "perimeter.2.siteFiness")).toEqual([]);
    expect(pending.perimeterPending).toBe(true);
    expect(blocking(pending)).toBe(true);

    const next = toDraft(values);
    const checked = evaluate(values, state(next, live({ perimeter: [...live().perimeter, null] })), []);
    expect(checked.pendingSiteRows.size).toBe(0);
    expect(checked.issues.map((issue) => issue.key)).toContain("perimeter.2.siteFiness");
  });

  it("a duplicate EG is said even while being looked up", () => {
    const saved = complete();
    const values = toValues(saved);
    values.perimeter.push({ siteFiness: "998499999", legalEntityFiness: "998400700" }, { siteFiness: "998499999", legalEntityFiness: "998400700" });
    const result = evaluate(values, state(saved), []);
    expect(result.issues.filter((issue) => issue.key.endsWith("siteFiness")).map((issue) => issue.key)).toEqual(["perimeter.3.siteFiness"]);
  });

  it("what only the server knows (two-project limit) shows while its answer describes the page", () => {
    const draft = complete();
    const limit = "Le CH de Montbrasset (FINESS PMSI 998400700) prend déjà part à deux projets transmis.";
    const facts = live({ errors: { porteurFinessPmsi: [limit] } });
    expect(evaluate(toValues(draft), state(draft, facts), []).serverOnly).toEqual({ porteurFinessPmsi: [limit] });
    const changed = toValues(draft);
    changed.perimeter.pop();
    expect(evaluate(changed, state(draft, facts), []).serverOnly).toEqual({});
  });

  it("the conditions follow the theme: a changed theme waits for the next save", () => {
    const draft = complete();
    const values = toValues(draft);
    values.theme = "RATTRAPAGE_MATURITE";
    expect(evaluate(values, state(draft), []).eligibilityPending).toBe(true);
  });

  it("missing items wait for the transmission, a FINESS or an e-mail for its field to be left, an amount is said at once", () => {
    const draft = complete();
    const values = toValues(draft);
    values.responsible.name = "";
    values.porteurFinessPmsi = "99840";
    values.forecast.y2026 = "abc";
    const result = evaluate(values, state(draft), []);
    const none = { attempted: false, touched: {}, saveErrors: {} };
    expect(Object.keys(shownErrors(result, none))).toEqual(["forecastExpenses.2026"]);
    expect(Object.keys(shownErrors(result, { ...none, touched: { porteurFinessPmsi: true } }))).toEqual(["porteurFinessPmsi", "forecastExpenses.2026"]);
    expect(Object.keys(shownErrors(result, { ...none, attempted: true }))).toEqual(["porteurFinessPmsi", "responsible.name", "forecastExpenses.2026"]);
  });

  it("a refused save's message shows next to its field where the rules say nothing", () => {
    const draft = complete();
    const result = evaluate(toValues(draft), state(draft), []);
    expect(shownErrors(result, { attempted: false, touched: {}, saveErrors: { businessStakes: ["Enjeux métiers : 8 000 caractères au maximum."] } })).toEqual({
      businessStakes: ["Enjeux métiers : 8 000 caractères au maximum."],
    });
  });
});
