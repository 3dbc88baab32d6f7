import { describe, expect, it } from "vitest";
import { isFinessPmsiEligible, projectCallEligibility, type ProjectCallEligibilityFacts } from "@/lib/dossiers/kinds/project-call/eligibility";

// source 001: « Conditions d'éligibilité » and « Synthèse des critères d'éligibilité à l'appel à projets »;
// source 002 annex 2: eligible FINESS categories (EJ 1101 CHR/CHU, EG 101 CHR; EJ 1102 CH, EG 355 CH).

/** A CH that has done everything source 001 asks for the themes other than rattrapage. */
function facts(overrides: Partial<ProjectCallEligibilityFacts> = {}): ProjectCallEligibilityFacts {
  return {
    theme: "DESENGORGEMENT_URGENCES",
    legalEntityName: "CH de Montbrasset",
    candidatureStatus: "ACCEPTED",
    milestoneDepositStatus: "SUBMITTED",
    selfAssessmentValidated: true,
    finessPmsiCategories: { ejCategory: "1102", egCategories: ["355"] },
    usagePayments: { sunEs: null, phase1: null },
    declaration: { noSunEsUsagePayment: false, noPhase1UsagePayment: false },
    ...overrides,
  };
}

const stateOf = (result: ReturnType<typeof projectCallEligibility>, key: string) => result.conditions.find((condition) => condition.key === key)?.state;

describe("themes other than rattrapage: the four conditions of source 001's synthesis", () => {
  it("a porteur meeting all four is eligible, each condition labelled and explained in French", () => {
    const result = projectCallEligibility(facts());
    expect(result.eligible).toBe(true);
    expect(result.conditions.map((condition) => [condition.key, condition.state])).toEqual([
      ["hospiconnectCandidature", "met"],
      ["milestone2026Deposit", "met"],
      ["selfAssessmentComplete", "met"],
      ["finessPmsiEligible", "met"],
    ]);
    expect(result.conditions.map((condition) => condition.label)).toEqual([
      "Candidature HospiConnect de l'entité juridique de rattachement validée",
      "Dépôt de la note de cadrage (jalon 2026 HospiConnect/HOP'EN2) par l'entité juridique",
      "Complétude des indicateurs de maturité en identification électronique par l'entité juridique",
      "FINESS PMSI éligible à l'appel à projets",
    ]);
    expect(result.conditions.every((condition) => condition.explanation.length > 0)).toBe(true);
  });

  it.each([
    ["no candidature", { candidatureStatus: null }, "hospiconnectCandidature", "n'a pas de candidature HospiConnect"],
    ["candidature still a draft", { candidatureStatus: "DRAFT" }, "hospiconnectCandidature", "pas encore acceptée"],
    ["candidature transmitted, not yet decided", { candidatureStatus: "SUBMITTED" }, "hospiconnectCandidature", "pas encore acceptée"],
    ["candidature awaiting changes", { candidatureStatus: "CHANGES_REQUESTED" }, "hospiconnectCandidature", "pas encore acceptée"],
    ["candidature refused", { candidatureStatus: "REFUSED" }, "hospiconnectCandidature", "refusée"],
    ["no 2026 milestone deposit", { milestoneDepositStatus: null }, "milestone2026Deposit", "note de cadrage"],
    ["2026 milestone deposit still a draft", { milestoneDepositStatus: "DRAFT" }, "milestone2026Deposit", "brouillon"],
    ["2026 milestone deposit refused", { milestoneDepositStatus: "REFUSED" }, "milestone2026Deposit", "refusé"],
    ["no validated self-assessment", { selfAssessmentValidated: false }, "selfAssessmentComplete", "autoévaluation"],
    ["FINESS EJ category not eligible (1500, not in source 002's list)", { finessPmsiCategories: { ejCategory: "1500", egCategories: ["355"] } }, "finessPmsiEligible", "ne figurent pas"],
    ["no EG of an eligible category (500 EHPAD)", { finessPmsiCategories: { ejCategory: "1102", egCategories: ["500"] } }, "finessPmsiEligible", "ne figurent pas"],
    ["FINESS PMSI with no EG known", { finessPmsiCategories: { ejCategory: "1102", egCategories: [] } }, "finessPmsiEligible", "ne figurent pas"],
  ] as const)("%s: not met, not eligible", (_, override, key, wording) => {
    const result = projectCallEligibility(facts(override as Partial<ProjectCallEligibilityFacts>));
    expect(result.eligible).toBe(false);
    expect(stateOf(result, key)).toBe("not_met");
    expect(result.conditions.find((condition) => condition.key === key)?.explanation).toContain(wording);
    expect(result.conditions.filter((condition) => condition.state !== "met")).toHaveLength(1);
  });

  it.each(["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"] as const)("a 2026 deposit %s counts as deposited (transmitted and not refused)", (status) => {
    expect(stateOf(projectCallEligibility(facts({ milestoneDepositStatus: status })), "milestone2026Deposit")).toBe("met");
  });

  it("a FINESS PMSI unknown to the reference is unknown, and blocks (no declaration can stand for it)", () => {
    const result = projectCallEligibility(facts({ finessPmsiCategories: null }));
    expect(stateOf(result, "finessPmsiEligible")).toBe("unknown");
    expect(result.eligible).toBe(false);
  });

  it("usage payments do not matter outside rattrapage (source 001: the rattrapage rule only)", () => {
    const result = projectCallEligibility(facts({ usagePayments: { sunEs: true, phase1: true } }));
    expect(result.eligible).toBe(true);
    expect(result.conditions.map((condition) => condition.key)).not.toContain("noSunEsUsagePayment");
  });

  it.each(["LOGISTIQUE_PRODUITS_SANTE", "TEMPS_TRAVAIL_RH"] as const)("the same four conditions apply to %s", (theme) => {
    expect(projectCallEligibility(facts({ theme, candidatureStatus: null })).eligible).toBe(false);
    expect(projectCallEligibility(facts({ theme })).conditions).toHaveLength(4);
  });
});

