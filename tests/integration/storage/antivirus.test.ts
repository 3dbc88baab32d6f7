/**
 * Issue 14: every upload scanned by a real clamd (tests/support/clamd.ts): a clean file, the EICAR
 * test file, clamd down, a scan that times out; an infected file is never served, never attached,
 * and a dossier is not transmitted with a file still being scanned.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { documentScanErrors } from "@/lib/dossiers/document-scan";
import { InvalidStateError } from "@/lib/errors";
import { antivirusFromEnv, clamdAntivirus } from "@/lib/storage/antivirus";
import { storeAuditedUpload } from "@/lib/storage/audited-upload";
import { openFileDownload } from "@/lib/storage/file-download";
import { initialScanStatus, scanPendingFiles, scanStoredFile } from "@/lib/storage/file-scan";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { EICAR, EICAR_SIGNATURE, startTestClamd, type TestClamd } from "../../support/clamd";
import { asCurrentUser, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let clamd: TestClamd;
let storage: LocalDiskStorage;
let referent: CurrentUser;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  clamd = await startTestClamd();
  storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "guichet-av-")));
  const entity = await createLegalEntity(db, { regionCode: "84" });
  referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [entity.finess] }), [entity.finess]);
}, 60_000);
afterAll(async () => {
  await clamd?.stop();
});

/** A real PDF-looking upload (the type is sniffed) with `body` after its header. */
async function upload(name: string, body: string) {
  const bytes = Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`);
  return storeAuditedUpload(db, referent, { stream: Readable.from([bytes]), originalName: name, purpose: "NOTE_DE_CADRAGE", expectedBytes: bytes.length, storage, scanStatus: "PENDING" });
}

describe("the antivirus", () => {
  it("is configured by environment; without it files say « non analysé »", () => {
    expect(antivirusFromEnv({})).toBeNull();
    expect(initialScanStatus(null)).toBe("NOT_SCANNED");
    expect(antivirusFromEnv({ GUICHET_CLAMD_SOCKET: clamd.socket })?.description).toBe(`clamd (${clamd.socket})`);
  });

  it("finds a clean file clean, and the EICAR test file infected with its signature — then never serves it", async () => {
    const antivirus = clamdAntivirus({ socket: clamd.socket, timeout: 10_000 });
    const clean = await upload("note.pdf", "Note de cadrage");
    expect(await scanStoredFile(db, storage, antivirus, clean.id)).toEqual({ status: "CLEAN", signature: null });
    const infected = await upload("piege.pdf", EICAR);
    expect(await scanStoredFile(db, storage, antivirus, infected.id)).toEqual({ status: "INFECTED", signature: EICAR_SIGNATURE });
    expect(await db.auditEvent.count({ where: { action: "file.infected", subject: `file:${infected.id}` } })).toBe(1);
    await expect(openFileDownload(db, referent, infected.id, { previewAsked: false, storage })).rejects.toThrow(/contient un virus \(Guichet\.Test\.EICAR\.UNOFFICIAL\)/);
    const download = await openFileDownload(db, referent, clean.id, { previewAsked: false, storage });
    download.body.destroy();
  });

  it("leaves a file pending when clamd is down, and the background job scans it once clamd is back", async () => {
    const antivirus = clamdAntivirus({ socket: clamd.socket, timeout: 10_000 });
    await clamd.stop();
    const file = await upload("attente.pdf", "Attestation");
    expect(await scanStoredFile(db, storage, antivirus, file.id)).toEqual({ status: "PENDING", signature: null });
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ scanStatus: "PENDING", scanAttempts: 1 });
    await expect(openFileDownload(db, referent, file.id, { previewAsked: false, storage })).rejects.toBeInstanceOf(InvalidStateError);
    await clamd.restart();
    expect(await scanPendingFiles(db, storage, antivirus)).toBeGreaterThanOrEqual(1);
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ scanStatus: "CLEAN" });
  }, 60_000);

  it("leaves a file pending when the scan times out (clamd paused)", async () => {
    const antivirus = clamdAntivirus({ socket: clamd.socket, timeout: 1_500 });
    const file = await upload("lent.pdf", "Trame financière");
    clamd.pause();
    try {
      const started = Date.now();
      expect((await scanStoredFile(db, storage, antivirus, file.id)).status).toBe("PENDING");
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      clamd.resume();
    }
    expect((await scanStoredFile(db, storage, clamdAntivirus({ socket: clamd.socket, timeout: 10_000 }), file.id)).status).toBe("CLEAN");
  }, 60_000);

  it("blocks a transmission with a file still pending or infected, not with an unscanned one", () => {
    const file = (originalName: string, scanStatus: "PENDING" | "INFECTED" | "CLEAN" | "NOT_SCANNED") => ({ file: { originalName, scanStatus } }) as never;
    expect(documentScanErrors({ documents: [file("a.pdf", "CLEAN"), file("b.pdf", "NOT_SCANNED")] })).toEqual({});
    expect(documentScanErrors({ documents: [file("c.pdf", "PENDING"), file("d.pdf", "INFECTED")] })).toEqual({
      documents: [expect.stringContaining("« c.pdf » est en cours d'analyse antivirus"), expect.stringContaining("« d.pdf » contient un virus")],
    });
  });
});
