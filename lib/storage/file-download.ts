import type { Readable } from "node:stream";
import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { InvalidStateError, NotFoundError } from "@/lib/errors";
import type { StoredFile } from "@/lib/generated/prisma/client";
import { canDownloadStoredFile } from "./file-access";
import { infectedMessage } from "./file-scan";
import type { FileStorage } from "./file-storage";
import { getFileStorage } from "./index";
import { MEDIA_TYPE_PDF } from "./sniff-type";
import { logWarning } from "@/lib/log/logger";

export interface OpenedDownload {
  file: StoredFile;
  body: Readable;
  /** Shown inline: asked for, and a PDF (anything else is an attachment). */
  preview: boolean;
}

/**
 * A download of a stored file: authorised by canDownloadStoredFile (throws
 * NotFoundError or ForbiddenError), its bytes opened from storage, then
 * audited (`file.download`). Nothing is audited for a file that cannot be
 * read, and the opened stream is destroyed if the audit fails.
 * `storage` defaults to the process-wide one.
 */
export async function openFileDownload(
  db: Database,
  user: CurrentUser,
  fileId: string,
  options: { previewAsked: boolean; storage?: FileStorage },
): Promise<OpenedDownload> {
  const file = await canDownloadStoredFile(db, user, fileId);
  assertServable(file);
  const preview = options.previewAsked && file.mediaType === MEDIA_TYPE_PDF;
  let body: Readable;
  try {
    // The process-wide storage is built only once the file is known to be readable, as before.
    body = await (options.storage ?? getFileStorage()).get(file.storageKey);
  } catch (error) {
    // A row without its bytes: an operator must know, the user reads a plain 404.
    if (error instanceof NotFoundError) logWarning("download-missing-object", { fileId: file.id, storageKey: file.storageKey });
    throw error;
  }
  try {
    await recordAuditAlone(db, { at: new Date(), actor: user, action: "file.download", subject: auditSubject.file(file.id), details: { fileId: file.id, preview } });
  } catch (error) {
    body.destroy();
    throw error;
  }
  return { file, body, preview };
}

/**
 * Quarantine: an infected file is never served, a file still being scanned not yet
 * (lib/storage/file-scan.ts). Every way to a file's bytes (the portal's downloads, the API of the
 * information systems) goes through this rule. Throws InvalidStateError with the French reason.
 */
export function assertServable(file: Pick<StoredFile, "originalName" | "scanStatus" | "scanSignature">): void {
  if (file.scanStatus === "INFECTED") throw new InvalidStateError(infectedMessage(file.originalName, file.scanSignature));
  if (file.scanStatus === "PENDING") throw new InvalidStateError(`Le fichier « ${file.originalName} » est en cours d'analyse antivirus : il sera téléchargeable dès qu'il aura été trouvé sain.`);
}

/** Whether `assertServable` lets the file through (for a listing that says so beforehand). */
export function isServable(file: Pick<StoredFile, "scanStatus">): boolean {
  return file.scanStatus !== "INFECTED" && file.scanStatus !== "PENDING";
}
