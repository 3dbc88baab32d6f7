import { describe, expect, it } from "vitest";
import { DOSSIER_KINDS } from "@/lib/dossiers/kinds";
import { GuichetKind } from "@/lib/generated/prisma/enums";

describe("one module per guichet kind", () => {
  it("every kind of the schema has its module, under its own key", () => {
    expect(Object.keys(DOSSIER_KINDS).sort()).toEqual(Object.values(GuichetKind).sort());
    for (const [key, module] of Object.entries(DOSSIER_KINDS)) expect(module.kind).toBe(key);
  });

  it("dossier numbers keep their prefixes (HC-C for a candidature, HC-J for a deposit), distinct for every kind", () => {
    expect(DOSSIER_KINDS.CANDIDATURE.labels.numberPrefix(2026)).toBe("HC-C2026");
    expect(DOSSIER_KINDS.MILESTONE_DEPOSIT.labels.numberPrefix(2027)).toBe("HC-J2027");
    const prefixes = Object.values(DOSSIER_KINDS).map((module) => module.labels.numberPrefix(2026));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("source 003's e-mails name a candidature's « formulaire de candidature », a deposit's « formulaire de dépôt »", () => {
    expect(DOSSIER_KINDS.CANDIDATURE.labels.formName).toBe("formulaire de candidature");
    expect(DOSSIER_KINDS.MILESTONE_DEPOSIT.labels.formName).toBe("formulaire de dépôt");
  });

  it("only a yearly deposit of 2026–2028 carries amounts; a candidature never does", () => {
    expect(DOSSIER_KINDS.CANDIDATURE.decisionCarriesAmounts(2026)).toBe(false);
    for (const year of [2026, 2027, 2028]) expect(DOSSIER_KINDS.MILESTONE_DEPOSIT.decisionCarriesAmounts(year)).toBe(true);
    expect(DOSSIER_KINDS.MILESTONE_DEPOSIT.decisionCarriesAmounts(2029)).toBe(false);
  });

  it("only the AAP project is several per porteur and decided with its own selection grid (source 001)", () => {
    const kinds = Object.values(DOSSIER_KINDS);
    expect(kinds.filter((kind) => kind.severalPerCarrier).map((kind) => kind.kind)).toEqual(["PROJECT_CALL"]);
    expect(kinds.filter((kind) => kind.decidedWithSelectionGrid).map((kind) => kind.kind)).toEqual(["PROJECT_CALL"]);
    expect(kinds.every((kind) => kind.startable)).toBe(true);
    // The project's transmission reserves its two-project slots and a refusal gives them back.
    expect(typeof DOSSIER_KINDS.PROJECT_CALL.onTransmitted).toBe("function");
    expect(typeof DOSSIER_KINDS.PROJECT_CALL.onRefused).toBe("function");
    expect(DOSSIER_KINDS.CANDIDATURE.onTransmitted).toBeUndefined();
  });

  it("an AAP project's reviewable fields are its form's fields and its documents, never the proofs of the later step", () => {
    const keys = DOSSIER_KINDS.PROJECT_CALL.reviewableFields({ year: 2026, carrierIsGhtSupport: false, parts: [] }).map((field) => field.key);
    expect(keys).toEqual(expect.arrayContaining(["porteurFinessPmsi", "perimeter", "theme", "forecastExpenses", "documents.GHT_VALIDATION", "documents.PARTNER_COMMITMENT"]));
    expect(keys).not.toContain("documents.TARGET_PROOF");
  });

  it("a candidature's reviewable fields add the mandate only for a GHT support establishment", () => {
    const single = DOSSIER_KINDS.CANDIDATURE.reviewableFields({ year: 2026, carrierIsGhtSupport: false, parts: [] }).map((field) => field.key);
    const ght = DOSSIER_KINDS.CANDIDATURE.reviewableFields({ year: 2026, carrierIsGhtSupport: true, parts: [] }).map((field) => field.key);
    expect(single).not.toContain("documents.GHT_MANDATE");
    expect(ght).toEqual([...single, "ghtMandateKind", "documents.GHT_MANDATE"]);
  });

  it("a deposit's proofs of objectives are reviewable from 2027 only (source 000: no objective in 2026)", () => {
    const parts = [{ finess: "998400402", name: "CH" }];
    const in2026 = DOSSIER_KINDS.MILESTONE_DEPOSIT.reviewableFields({ year: 2026, carrierIsGhtSupport: false, parts }).map((field) => field.key);
    const in2027 = DOSSIER_KINDS.MILESTONE_DEPOSIT.reviewableFields({ year: 2027, carrierIsGhtSupport: false, parts }).map((field) => field.key);
    expect(in2026).not.toContain("parts.998400402.objectiveProof.1.0");
    expect(in2027).toContain("parts.998400402.objectiveProof.1.0");
    expect(in2027).toContain("parts.998400402.mandatoryObjectiveMet");
  });
});
