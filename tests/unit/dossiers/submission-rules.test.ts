import { describe, expect, it } from "vitest";
import { depositDraftSchema } from "@/lib/dossiers/dossier-input";
import { expenseDateIssues } from "@/lib/dossiers/submission-rules";
import type { DepositDraft } from "@/lib/dossiers/dossier-input";
import {
  candidatureIssues,
  depositErrors,
  depositIssues,
  documentFacts,
  emptyDepositPart,
  quotedSelfAssessment,
  toFieldErrors,
  type DepositPartFacts,
} from "@/lib/dossiers/submission-rules";

const today = "2026-06-01";
const validated2026 = { found: true as const, legalEntityFiness: "998400700", status: "VALIDATED" as const, validatedOn: "2026-05-20" };

/** An EJ of 800 agents, source 000's worked example (ceiling 39 050 € a year). */
function facts(overrides: Partial<DepositPartFacts> = {}): DepositPartFacts {
  return {
    legalEntityFiness: "998400700",
    legalEntityName: "CH du Clavier",
    headcount: 800,
    selfAssessment: null,
    noteDeCadrageCount: 0,
    expenseAttestationCount: 0,
    objectiveProofs: [],
    ...overrides,
  };
}

function draft(parts: DepositDraft["parts"], attestations = { targetsReached: false, expensesTruthful: false }): DepositDraft {
  return { attestations, parts };
}

const complete = (finess = "998400700"): DepositDraft["parts"][number] => ({
  legalEntityFiness: finess,
  nru: "IE-2026-998400700-000001",
  // source 000's example: 30 000 € declared.
  expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 },
  mandatoryObjectiveMet: null,
  indicators: { "2.1": null, "2.2": null },
  expenseDates: { firstInvoiceOn: "", lastInvoiceOn: "", lastPaymentOn: "" },
  objectivesReached: [],
  requested: 3_000_000,
});

describe("an empty 2026 deposit lists each missing item of source 003's form, in form order", () => {
  it("one EJ: note de cadrage, NRU, signed attestation, each expense category, the amount requested, then each attestation", () => {
    const issues = depositIssues(draft([emptyDepositPart("998400700")]), { year: 2026, today, parts: [facts()] });
    expect(issues.map((issue) => issue.key)).toEqual([
      "parts.998400700.noteDeCadrage",
      "parts.998400700.nru",
      "parts.998400700.expenseAttestation",
      "parts.998400700.expenses.rh_internes",
      "parts.998400700.expenses.prestations_externes",
      "parts.998400700.expenses.depenses_editeurs",
      "parts.998400700.requested",
      "attestations.targetsReached",
      "attestations.expensesTruthful",
    ]);
    expect(issues.every((issue) => issue.missing)).toBe(true);
    expect(issues.map((issue) => issue.message)).toEqual([
      "Déposez la note de cadrage de CH du Clavier (PDF ou ZIP).",
      "Indiquez le NRU de l'autoévaluation de maturité IE de CH du Clavier.",
      "Déposez l'attestation sur l'honneur des dépenses de CH du Clavier, signée par la DAF.",
      "Indiquez les dépenses « RH internes » de CH du Clavier (0 s'il n'y en a pas).",
      "Indiquez les dépenses « Prestations externes » de CH du Clavier (0 s'il n'y en a pas).",
      "Indiquez les dépenses « Dépenses éditeurs » de CH du Clavier (0 s'il n'y en a pas).",
      "Indiquez le montant demandé pour CH du Clavier.",
      "Cochez l'attestation d'atteinte des cibles 2026.",
      "Cochez l'attestation sur les dépenses déclarées.",
    ]);
  });

  it("a GHT never saved (no part in the draft): every EJ gets its own items, not one « not filled in » line", () => {
    const parts = [
      facts({ legalEntityFiness: "998400700", legalEntityName: "CH support" }),
      facts({ legalEntityFiness: "998400718", legalEntityName: "CH membre A" }),
      facts({ legalEntityFiness: "998400726", legalEntityName: "CH membre B" }),
    ];
    const errors = depositErrors(draft([]), { year: 2026, today, parts });
    for (const part of parts) {
      expect(Object.keys(errors).filter((key) => key.startsWith(`parts.${part.legalEntityFiness}.`))).toHaveLength(7);
      expect(errors[`parts.${part.legalEntityFiness}.nru`]).toEqual([`Indiquez le NRU de l'autoévaluation de maturité IE de ${part.legalEntityName}.`]);
    }
    expect(Object.values(errors).flat().some((message) => /ne sont pas renseignés/.test(message))).toBe(false);
    expect(Object.keys(errors)).toHaveLength(3 * 7 + 2);
  });

  it("a complete deposit has no issue; each item fixed leaves the list on its own", () => {
    const full = { year: 2026 as const, today, parts: [facts({ selfAssessment: validated2026, noteDeCadrageCount: 1, expenseAttestationCount: 1 })] };
    expect(depositIssues(draft([complete()], { targetsReached: true, expensesTruthful: true }), full)).toEqual([]);
    const oneMissing = depositIssues(draft([{ ...complete(), expenses: { ...complete().expenses, depenses_editeurs: null } }], { targetsReached: true, expensesTruthful: true }), full);
    expect(oneMissing.map((issue) => issue.key)).toEqual(["parts.998400700.expenses.depenses_editeurs"]);
  });

  it("0 is an amount (« 0 s'il n'y en a pas »), not a missing one", () => {
    const zero = { ...complete(), expenses: { rh_internes: 0, prestations_externes: 0, depenses_editeurs: 0 }, requested: 0 };
    const issues = depositIssues(draft([zero], { targetsReached: true, expensesTruthful: true }), { year: 2026, today, parts: [facts({ selfAssessment: validated2026, noteDeCadrageCount: 1, expenseAttestationCount: 1 })] });
    expect(issues).toEqual([]);
  });
});

