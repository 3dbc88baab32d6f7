import { describe, expect, it } from "vitest";
import { PROJECT_CALL_DOCUMENT_KINDS, projectCallDraftSchema, projectCallProofDraftSchema } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { MAX_EURO_AMOUNT_CENTS } from "@/lib/funding";

const messagesOf = (input: unknown) => {
  const result = projectCallDraftSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the AAP project draft accepts blanks and keeps what was typed", () => {
  it("an empty draft parses to blanks (completeness is checked on submission)", () => {
    const draft = projectCallDraftSchema.parse({});
    expect(draft).toMatchObject({ porteurFinessPmsi: "", perimeter: [], theme: null, objectives: [], team: [], targets: [], forecastExpenses: { "2026": null, "2027": null } });
    expect(draft.rattrapageDeclaration).toEqual({ noSunEsUsagePayment: false, noPhase1UsagePayment: false });
    expect(draft.responsible).toEqual({ name: "", email: "", profession: "" });
  });

  it("a FINESS typed with spaces or lower-case is normalised, and an unknown one is kept for submission to name", () => {
    const draft = projectCallDraftSchema.parse({ porteurFinessPmsi: "2a 000 0001", perimeter: [{ siteFiness: "99 840 0402", legalEntityFiness: "000000000" }] });
    expect(draft.porteurFinessPmsi).toBe("2A0000001");
    expect(draft.perimeter).toEqual([{ siteFiness: "998400402", legalEntityFiness: "000000000" }]);
  });

  it("a perimeter of several EG of several EJ is one list", () => {
    const draft = projectCallDraftSchema.parse({
      perimeter: [
        { siteFiness: "998400402", legalEntityFiness: "998400700" },
        { siteFiness: "998400403", legalEntityFiness: "998400700" },
        { siteFiness: "998500101", legalEntityFiness: "998500100" },
      ],
    });
    expect(new Set(draft.perimeter.map((site) => site.legalEntityFiness)).size).toBe(2);
  });
});

describe("the draft refuses what no real dossier holds, with French messages naming the field", () => {
  it("forecast expenses: negative, fractional cents or beyond the portal's bound are refused", () => {
    expect(messagesOf({ forecastExpenses: { "2026": -100, "2027": 10.5 } })).toEqual({
      "forecastExpenses.2026": "Le montant prévisionnel ne peut pas être négatif.",
      "forecastExpenses.2027": "Montant invalide : indiquez des euros et des centimes.",
    });
    expect(messagesOf({ forecastExpenses: { "2026": MAX_EURO_AMOUNT_CENTS + 1 } })["forecastExpenses.2026"]).toMatch(/^Le montant ne peut dépasser 10.000.000,00.€\.$/);
    expect(messagesOf({ forecastExpenses: { "2026": "30000" } })["forecastExpenses.2026"]).toBe("Montant invalide.");
  });

  it("forecast expenses: 0 and the bound itself are accepted", () => {
    expect(projectCallDraftSchema.parse({ forecastExpenses: { "2026": 0, "2027": MAX_EURO_AMOUNT_CENTS } }).forecastExpenses).toEqual({ "2026": 0, "2027": MAX_EURO_AMOUNT_CENTS });
  });

  it("text fields are bounded, the message names the field", () => {
    expect(messagesOf({ businessStakes: "a".repeat(8001) })).toEqual({ businessStakes: "Enjeux métiers : 8\u202f000 caractères au maximum." });
    expect(projectCallDraftSchema.safeParse({ businessStakes: "a".repeat(8000) }).success).toBe(true);
    expect(messagesOf({ objectives: [{ code: "URG-1", description: "x".repeat(4001) }] })["objectives.0.description"]).toMatch(/^Description de l'objectif : 4.000 caractères au maximum\.$/);
  });

  it("an unknown theme, a fifth objective, a bad row id and a too long FINESS are refused", () => {
    expect(Object.keys(messagesOf({ theme: "CYBERSECURITE" }))).toEqual(["theme"]);
    expect(messagesOf({ objectives: Array.from({ length: 5 }, () => ({ code: "URG-1" })) })).toEqual({ objectives: "Une thématique compte 4 objectifs au plus." });
    expect(messagesOf({ targets: [{ id: "a b" }] })).toEqual({ "targets.0.id": "Identifiant de ligne invalide." });
    // A FINESS one digit too long is kept as typed (the submission says it is invalid); an absurd one is refused.
    expect(messagesOf({ porteurFinessPmsi: "9984007001" })).toEqual({});
    expect(messagesOf({ porteurFinessPmsi: "9".repeat(21) })).toEqual({ porteurFinessPmsi: "FINESS PMSI du porteur : un numéro FINESS compte 9 caractères." });
  });

  it("lists are bounded (201 EG)", () => {
    const perimeter = Array.from({ length: 201 }, () => ({ siteFiness: "998400402", legalEntityFiness: "998400700" }));
    expect(messagesOf({ perimeter })).toEqual({ perimeter: "Le périmètre compte au plus 200 établissements géographiques." });
  });
});

describe("the documents of the kind and the proof draft", () => {
  it("names the document kinds the AAP needs", () => {
    expect(PROJECT_CALL_DOCUMENT_KINDS.map((kind) => kind.key)).toEqual(["GHT_VALIDATION", "PARTNER_COMMITMENT", "TARGET_PROOF"]);
  });

  it("the proof draft: per target, reached or not (blank allowed), with a comment", () => {
    expect(projectCallProofDraftSchema.parse({ targets: [{ targetId: "t1" }] })).toEqual({ targets: [{ targetId: "t1", reached: null, comment: "" }] });
    expect(projectCallProofDraftSchema.safeParse({ targets: [{ targetId: "t1", reached: "oui" }] }).success).toBe(false);
  });
});
