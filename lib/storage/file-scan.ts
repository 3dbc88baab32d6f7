import { recordAudit } from "@/lib/audit/record";
import { auditSubject } from "@/lib/audit/subjects";
import type { Database } from "@/lib/db/client";
import type { FileScanStatus } from "@/lib/generated/prisma/enums";
import { antivirusFromEnv, type Antivirus } from "./antivirus";
import type { FileStorage } from "./file-storage";
import { logWarning } from "@/lib/log/logger";

/**
 * Every upload is scanned by ClamAV (issue 14): PENDING until clamd answers, then CLEAN, or
 * INFECTED — kept in quarantine (its bytes stay in storage, never served, never a proof; its
 * signature recorded). When clamd is down or too slow the file stays PENDING and the background
 * job scans it again; a dossier is not transmitted with a file not yet found clean.
 */
export { SCAN_STATUS_LABELS } from "./scan-status-labels";

/** Background retries of a file clamd could not scan, before it waits for an operator. */
export const MAX_SCAN_ATTEMPTS = 20;

export function infectedMessage(name: string, signature: string | null): string {
  return `Le fichier « ${name} » contient un virus${signature ? ` (${signature})` : ""} : il a été mis en quarantaine et ne peut pas être joint au dossier. Analysez votre poste et déposez un fichier sain.`;
}

/** The status a new upload starts with. */
export function initialScanStatus(antivirus: Antivirus | null = antivirusFromEnv()): FileScanStatus {
  return antivirus ? "PENDING" : "NOT_SCANNED";
}

/** Scans one stored file and records the verdict; an unanswered scan leaves it PENDING (counted). */
export async function scanStoredFile(db: Database, storage: FileStorage, antivirus: Antivirus, fileId: string, at = new Date()): Promise<{ status: FileScanStatus; signature: string | null }> {
  const file = await db.storedFile.findUniqueOrThrow({ where: { id: fileId }, select: { id: true, storageKey: true, scanStatus: true, scanSignature: true, uploadedById: true } });
  if (file.scanStatus !== "PENDING") return { status: file.scanStatus, signature: file.scanSignature };
  const verdict = await antivirus.scan(await storage.get(file.storageKey));
  if (verdict.outcome === "unavailable") {
    logWarning("antivirus-no-verdict", { antivirus: antivirus.description, fileId: file.id, reason: verdict.reason });
    await db.storedFile.update({ where: { id: file.id }, data: { scanAttempts: { increment: 1 } } });
    return { status: "PENDING", signature: null };
  }
  const status: FileScanStatus = verdict.outcome === "infected" ? "INFECTED" : "CLEAN";
  await db.$transaction(async (tx) => {
    const { count } = await tx.storedFile.updateMany({
      where: { id: file.id, scanStatus: "PENDING" },
      data: { scanStatus: status, scannedAt: at, scanSignature: verdict.outcome === "infected" ? verdict.signature : null },
    });
    if (count === 1 && status === "INFECTED") {
      await recordAudit(tx, {
        at,
        actor: null,
        action: "file.infected",
        subject: auditSubject.file(file.id),
        before: { scanStatus: "PENDING" },
        after: { scanStatus: "INFECTED" },
        details: { signature: verdict.outcome === "infected" ? verdict.signature : null, uploadedById: file.uploadedById },
      });
    }
  });
  return { status, signature: verdict.outcome === "infected" ? verdict.signature : null };
}

/** The background job: PENDING files, oldest first, a few at a time. */
export async function scanPendingFiles(db: Database, storage: FileStorage, antivirus: Antivirus | null = antivirusFromEnv(), batch = 10): Promise<number> {
  if (!antivirus) return 0;
  const pending = await db.storedFile.findMany({ where: { scanStatus: "PENDING", scanAttempts: { lt: MAX_SCAN_ATTEMPTS } }, orderBy: { uploadedAt: "asc" }, take: batch, select: { id: true } });
  let scanned = 0;
  for (const file of pending) if ((await scanStoredFile(db, storage, antivirus, file.id)).status !== "PENDING") scanned += 1;
  return scanned;
}

/** Scans the files left PENDING (clamd down or slow at upload) every `everyMs`, in the server process. */
export function startPendingScanner(getDb: () => Database, getStorage: () => FileStorage, everyMs = 30_000, log: Pick<Console, "info" | "error"> = console): { stop(): void } | null {
  const antivirus = antivirusFromEnv();
  if (!antivirus) return null;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    scanPendingFiles(getDb(), getStorage(), antivirus)
      .then((scanned) => scanned > 0 && log.info(`[antivirus] ${scanned} fichier(s) en attente analysé(s)`))
      .catch((error: unknown) => log.error("[antivirus] analyse des fichiers en attente impossible :", error))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