describe("a value given but wrong is not a missing item (said at once, not only on transmission)", () => {
  const ready = facts({ selfAssessment: validated2026, noteDeCadrageCount: 1, expenseAttestationCount: 1 });

  it("source 000: 800 agents, 39 050 € eligible, 30 000 € declared: 30 000 € may be requested, not one cent more", () => {
    const at = (requested: number) => depositIssues(draft([{ ...complete(), requested }], { targetsReached: true, expensesTruthful: true }), { year: 2026, today, parts: [ready] });
    expect(at(3_000_000)).toEqual([]);
    const above = at(3_000_001);
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({ key: "parts.998400700.requested", missing: false });
    expect(above[0]?.message.replace(/[\u202f\u00a0]/g, " ")).toBe("Le montant demandé ne peut dépasser 30 000,00 € (montant éligible écrêté aux dépenses déclarées).");
  });

  it("source 003: an NRU validated before 1 January of the year, of another EJ, or unknown", () => {
    const nruIssue = (selfAssessment: DepositPartFacts["selfAssessment"]) =>
      depositIssues(draft([complete()], { targetsReached: true, expensesTruthful: true }), { year: 2026, today, parts: [facts({ ...ready, selfAssessment })] }).find((issue) => issue.key.endsWith(".nru"));
    expect(nruIssue({ ...validated2026, validatedOn: "2025-12-31" })).toMatchObject({ missing: false, message: expect.stringMatching(/avant le 1er janvier 2026/) });
    expect(nruIssue({ ...validated2026, legalEntityFiness: "998400718" })).toMatchObject({ missing: false, message: expect.stringMatching(/autre entité juridique/) });
    expect(nruIssue({ found: false })).toMatchObject({ missing: false, message: "Aucune autoévaluation ne porte le NRU « IE-2026-998400700-000001 »." });
    expect(nruIssue(validated2026)).toBeUndefined();
  });

  it("source 003: more than 20 files of note de cadrage", () => {
    const issues = depositIssues(draft([complete()], { targetsReached: true, expensesTruthful: true }), { year: 2026, today, parts: [facts({ ...ready, noteDeCadrageCount: 21 })] });
    expect(issues).toEqual([{ key: "parts.998400700.noteDeCadrage", missing: false, message: "Note de cadrage de CH du Clavier : 20 fichiers au maximum, regroupez-les dans une archive ZIP." }]);
  });
});

