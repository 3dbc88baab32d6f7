import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderReceiptPdf } from "@/lib/dossiers/receipt-pdf";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";

const snapshot: DossierSnapshot = {
  dossierNumber: "HC-J2026-000042",
  guichet: { code: "HOPEN2-JALON-2026", label: "HospiConnect – Jalon juin 2026", year: 2026, kind: "MILESTONE_DEPOSIT" },
  carrier: { finess: "998400402", name: "Centre hospitalier de Montbrasset", regionCode: "84", regionName: "Auvergne-Rhône-Alpes" },
  sequence: 2,
  submittedAt: "2026-06-01T08:00:00.000Z",
  submittedBy: { id: "u1", name: "Claire Rousseau", email: "referent.ej@demo.guichet.fr" },
  fromVersion: 7,
  data: {},
  parts: [{ legalEntityFiness: "998400402", name: "Centre hospitalier de Montbrasset", headcount: 800, nru: "IE-2026-998400402-000001", expenses: {}, mandatoryObjectiveMet: null, objectivesReached: [], requested: 3_000_000 }],
  documents: Array.from({ length: 40 }, (_, index) => ({
    id: `d${index}`,
    fileId: `f${index}`,
    kind: "NOTE_DE_CADRAGE",
    objectiveCode: null,
    name: `note-de-cadrage-${index}.pdf`,
    sizeBytes: 2_500_000,
    sha256: "ab".repeat(32),
    mediaType: "application/pdf",
    legalEntities: ["998400402"],
  })),
};

describe("récépissé PDF", () => {
  it("is a valid PDF built from the snapshot, spanning pages when the document list is long", async () => {
    const bytes = await renderReceiptPdf(snapshot);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getTitle()).toBe("Récépissé HC-J2026-000042 — transmission 2");
    expect(parsed.getPageCount()).toBeGreaterThan(1);
  });

  it("is the same bytes every time for the same snapshot (it can be downloaded again)", async () => {
    const first = Buffer.from(await renderReceiptPdf(snapshot));
    const second = Buffer.from(await renderReceiptPdf(snapshot));
    expect(first.equals(second)).toBe(true);
  });
});
