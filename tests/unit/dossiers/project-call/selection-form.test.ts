import { describe, expect, it } from "vitest";
import { projectCallDecisionSchema } from "@/lib/dossiers/kinds/project-call/scoring";
import {
  DECISION_MISSING,
  initialSelectionForm,
  orderedErrors,
  runningTotal,
  selectionFormErrors,
  selectionPayload,
  type SelectionFormState,
} from "@/lib/dossiers/kinds/project-call/selection-form";

// Source 001: category C, cap 85 000 €.
const CAP = { category: "C" as const, cap: 8_500_000 };

function filled(overrides: Partial<SelectionFormState> = {}): SelectionFormState {
  const state = initialSelectionForm(CAP.cap);
  return {
    ...state,
    answers: { ELIGIBILITY: "OUI", ROBUSTNESS: "3", NATIONAL_PROGRAMMES: "2", FUNDING_ARTICULATION: "1", TEAM_DIVERSITY: "0", INDUSTRIAL_COMMITMENT: "SANS_OBJET" },
    comments: { ELIGIBILITY: "ok", ROBUSTNESS: "ok", NATIONAL_PROGRAMMES: "ok", FUNDING_ARTICULATION: "ok", TEAM_DIVERSITY: "ok", INDUSTRIAL_COMMITMENT: "ok" },
    decision: "ACCEPT",
    justification: "Projet solide.",
    ...overrides,
  };
}

describe("the ARS selection form of an AAP project", () => {
  it("starts blank, with the category's cap as the amount", () => {
    const state = initialSelectionForm(CAP.cap);
    expect(state.amountText).toBe("85\u202f000,00");
    expect(state.decision).toBeNull();
    expect(runningTotal(state.answers)).toEqual({ total: 0, max: 15, unanswered: 5 });
  });

  it("a complete acceptance at the cap is what the server's schema accepts", () => {
    const state = filled();
    expect(selectionFormErrors(state, CAP)).toEqual({});
    const payload = selectionPayload(state);
    expect(payload).toMatchObject({ decision: "ACCEPT", grantedCents: 8_500_000, factors: [] });
    expect(payload?.grid.INDUSTRIAL_COMMITMENT.score).toBeNull();
    expect(projectCallDecisionSchema(CAP).safeParse(payload).success).toBe(true);
  });

  it("« sans objet » counts in neither the total nor its maximum", () => {
    expect(runningTotal(filled().answers)).toEqual({ total: 6, max: 12, unanswered: 0 });
  });

  it("a blank form names every criterion, and the missing decision, under the server's keys", () => {
    const errors = selectionFormErrors(initialSelectionForm(CAP.cap), CAP);
    expect(errors.decision).toBe(DECISION_MISSING);
    expect(errors["grid.ELIGIBILITY.compliant"]).toMatch(/critères d'éligibilité/);
    expect(errors["grid.ROBUSTNESS.score"]).toMatch(/Notez le critère/);
    expect(errors["grid.INDUSTRIAL_COMMITMENT.score"]).toMatch(/Notez le critère/);
    expect(errors["grid.TEAM_DIVERSITY.comment"]).toMatch(/Commentez le critère/);
    expect(orderedErrors(errors)[0]?.[0]).toBe("grid.ELIGIBILITY.compliant");
    expect(orderedErrors(errors).at(-1)?.[0]).toBe("decision");
  });

  it("below the cap the factors are required, said at once even while other fields are wrong", () => {
    const state = filled({ amountText: "60 000", comments: { ...filled().comments, ROBUSTNESS: "" } });
    const errors = selectionFormErrors(state, CAP);
    expect(errors["grid.ROBUSTNESS.comment"]).toBeDefined();
    expect(errors.factors).toMatch(/inférieur à 85/);
    expect(selectionFormErrors(filled({ amountText: "60 000", factors: ["MATURITY"] }), CAP)).toEqual({});
  });

  it("an ineligible project cannot be retained; it can be refused with a reason", () => {
    const ineligible = { ...filled().answers, ELIGIBILITY: "NON" as const };
    expect(selectionFormErrors(filled({ answers: ineligible, justification: "" }), CAP)["grid.ELIGIBILITY.compliant"]).toMatch(/ne peut être retenu/);
    expect(selectionFormErrors(filled({ answers: ineligible, decision: "REFUSE" }), CAP).reason).toMatch(/motif du refus/);
    expect(selectionFormErrors(filled({ answers: ineligible, decision: "REFUSE", reason: "Hors critères." }), CAP)).toEqual({});
  });

  it("the amount is parsed from the text typed, never above the cap", () => {
    expect(selectionFormErrors(filled({ amountText: "" }), CAP).grantedCents).toBe("Saisissez le montant accordé en euros.");
    expect(selectionFormErrors(filled({ amountText: "12,345" }), CAP).grantedCents).toMatch(/deux décimales/);
    expect(selectionFormErrors(filled({ amountText: "85 000,01" }), CAP).grantedCents).toMatch(/ne peut dépasser/);
    expect(selectionPayload(filled({ amountText: "60 000,50", factors: ["CO_FUNDING"] }))?.grantedCents).toBe(6_000_050);
  });
});