describe("from 2027, objective 1.0 and each objective reached need their proof (source 000)", () => {
  const ready = facts({ selfAssessment: { ...validated2026, validatedOn: "2027-05-02" }, noteDeCadrageCount: 0, expenseAttestationCount: 1 });
  const base = { ...complete(), nru: "IE-2027-998400700-000001", requested: 0 };
  const issues2027 = (part: DepositDraft["parts"][number], proofs: string[] = []) =>
    depositIssues(draft([part], { targetsReached: true, expensesTruthful: true }), { year: 2027, today: "2027-06-01", parts: [{ ...ready, objectiveProofs: proofs }] });

  it("never asks for a note de cadrage again in 2027 or 2028 (the 2026 milestone's deliverable), whereas 2026 does", () => {
    const complete2027 = { ...base, mandatoryObjectiveMet: false };
    expect(issues2027(complete2027)).toEqual([]);
    const in2028 = depositIssues(draft([complete2027], { targetsReached: true, expensesTruthful: true }), { year: 2028, today: "2028-06-01", parts: [{ ...ready, selfAssessment: { ...validated2026, validatedOn: "2028-05-02" }, objectiveProofs: [] }] });
    expect(in2028.map((issue) => issue.key)).not.toContain("parts.998400700.noteDeCadrage");
    const in2026 = depositIssues(draft([complete2027], { targetsReached: true, expensesTruthful: true }), { year: 2026, today: "2026-06-01", parts: [{ ...ready, selfAssessment: validated2026, objectiveProofs: [] }] });
    expect(in2026.map((issue) => issue.key)).toContain("parts.998400700.noteDeCadrage");
  });

  it("objective 1.0 not answered is a missing item", () => {
    expect(issues2027(base).map((issue) => issue.key)).toEqual(["parts.998400700.mandatoryObjectiveMet"]);
  });

  it("objective 1.0 met and objectives 1.1, 1.3 and 2.2 reached: each proof is listed", () => {
    const part = { ...base, mandatoryObjectiveMet: true, objectivesReached: ["1.1", "1.3", "2.2"], indicators: { "2.1": null, "2.2": 40 } };
    expect(issues2027(part).map((issue) => issue.key)).toEqual([
      "parts.998400700.objectiveProof.1.0",
      "parts.998400700.objectiveProof.1.1",
      "parts.998400700.objectiveProof.1.3",
      "parts.998400700.objectiveProof.2.2",
    ]);
    expect(issues2027(part, ["1.0", "1.1", "2.2"]).map((issue) => issue.message)).toEqual(["Joignez la preuve de l'objectif 1.3 de CH du Clavier."]);
    expect(issues2027(part, ["1.0", "1.1", "1.3", "2.2"])).toEqual([]);
  });

  it("a percentage target (2.1: 75 % in 2027, 90 % in 2028; 2.2: 40 % then 60 %) needs its indicator, which must reach it", () => {
    const proofs = ["1.0", "2.1", "2.2"];
    const declared = { ...base, mandatoryObjectiveMet: true, objectivesReached: ["2.1", "2.2"] };
    expect(issues2027({ ...declared, indicators: { "2.1": null, "2.2": null } }, proofs).map((issue) => [issue.key, issue.message, issue.missing])).toEqual([
      ["parts.998400700.indicators.2.1", "Indiquez l'indicateur de l'objectif 2.1 de CH du Clavier (cible 2027 : 75 %).", true],
      ["parts.998400700.indicators.2.2", "Indiquez l'indicateur de l'objectif 2.2 de CH du Clavier (cible 2027 : 40 %).", true],
    ]);
    expect(issues2027({ ...declared, indicators: { "2.1": 74.5, "2.2": 40 } }, proofs).map((issue) => issue.message)).toEqual([
      "L'indicateur de l'objectif 2.1 (74,5 %) n'atteint pas la cible 2027 de 75 % : l'objectif ne peut pas être déclaré atteint.",
    ]);
    expect(issues2027({ ...declared, indicators: { "2.1": 75, "2.2": 40 } }, proofs)).toEqual([]);
    const in2028 = depositIssues(draft([{ ...declared, indicators: { "2.1": 89.9, "2.2": 60 }, expenseDates: { firstInvoiceOn: "2026-01-10", lastInvoiceOn: "2028-05-01", lastPaymentOn: "2028-05-15" } }], { targetsReached: true, expensesTruthful: true }), { year: 2028, today: "2028-06-01", parts: [{ ...ready, selfAssessment: { ...validated2026, validatedOn: "2028-05-02" }, objectiveProofs: proofs }] });
    expect(in2028.map((issue) => issue.message)).toEqual(["L'indicateur de l'objectif 2.1 (89,9 %) n'atteint pas la cible 2028 de 90 % : l'objectif ne peut pas être déclaré atteint."]);
  });

  it("refuses an indicator over 100 % or negative when the draft is read (nothing is saved with it)", () => {
    const part = { ...base, indicators: { "2.1": 100.5, "2.2": -1 } };
    const parsed = depositDraftSchema.safeParse(draft([part]));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["parts.0.indicators.2.1", "Un indicateur ne peut pas dépasser 100 %."],
      ["parts.0.indicators.2.2", "Un indicateur ne peut pas être négatif."],
    ]);
  });

  it("2026 asks for no objective (the milestone is the note de cadrage and the self-assessment)", () => {
    const issues = depositIssues(draft([emptyDepositPart("998400700")]), { year: 2026, today, parts: [facts()] });
    expect(issues.some((issue) => /objective|mandatory/i.test(issue.key))).toBe(false);
  });
});

