import { describe, expect, it } from "vitest";
import { candidatureDraftSchema, depositDraftSchema } from "@/lib/dossiers/dossier-input";
import { candidatureErrors } from "@/lib/dossiers/submission-rules";

describe("draft schemas accept what a new dossier has", () => {
  it("an empty candidature gives an empty project team of the 7 roles of source 000", () => {
    const draft = candidatureDraftSchema.parse({});
    expect(Object.keys(draft.projectTeam)).toHaveLength(7);
    expect(draft.projectTeam.ciso).toEqual({ name: "", email: "" });
    expect(draft.ghtMandateKind).toBeNull();
  });

  it("keeps what was typed, even a malformed e-mail (reported on submission, never lost)", () => {
    expect(candidatureDraftSchema.parse({ projectTeam: { ciso: { name: " Ana ", email: "" } } }).projectTeam.ciso.name).toBe("Ana");
    const draft = candidatureDraftSchema.parse({ projectTeam: { ciso: { name: "Ana", email: "pas-une-adresse" } } });
    expect(draft.projectTeam.ciso.email).toBe("pas-une-adresse");
    const errors = candidatureErrors(draft, { carrierIsGhtSupport: false, ghtMandateDocuments: 0 });
    expect(errors["projectTeam.ciso.email"]?.[0]).toMatch(/Adresse e-mail invalide \(RSSI\)/);
  });

  it("an empty deposit has unchecked attestations; negative or fractional cents are refused", () => {
    expect(depositDraftSchema.parse({ parts: [] }).attestations).toEqual({ targetsReached: false, expensesTruthful: false });
    const part = { legalEntityFiness: "998400402", nru: null, expenses: { rh_internes: -1, prestations_externes: 0, depenses_editeurs: 0.5 }, mandatoryObjectiveMet: null, objectivesReached: [], requested: null };
    const result = depositDraftSchema.safeParse({ parts: [part] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["parts.0.expenses.rh_internes", "parts.0.expenses.depenses_editeurs"]);
  });
});