describe("rattrapage: no « usage » payment under SUN-ES nor under HOP'EN2 phase 1 (source 001)", () => {
  const rattrapage = (usagePayments: ProjectCallEligibilityFacts["usagePayments"], declaration = { noSunEsUsagePayment: false, noPhase1UsagePayment: false }) =>
    projectCallEligibility(facts({ theme: "RATTRAPAGE_MATURITE", candidatureStatus: null, milestoneDepositStatus: null, selfAssessmentValidated: false, finessPmsiCategories: null, usagePayments, declaration }));

  it("needs neither a HospiConnect candidature nor the other three conditions (« hors rattrapage »)", () => {
    const result = rattrapage({ sunEs: false, phase1: false });
    expect(result.eligible).toBe(true);
    expect(result.conditions.map((condition) => [condition.key, condition.state])).toEqual([
      ["noSunEsUsagePayment", "met"],
      ["noPhase1UsagePayment", "met"],
    ]);
  });

  it.each([
    // [SUN-ES known, phase 1 known, declared SUN-ES, declared phase 1, SUN-ES state, phase 1 state, eligible]
    [true, false, false, false, "not_met", "met", false],
    [false, true, false, false, "met", "not_met", false],
    [true, true, true, true, "not_met", "not_met", false], // a known payment cannot be declared away
    [null, false, false, false, "unknown", "met", false],
    [null, false, true, false, "declared", "met", true],
    [false, null, false, true, "met", "declared", true],
    [null, null, true, true, "declared", "declared", true],
    [null, null, true, false, "declared", "unknown", false],
    [null, true, true, true, "declared", "not_met", false],
  ] as const)("SUN-ES %s, phase 1 %s, declared %s/%s → %s, %s, eligible %s", (sunEs, phase1, declaredSunEs, declaredPhase1, sunEsState, phase1State, eligible) => {
    const result = rattrapage({ sunEs, phase1 }, { noSunEsUsagePayment: declaredSunEs, noPhase1UsagePayment: declaredPhase1 });
    expect(stateOf(result, "noSunEsUsagePayment")).toBe(sunEsState);
    expect(stateOf(result, "noPhase1UsagePayment")).toBe(phase1State);
    expect(result.eligible).toBe(eligible);
  });

  it("explains an unknown fact as a declaration to make, a declared one as checked by the ARS", () => {
    const result = rattrapage({ sunEs: null, phase1: null }, { noSunEsUsagePayment: true, noPhase1UsagePayment: false });
    expect(result.conditions[0]?.explanation).toContain("l'ARS le vérifie");
    expect(result.conditions[1]?.explanation).toContain("déclarez");
    expect(result.conditions[1]?.label).toBe("Aucun versement « d'usage » reçu au titre du programme HOP'EN2 phase 1");
  });
});

describe("FINESS PMSI eligibility (source 002 annex 2 categories)", () => {
  it.each([
    [{ ejCategory: "1101", egCategories: ["101"] }, true],
    [{ ejCategory: "2205", egCategories: ["697"] }, true],
    [{ ejCategory: "1102", egCategories: ["500", "355"] }, true],
    [{ ejCategory: "1102", egCategories: ["500"] }, false],
    [{ ejCategory: "1108", egCategories: ["355"] }, false],
  ])("%o → %s", (categories, eligible) => {
    expect(isFinessPmsiEligible(categories)).toBe(eligible);
  });
});