describe("candidature (source 000: the project team of 7 roles; source 002: the GHT mandate)", () => {
  const empty = { projectTeam: {} as never, ghtMandateKind: null };

  it("an empty candidature lists a name and an e-mail per role: 14 items", () => {
    const issues = candidatureIssues({ projectTeam: Object.fromEntries(["qualityLead", "businessRepresentative", "hrDirector", "ciso", "cio", "programmeReferent", "signatory"].map((key) => [key, { name: "", email: "" }])) as never, ghtMandateKind: null }, { carrierIsGhtSupport: false, ghtMandateDocuments: 0 });
    expect(issues).toHaveLength(14);
    expect(issues[0]).toEqual({ key: "projectTeam.qualityLead.name", message: "Indiquez le prénom et le nom du membre « Responsable démarche qualité ».", missing: true });
    expect(issues.at(-1)).toEqual({ key: "projectTeam.signatory.email", message: "Indiquez l'adresse e-mail du signataire.", missing: true });
  });

  it("a malformed e-mail is a wrong value; a GHT support also owes the mandate and its proof", () => {
    const issues = candidatureIssues({ projectTeam: { ciso: { name: "Ana", email: "pas-une-adresse" } } as never, ghtMandateKind: null }, { carrierIsGhtSupport: true, ghtMandateDocuments: 0 });
    expect(issues.find((issue) => issue.key === "projectTeam.ciso.email")).toMatchObject({ missing: false, message: expect.stringMatching(/Adresse e-mail invalide \(RSSI\)/) });
    expect(issues.slice(-2).map((issue) => issue.key)).toEqual(["ghtMandateKind", "documents.GHT_MANDATE"]);
    expect(candidatureIssues(empty, { carrierIsGhtSupport: false, ghtMandateDocuments: 0 }).some((issue) => issue.key.startsWith("documents"))).toBe(false);
  });
});

