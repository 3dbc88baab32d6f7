/**
 * The demo of a 2027 deposit (issue 12 §7): after the demo seed, the ESPIC of the referentEspic
 * account has an accepted candidature and an accepted 2026 milestone, decided at what lib/funding
 * computes, with its documents as real PDFs in storage; inside the 2027 window its referent may
 * start the 2027 deposit.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import type { Database } from "@/lib/db/client";
import { EXPENSE_COLUMNS } from "@/lib/dossiers/expense-columns";
import { loadDossierDecision } from "@/lib/dossiers/instruction";
import { loadDossier, startDossier } from "@/lib/dossiers/service";
import { carrierSelect, loadStartContext, startAvailability } from "@/lib/dossiers/start-availability";
import { EXPENSE_CATEGORIES, hospiconnectAnnualCeiling, hospiconnectYearAmount, sumCents } from "@/lib/funding";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";
import { openFileDownload } from "@/lib/storage/file-download";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { ESPIC_DEMO } from "../../prisma/seed-data/accepted-milestone";
import { GUICHET_CODES } from "../../prisma/seed-data/guichets";
import { seedDemo } from "../../prisma/seed-demo";
import { readPdfText } from "../support/pdf-text-layout";
import { asCurrentUser } from "./support/factories";
import { useTestDatabase } from "./support/test-database";

let db: Database;
const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-seed-2027-"));
const storage = new LocalDiskStorage(storageRoot);

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await seedDemo(db, storage);
});

afterAll(() => fs.rmSync(storageRoot, { recursive: true, force: true }));

async function signedIn(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { legalEntities: true } });
  return asCurrentUser(user, user.legalEntities.map((link) => link.legalEntityFiness));
}

async function milestone() {
  const { id } = await db.dossier.findUniqueOrThrow({ where: { number: ESPIC_DEMO.milestoneNumber }, select: { id: true } });
  return loadDossier(db, id);
}

describe("demo seed: the ESPIC whose 2026 milestone is accepted", () => {
  it("has its candidature accepted by the ARS, and its 2026 milestone accepted at lib/funding's amount for 450 agents: 22 600 €", async () => {
    const candidature = await db.dossier.findUniqueOrThrow({ where: { number: ESPIC_DEMO.candidatureNumber }, include: { guichet: true } });
    expect(candidature).toMatchObject({ carrierFiness: ESPIC_DEMO.finess, status: "ACCEPTED", guichet: { code: GUICHET_CODES.candidature2026 } });

    const referent = await signedIn(DEMO_ACCOUNTS.referentEspic.email);
    const [entity] = await listLegalEntitiesForUser(db, referent);
    expect(entity).toMatchObject({ finess: ESPIC_DEMO.finess, headcount: 450 });

    const row = await milestone();
    expect(row).toMatchObject({ status: "ACCEPTED", carrierFiness: ESPIC_DEMO.finess, guichet: { code: GUICHET_CODES.milestone2026, kind: "MILESTONE_DEPOSIT" } });
    const [part] = row.legalEntities;
    // Source 000's 2026 rule: 100 % of the ceiling once the note de cadrage and the IE questionnaire are done,
    // capped at the expenses declared.
    const declared = sumCents(EXPENSE_CATEGORIES.map((category) => Number(part?.[EXPENSE_COLUMNS[category]] ?? 0n)));
    const expected = hospiconnectYearAmount({ annualCeiling: hospiconnectAnnualCeiling(450), year: 2026, milestoneComplete: true, declaredExpenses: declared }).granted;
    // Source 000 (000_1a898dec8b2a4de4.txt) gives no row for 450 agents in its table; its tiers make
    // 6 600 € for the first 50, then 200 × 33 € and 200 × 47 €: 22 600 €, below the 25 000 € declared.
    expect(expected).toBe(2_260_000);
    expect(part).toMatchObject({ decidedCents: 2_260_000n, decisionCapCents: 2_260_000n, requestedCents: 2_260_000n, partialAwardReason: null });
    expect(part?.selfAssessment).toMatchObject({ id: ESPIC_DEMO.selfAssessmentId, status: "VALIDATED", legalEntityFiness: ESPIC_DEMO.finess });
    expect(part?.selfAssessment?.nru).toMatch(new RegExp(`^IE-2026-${ESPIC_DEMO.finess}-\\d{6}$`));

    // The decision as the establishment reads it, and the history as the ARS reads it.
    const decision = await loadDossierDecision(db, row);
    expect(decision).toMatchObject({ status: "ACCEPTED", withAmounts: true, awards: [{ finess: ESPIC_DEMO.finess, decided: 2_260_000, cap: 2_260_000 }] });
    const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.instructorAra.email } });
    const events = await db.dossierEvent.findMany({ where: { dossierId: row.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(events.map((event) => event.type)).toEqual(["CREATED", "DOCUMENT_ADDED", "DOCUMENT_ADDED", "SUBMITTED", "ACCEPT"]);
    expect(events.at(-1)).toMatchObject({ actorId: instructor.id, actorRole: "ARS_INSTRUCTOR", fromStatus: "SUBMITTED", toStatus: "ACCEPTED" });
    // What was transmitted: the snapshot the portal wrote, with the two documents and their digests.
    const [submission] = await db.dossierSubmission.findMany({ where: { dossierId: row.id } });
    const snapshot = submission?.snapshot as { dossierNumber: string; parts: { headcount: number; nru: string; requested: number }[]; documents: { kind: string; sha256: string }[] };
    expect(snapshot.dossierNumber).toBe(ESPIC_DEMO.milestoneNumber);
    expect(snapshot.parts).toEqual([expect.objectContaining({ headcount: 450, nru: part?.selfAssessment?.nru, requested: 2_260_000 })]);
    expect(snapshot.documents.map((document) => document.kind).sort()).toEqual(["EXPENSE_ATTESTATION", "NOTE_DE_CADRAGE"]);
  });

  it("stores the note de cadrage and the DAF's attestation as real PDFs that the referent and the ARS instructor open", async () => {
    const row = await milestone();
    const readers = [await signedIn(DEMO_ACCOUNTS.referentEspic.email), await signedIn(DEMO_ACCOUNTS.instructorAra.email)];
    const titles = { NOTE_DE_CADRAGE: "Note de cadrage HospiConnect 2026", EXPENSE_ATTESTATION: "Attestation sur l'honneur des dépenses engagées" };
    expect(row.documents.map((document) => document.kind).sort()).toEqual(["EXPENSE_ATTESTATION", "NOTE_DE_CADRAGE"]);
    for (const document of row.documents) {
      for (const reader of readers) {
        const download = await openFileDownload(db, reader, document.fileId, { previewAsked: true, storage });
        const bytes = await buffer(download.body);
        expect(download.preview).toBe(true);
        expect(bytes.length).toBe(Number(document.file.sizeBytes));
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(document.file.sha256);
        const { text } = await readPdfText(bytes);
        expect(text).toContain(titles[document.kind as keyof typeof titles]);
        expect(text).toContain(`Association hospitalière Sainte-Ombeline - FINESS EJ ${ESPIC_DEMO.finess}`);
      }
    }
    const attestation = row.documents.find((document) => document.kind === "EXPENSE_ATTESTATION")!;
    const { text } = await readPdfText(await buffer(await storage.get(attestation.file.storageKey)));
    expect(text).toMatch(/Total : 25\s000,00\s€/);
  });

  it("lets its referent start the 2027 deposit inside the 2027 window (3 May – 11 June 2027), not before it opens", async () => {
    const guichet = await db.guichet.findUniqueOrThrow({ where: { code: GUICHET_CODES.milestone2027 } });
    const carrier = await db.legalEntity.findUniqueOrThrow({ where: { finess: ESPIC_DEMO.finess }, select: carrierSelect });
    const availability = async (today: string) => startAvailability((await loadStartContext(db, [carrier], [guichet], today)).factsFor(guichet, carrier));
    expect(await availability("2027-05-10")).toEqual({ canStart: true, kind: "MILESTONE_DEPOSIT" });
    expect(await availability("2027-04-30")).toMatchObject({ canStart: false, reason: "GUICHET_UPCOMING" });

    // And the portal's start itself, as the referent's button does it.
    const referent = await signedIn(DEMO_ACCOUNTS.referentEspic.email);
    const { id } = await startDossier(db, referent, { guichetId: guichet.id, carrierFiness: ESPIC_DEMO.finess }, new Date("2027-05-10T10:00:00+02:00"));
    expect(await loadDossier(db, id)).toMatchObject({ status: "DRAFT", guichet: { code: GUICHET_CODES.milestone2027 }, carrierFiness: ESPIC_DEMO.finess });
  });
});
