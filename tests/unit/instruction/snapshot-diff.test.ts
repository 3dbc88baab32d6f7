import { describe, expect, it } from "vitest";
import { diffSnapshots, documentFieldKeys } from "@/lib/instruction/snapshot-diff";
import { document, EJ_A, EJ_B, part, snapshot } from "./snapshot-fixture";

const first = snapshot();

describe("diffSnapshots", () => {
  it("two identical submissions: unchanged, nothing listed", () => {
    const diff = diffSnapshots(first, { ...snapshot(), sequence: 2, submittedAt: "2026-06-10T08:00:00.000Z", fromVersion: 7 });
    expect(diff.unchanged).toBe(true);
    expect(diff).toMatchObject({ fromSequence: 1, toSequence: 2, fields: [], documentsAdded: [], documentsRemoved: [], documentsRelinked: [], touchedKeys: [] });
  });

  it("a changed expense and requested amount: each field with before → after, keyed like the form", () => {
    const second = snapshot({ sequence: 2, parts: [part({ expenses: { rh_internes: 1_200_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 }, requested: 3_200_000 })] });
    const diff = diffSnapshots(first, second);
    expect(diff.unchanged).toBe(false);
    expect(diff.fields).toEqual([
      { key: `parts.${EJ_A}.expenses.rh_internes`, label: "Centre hospitalier A — Dépenses — RH internes", kind: "cents", before: 1_000_000, after: 1_200_000, legalEntityFiness: EJ_A },
      { key: `parts.${EJ_A}.requested`, label: "Centre hospitalier A — Montant demandé", kind: "cents", before: 3_000_000, after: 3_200_000, legalEntityFiness: EJ_A },
    ]);
    expect(diff.touchedKeys).toEqual([`parts.${EJ_A}.expenses.rh_internes`, `parts.${EJ_A}.requested`]);
  });

  it("an NRU filled in, an objective list reordered (same set: no change), objective 1.0 changed", () => {
    const before = snapshot({ parts: [part({ nru: null, objectivesReached: ["1.2", "1.1"], mandatoryObjectiveMet: false })] });
    const after = snapshot({ sequence: 2, parts: [part({ nru: "IE-2026-000009", objectivesReached: ["1.1", "1.2"], mandatoryObjectiveMet: true })] });
    const diff = diffSnapshots(before, after);
    expect(diff.fields.map((change) => [change.key, change.before, change.after])).toEqual([
      [`parts.${EJ_A}.nru`, null, "IE-2026-000009"],
      [`parts.${EJ_A}.mandatoryObjectiveMet`, false, true],
    ]);
  });

  it("an added objective is a list change", () => {
    const diff = diffSnapshots(snapshot({ parts: [part({ objectivesReached: ["1.1"] })] }), snapshot({ sequence: 2, parts: [part({ objectivesReached: ["2.1", "1.1"] })] }));
    expect(diff.fields).toEqual([expect.objectContaining({ key: `parts.${EJ_A}.objectivesReached`, kind: "list", before: ["1.1"], after: ["1.1", "2.1"] })]);
  });

  it("documents are compared by SHA-256: a re-upload of the same bytes under another name is no change", () => {
    const second = snapshot({ sequence: 2, documents: first.documents.map((doc) => ({ ...doc, id: `${doc.id}-bis`, fileId: `${doc.fileId}-bis`, name: `copie de ${doc.name}` })) });
    expect(diffSnapshots(first, second).unchanged).toBe(true);
  });

  it("new bytes under the same name: the old document is removed, the new one added", () => {
    const replaced = document({ id: "doc-3", fileId: "file-3", sha256: "c".repeat(64) });
    const second = snapshot({ sequence: 2, documents: [replaced, first.documents[1]!] });
    const diff = diffSnapshots(first, second);
    expect(diff.documentsAdded.map((doc) => doc.sha256)).toEqual(["c".repeat(64)]);
    expect(diff.documentsRemoved.map((doc) => doc.sha256)).toEqual(["a".repeat(64)]);
    expect(diff.fields).toEqual([]);
    expect(diff.touchedKeys).toEqual([`parts.${EJ_A}.noteDeCadrage`]);
  });

  it("the same file moved to another kind of document is a removal and an addition", () => {
    const second = snapshot({ sequence: 2, documents: [document({ kind: "EXPENSE_ATTESTATION" }), first.documents[1]!] });
    const diff = diffSnapshots(first, second);
    expect(diff.documentsAdded).toHaveLength(1);
    expect(diff.documentsRemoved).toHaveLength(1);
  });

  it("a GHT note de cadrage now serving a second EJ is relinked", () => {
    const before = snapshot({ parts: [part(), part({ legalEntityFiness: EJ_B, name: "EJ B" })] });
    const after = snapshot({ sequence: 2, parts: before.parts, documents: [document({ legalEntities: [EJ_B, EJ_A] }), first.documents[1]!] });
    const diff = diffSnapshots(before, after);
    expect(diff.documentsRelinked).toEqual([{ document: after.documents[0], before: [EJ_A], after: [EJ_A, EJ_B] }]);
    expect(diff.touchedKeys.sort()).toEqual([`parts.${EJ_A}.noteDeCadrage`, `parts.${EJ_B}.noteDeCadrage`]);
  });

  it("candidature answers: project team and GHT mandate kind, with French labels and value labels", () => {
    const team = (cio: string) => ({ candidature: { projectTeam: { cio: { name: cio, email: "dsi@ch-a.fr" }, ciso: { name: "R", email: "" } }, ghtMandateKind: "COSTRAT_DECISION" } });
    const before = snapshot({ data: team("Julien Moreau") });
    const after = snapshot({ sequence: 2, data: { candidature: { ...team("Nadia Benali").candidature, ghtMandateKind: "CONVENTION_EXTRACT" } } });
    const diff = diffSnapshots(before, after);
    expect(diff.fields).toEqual([
      { key: "projectTeam.cio.name", label: "Équipe projet — DSI : nom", kind: "text", before: "Julien Moreau", after: "Nadia Benali", legalEntityFiness: null },
      {
        key: "ghtMandateKind",
        label: "Justificatif du mandat de l'établissement support",
        kind: "text",
        before: "Décision du COSTRAT du GHT",
        after: "Extrait de la convention constitutive du GHT",
        legalEntityFiness: null,
      },
    ]);
  });

  it("an emptied text counts as 'not filled', like an absent one", () => {
    const before = snapshot({ data: { candidature: { projectTeam: { cio: { name: "", email: "" } } } } });
    const after = snapshot({ sequence: 2, data: { candidature: { projectTeam: { cio: {} } } } });
    expect(diffSnapshots(before, after).unchanged).toBe(true);
  });

  it("deposit attestations are compared; the deposit's parts inside data are not compared twice", () => {
    const before = snapshot({ data: { deposit: { attestations: { targetsReached: false, expensesTruthful: true }, parts: [{ requested: 1 }] } } });
    const after = snapshot({ sequence: 2, data: { deposit: { attestations: { targetsReached: true, expensesTruthful: true }, parts: [{ requested: 2 }] } } });
    expect(diffSnapshots(before, after).fields).toEqual([
      { key: "attestations.targetsReached", label: "Attestation d'atteinte des cibles de l'année", kind: "boolean", before: false, after: true, legalEntityFiness: null },
    ]);
  });

  it("an EJ added to or removed from the dossier is listed, not diffed field by field", () => {
    const before = snapshot({ parts: [part(), part({ legalEntityFiness: EJ_B, name: "EJ B" })] });
    const after = snapshot({ sequence: 2, parts: [part()] });
    const diff = diffSnapshots(before, after);
    expect(diff.partsRemoved).toEqual([{ finess: EJ_B, name: "EJ B" }]);
    expect(diff.fields).toEqual([]);
    expect(diffSnapshots(after, before).partsAdded).toEqual([{ finess: EJ_B, name: "EJ B" }]);
  });
});

