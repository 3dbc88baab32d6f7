import type { Database } from "@/lib/db/client";
import type { FileStorage } from "./file-storage";

/**
 * An upload is stored first and attached to a dossier by a second request (app/api/fichiers,
 * then the dossier's action). A file never attached — the page closed, the document replaced
 * before it was attached — stays in storage with nobody able to reach it but its uploader.
 * After this grace period it is removed. A file that was transmitted in a submission and
 * detached since is NOT an orphan: the submitted snapshot keeps it readable by the ARS.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60_000;
const BATCH = 200;

export interface OrphanSweep {
  removed: number;
  /** Objects whose row is gone but whose bytes could not be deleted: unreachable, logged for the operators. */
  storageFailures: { key: string; message: string }[];
}

/**
 * Removes the files uploaded before `at - ORPHAN_GRACE_MS` that no dossier document and no
 * submitted snapshot reference: the row first (one statement each, so that a file attached at
 * this very moment is kept by the foreign key instead of failing the batch), then the bytes.
 */
export async function removeOrphanFiles(db: Database, storage: FileStorage, at: Date, maxFiles = 1_000): Promise<OrphanSweep> {
  const cutoff = new Date(at.getTime() - ORPHAN_GRACE_MS);
  const sweep: OrphanSweep = { removed: 0, storageFailures: [] };
  while (sweep.removed < maxFiles) {
    const candidates = await db.$queryRaw<{ id: string }[]>`
      SELECT f.id FROM "StoredFile" f
      WHERE f."uploadedAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "DossierDocument" d WHERE d."fileId" = f.id)
        AND NOT EXISTS (SELECT 1 FROM "DossierSubmission" s WHERE s.snapshot -> 'documents' @> jsonb_build_array(jsonb_build_object('fileId', f.id)))
      ORDER BY f."uploadedAt"
      LIMIT ${Math.min(BATCH, maxFiles - sweep.removed)}`;
    if (!candidates.length) break;
    let removedThisBatch = 0;
    for (const { id } of candidates) {
      const deleted = await db.$queryRaw<{ storageKey: string }[]>`
        DELETE FROM "StoredFile" f WHERE f.id = ${id}
          AND NOT EXISTS (SELECT 1 FROM "DossierDocument" d WHERE d."fileId" = f.id)
        RETURNING f."storageKey"`.catch(() => []); // attached meanwhile: the foreign key refuses, the file stays
      const key = deleted[0]?.storageKey;
      if (!key) continue;
      removedThisBatch += 1;
      sweep.removed += 1;
      try {
        await storage.delete(key);
      } catch (error) {
        sweep.storageFailures.push({ key, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (removedThisBatch === 0) break; // every candidate was attached meanwhile: try again next time
  }
  return sweep;
}

/**
 * Sweeps once an hour inside the server process (started by instrumentation.ts, like the outbox
 * worker), on the real clock: `uploadedAt` is a database timestamp, never the demo's date.
 */
export function startOrphanFileSweeper(getDb: () => Database, getStorage: () => FileStorage, everyMs = 60 * 60_000, log: Pick<Console, "info" | "error"> = console): { stop(): void } {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const result = await removeOrphanFiles(getDb(), getStorage(), new Date());
      if (result.removed > 0) log.info(`[fichiers] ${result.removed} fichier(s) jamais rattaché(s) à un dossier supprimé(s)`);
      for (const failure of result.storageFailures) log.error(`[fichiers] octets de ${failure.key} non supprimés : ${failure.message}`);
    } catch (error) {
      log.error("[fichiers] nettoyage des fichiers orphelins impossible :", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
