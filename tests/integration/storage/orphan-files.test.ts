/**
 * The sweep of uploads never attached to a dossier: only those, only after the grace period;
 * an attached file and a file transmitted then detached (kept by the submitted snapshot) stay.
 */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { detachDocument } from "@/lib/dossiers/service";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { ORPHAN_GRACE_MS, removeOrphanFiles } from "@/lib/storage/orphan-files";
import { asCurrentUser, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { arsRequestsChanges, establishment, inDeposit, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { temporaryDirectory } from "./fixtures";

let db: Database;
beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

describe("removeOrphanFiles", () => {
  it("removes the row and the bytes of an old never-attached upload, and nothing else", async () => {
    const storage = new LocalDiskStorage(temporaryDirectory("guichet-orphans-"));
    const at = new Date();
    const old = new Date(at.getTime() - ORPHAN_GRACE_MS - 60_000);
    const recent = new Date(at.getTime() - ORPHAN_GRACE_MS + 60 * 60_000);

    const guichets = await instructionGuichets(db);
    const { ej, referent } = await establishment(db, "84", "CH Fichiers");
    const deposit = await submittedDeposit(db, referent, ej.finess, guichets);
    // The ARS asks for changes; the referent removes the transmitted note de cadrage: the snapshot keeps it.
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await arsRequestsChanges(db, instructor, deposit.id, inDeposit, { message: "Note à refaire." });
    const noteDocument = await db.dossierDocument.findFirstOrThrow({ where: { dossierId: deposit.id, fileId: deposit.note.id } });
    await detachDocument(db, referent, deposit.id, noteDocument.id, inDeposit);

    const orphanOld = await createStoredFile(db, referent.id, "oublie.pdf");
    const orphanRecent = await createStoredFile(db, referent.id, "en-cours.pdf");
    const files = [orphanOld, orphanRecent, deposit.note, deposit.attestation];
    for (const file of files) await storage.put(file.storageKey, Readable.from([Buffer.from("%PDF-1.4")]));
    await db.storedFile.updateMany({ where: { id: { in: [orphanOld.id, deposit.note.id, deposit.attestation.id] } }, data: { uploadedAt: old } });
    await db.storedFile.update({ where: { id: orphanRecent.id }, data: { uploadedAt: recent } });

    const sweep = await removeOrphanFiles(db, storage, at);

    expect(sweep).toEqual({ removed: 1, storageFailures: [] });
    expect(await db.storedFile.findUnique({ where: { id: orphanOld.id } })).toBeNull();
    expect(await storage.exists(orphanOld.storageKey)).toBe(false);
    for (const kept of [orphanRecent, deposit.note, deposit.attestation]) {
      expect(await db.storedFile.findUnique({ where: { id: kept.id } })).not.toBeNull();
      expect(await storage.exists(kept.storageKey)).toBe(true);
    }
    // A second sweep finds nothing more.
    expect(await removeOrphanFiles(db, storage, at)).toEqual({ removed: 0, storageFailures: [] });
  });
});
