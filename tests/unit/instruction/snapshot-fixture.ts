import type { DossierSnapshot } from "@/lib/dossiers/snapshot";

type Part = DossierSnapshot["parts"][number];
type Document = DossierSnapshot["documents"][number];

export const EJ_A = "990000001";
export const EJ_B = "990000002";

export function part(overrides: Partial<Part> = {}): Part {
  return {
    legalEntityFiness: EJ_A,
    name: "Centre hospitalier A",
    headcount: 800,
    nru: "IE-2026-000001",
    expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 },
    mandatoryObjectiveMet: null,
    objectivesReached: [],
    requested: 3_000_000,
    ...overrides,
  };
}

export function document(overrides: Partial<Document> = {}): Document {
  return {
    id: "doc-1",
    fileId: "file-1",
    kind: "NOTE_DE_CADRAGE",
    objectiveCode: null,
    name: "note-de-cadrage.pdf",
    sizeBytes: 2048,
    sha256: "a".repeat(64),
    mediaType: "application/pdf",
    legalEntities: [EJ_A],
    ...overrides,
  };
}

/** A 2026 deposit of one EJ, transmitted on 1 June 2026. */
export function snapshot(overrides: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return {
    dossierNumber: "HC-J2026-000042",
    guichet: { code: "HOPEN2-JALON-2026", label: "HospiConnect – Jalon juin 2026", year: 2026, kind: "MILESTONE_DEPOSIT" },
    carrier: { finess: EJ_A, name: "Centre hospitalier A", regionCode: "84", regionName: "Auvergne-Rhône-Alpes" },
    sequence: 1,
    submittedAt: "2026-06-01T08:00:00.000Z",
    submittedBy: { id: "u1", name: "Claire Rousseau", email: "claire@ch-a.fr" },
    fromVersion: 3,
    data: { deposit: { attestations: { targetsReached: true, expensesTruthful: true }, parts: [] } },
    parts: [part()],
    documents: [document(), document({ id: "doc-2", fileId: "file-2", kind: "EXPENSE_ATTESTATION", name: "attestation.pdf", sha256: "b".repeat(64) })],
    ...overrides,
  };
}
