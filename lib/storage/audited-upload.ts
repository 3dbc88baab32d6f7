import type { Readable } from "node:stream";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { StoredFile } from "@/lib/generated/prisma/client";
import type { FileScanStatus } from "@/lib/generated/prisma/enums";
import type { FileStorage } from "./file-storage";
import { getFileStorage } from "./index";
import type { UploadPurpose } from "./sniff-type";
import { storeUpload } from "./store-upload";

/**
 * One upload by `user`: the bytes stored and the StoredFile row created by
 * storeUpload (which throws UploadRejectedError or FileStorageError and leaves
 * nothing behind), audited (`file.upload`) in the transaction that creates the row. Who may upload is the
 * caller's check (the route lets establishment referents only).
 */
export async function storeAuditedUpload(
  db: Database,
  user: CurrentUser,
  upload: { stream: Readable; originalName: string; purpose: UploadPurpose; expectedBytes: number | undefined; storage?: FileStorage; scanStatus?: FileScanStatus },
): Promise<StoredFile> {
  const file = await storeUpload(db, {
    stream: upload.stream,
    originalName: upload.originalName,
    purpose: upload.purpose,
    uploadedById: user.id,
    storage: upload.storage ?? getFileStorage(),
    expectedBytes: upload.expectedBytes,
    scanStatus: upload.scanStatus,
    withRow: (tx, file) =>
      recordAudit(tx, {
        at: new Date(),
        actor: user,
        action: "file.upload",
        subject: auditSubject.file(file.id),
        before: null,
        after: { fileId: file.id, purpose: upload.purpose, sizeBytes: file.sizeBytes.toString(), sha256: file.sha256, mediaType: file.mediaType },
      }).then(() => undefined),
  });
  return file;
}