describe("diffSnapshots counts every document, copies of the same bytes included (issue 9, §2.7)", () => {
  const note = (id: string, overrides: Parameters<typeof document>[0] = {}) => document({ id, fileId: `file-${id}`, name: `${id}.pdf`, ...overrides });
  const attestation = first.documents[1]!;

  it("two copies of the same note removed: two removals, not one", () => {
    const before = snapshot({ documents: [note("n1"), note("n2"), attestation] });
    const after = snapshot({ sequence: 2, documents: [attestation] });
    const diff = diffSnapshots(before, after);
    expect(diff.documentsRemoved.map((doc) => doc.id)).toEqual(["n1", "n2"]);
    expect(diff.documentsAdded).toEqual([]);
    expect(diff.unchanged).toBe(false);
  });

  it("one of two copies kept: one removal (the copy that is gone), the kept one is no change", () => {
    const before = snapshot({ documents: [note("n1"), note("n2"), attestation] });
    const after = snapshot({ sequence: 2, documents: [note("n2"), attestation] });
    const diff = diffSnapshots(before, after);
    expect(diff.documentsRemoved.map((doc) => doc.id)).toEqual(["n1"]);
    expect(diff.documentsAdded).toEqual([]);
    expect(diff.touchedKeys).toEqual([`parts.${EJ_A}.noteDeCadrage`]);
  });

  it("a second copy of a document already transmitted: one addition", () => {
    const before = snapshot({ documents: [note("n1"), attestation] });
    const after = snapshot({ sequence: 2, documents: [note("n1"), note("n3"), attestation] });
    const diff = diffSnapshots(before, after);
    expect(diff.documentsAdded.map((doc) => doc.id)).toEqual(["n3"]);
    expect(diff.documentsRemoved).toEqual([]);
  });

  it("three copies replaced by one re-upload of the same bytes: two removals", () => {
    const before = snapshot({ documents: [note("n1"), note("n2"), note("n3")] });
    const after = snapshot({ sequence: 2, documents: [note("n4", { name: "note-definitive.pdf" })] });
    expect(diffSnapshots(before, after).documentsRemoved).toHaveLength(2);
    expect(diffSnapshots(before, after).documentsAdded).toEqual([]);
  });

  it("the same object listed twice still counts twice", () => {
    const copy = note("n1");
    const diff = diffSnapshots(snapshot({ documents: [copy, copy] }), snapshot({ sequence: 2, documents: [] }));
    expect(diff.documentsRemoved).toHaveLength(2);
  });

  it("copies serving two EJ: each keeps its EJ, no false relink; one copy moved to the other EJ is one relink", () => {
    const forA = note("n1", { legalEntities: [EJ_A] });
    const forB = note("n2", { legalEntities: [EJ_B] });
    const parts = [part(), part({ legalEntityFiness: EJ_B, name: "EJ B" })];
    const before = snapshot({ parts, documents: [forA, forB] });
    // Listed in the other order, with new ids (a copy of the dossier's files): same documents, same EJ.
    const reordered = snapshot({ sequence: 2, parts, documents: [note("m2", { legalEntities: [EJ_B] }), note("m1", { legalEntities: [EJ_A] })] });
    expect(diffSnapshots(before, reordered).unchanged).toBe(true);
    const moved = snapshot({ sequence: 2, parts, documents: [forA, { ...forB, legalEntities: [EJ_A, EJ_B] }] });
    const diff = diffSnapshots(before, moved);
    expect(diff.documentsRelinked).toEqual([{ document: moved.documents[1], before: [EJ_B], after: [EJ_A, EJ_B] }]);
    expect(diff.documentsAdded).toEqual([]);
    expect(diff.documentsRemoved).toEqual([]);
  });
});

describe("documentFieldKeys", () => {
  it("names the form slot of each EJ a document serves", () => {
    expect(documentFieldKeys({ kind: "OBJECTIVE_PROOF", objectiveCode: "1.3", legalEntities: [EJ_A] })).toEqual([`parts.${EJ_A}.objectiveProof.1.3`]);
    expect(documentFieldKeys({ kind: "GHT_MANDATE", objectiveCode: null, legalEntities: [EJ_A] })).toEqual(["documents.GHT_MANDATE"]);
    expect(documentFieldKeys({ kind: "EXPENSE_ATTESTATION", objectiveCode: null, legalEntities: [EJ_A, EJ_B] })).toEqual([`parts.${EJ_A}.expenseAttestation`, `parts.${EJ_B}.expenseAttestation`]);
  });
});