describe("the facts the form hands to the rules, from what the server looked up", () => {
  it("quotedSelfAssessment: null without an NRU, found with its EJ, status and date, else not found", () => {
    const known = [{ nru: "IE-2026-998400700-000001", legalEntityFiness: "998400700", status: "VALIDATED" as const, validatedOn: "2026-05-20" }];
    expect(quotedSelfAssessment(null, known)).toBeNull();
    expect(quotedSelfAssessment("IE-2026-998400700-000001", known)).toEqual(validated2026);
    expect(quotedSelfAssessment("IE-2026-998400700-000002", known)).toEqual({ found: false });
  });

  it("documentFacts counts the documents linked to the EJ, a GHT's shared note de cadrage included", () => {
    const documents = [
      { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400700", "998400718"] },
      { kind: "EXPENSE_ATTESTATION", objectiveCode: null, legalEntities: ["998400700"] },
      { kind: "OBJECTIVE_PROOF", objectiveCode: "1.1", legalEntities: ["998400718"] },
    ];
    expect(documentFacts(documents, "998400700")).toEqual({ noteDeCadrageCount: 1, expenseAttestationCount: 1, objectiveProofs: [] });
    expect(documentFacts(documents, "998400718")).toEqual({ noteDeCadrageCount: 1, expenseAttestationCount: 0, objectiveProofs: ["1.1"] });
  });

  it("toFieldErrors keeps the form order and groups the messages of one field", () => {
    expect(
      toFieldErrors([
        { key: "b", message: "1", missing: true },
        { key: "a", message: "2", missing: false },
        { key: "b", message: "3", missing: false },
      ]),
    ).toEqual({ b: ["1", "3"], a: ["2"] });
    expect(Object.keys(toFieldErrors([{ key: "b", message: "", missing: true }, { key: "a", message: "", missing: true }]))).toEqual(["b", "a"]);
  });
});

describe("the dates of the declared expenses (source 003: from 19/12/2025; in 2028 invoiced and paid by 16 June 2028), decided by checkExpenseEligibility", () => {
  const expenses = { rh_internes: 1_000_000, prestations_externes: 0, depenses_editeurs: 0 };
  const dates = (firstInvoiceOn = "", lastInvoiceOn = "", lastPaymentOn = "") => ({ firstInvoiceOn, lastInvoiceOn, lastPaymentOn });

  it("refuses an invoice before 19 December 2025, the 19th itself eligible", () => {
    expect(expenseDateIssues({ expenses, expenseDates: dates("2025-12-18") }, 2026, "2026-06-01")).toEqual([
      { field: "expenseDates.firstInvoiceOn", message: "Facture du 18 décembre 2025 : seules les dépenses engagées à compter du 19 décembre 2025, date d'application de l'instruction HOP'EN2, sont éligibles.", missing: false },
    ]);
    expect(expenseDateIssues({ expenses, expenseDates: dates("2025-12-19", "2026-05-30") }, 2026, "2026-06-01")).toEqual([]);
  });

  it("2026 and 2027 do not require the dates; 2028 requires the last invoice and the last payment", () => {
    expect(expenseDateIssues({ expenses, expenseDates: dates() }, 2027, "2027-06-01")).toEqual([]);
    expect(expenseDateIssues({ expenses, expenseDates: dates() }, 2028, "2028-06-10").map((issue) => [issue.field, issue.missing])).toEqual([
      ["expenseDates.lastInvoiceOn", true],
      ["expenseDates.lastPaymentOn", true],
    ]);
    // Nothing declared, nothing to date.
    expect(expenseDateIssues({ expenses: { rh_internes: 0, prestations_externes: 0, depenses_editeurs: 0 }, expenseDates: dates() }, 2028, "2028-06-10")).toEqual([]);
  });

  it("2028: an invoice or a payment after 16 June 2028 is refused; the 16th is eligible", () => {
    expect(expenseDateIssues({ expenses, expenseDates: dates("2026-01-10", "2028-06-16", "2028-06-16") }, 2028, "2028-07-01")).toEqual([]);
    expect(expenseDateIssues({ expenses, expenseDates: dates("2026-01-10", "2028-06-17", "2028-06-20") }, 2028, "2028-07-01").map((issue) => issue.message)).toEqual([
      "Facture du 17 juin 2028 : pour le jalon 2028, seules les dépenses facturées au 16 juin 2028 au plus tard sont éligibles.",
      "Paiement du 20 juin 2028 : pour le jalon 2028, seules les dépenses payées au 16 juin 2028 au plus tard sont éligibles.",
    ]);
  });

  it("refuses a date after today, and a last invoice before the first", () => {
    expect(expenseDateIssues({ expenses, expenseDates: dates("2026-05-10", "2026-03-01") }, 2026, "2026-06-01").map((issue) => issue.message)).toEqual(["La dernière facture ne peut pas précéder la première."]);
    expect(expenseDateIssues({ expenses, expenseDates: dates("2026-06-02") }, 2026, "2026-06-01").map((issue) => issue.message)).toEqual(["Date du 2 juin 2026, après aujourd'hui : seules les dépenses engagées sont déclarées."]);
  });
});
