import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { dossierScope, dossierScopeSelect } from "@/lib/dossiers/dossier-view";
import { canReadDossier } from "@/lib/dossiers/policy";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { StoredFile } from "@/lib/generated/prisma/client";

/**
 * May `user` download this file? Its uploader may (a file not yet attached to
 * a dossier belongs to nobody else); anyone else must be allowed to read a
 * dossier that has a document with this file (lib/dossiers/policy: the
 * referents of the carrier EJ or of its GHT's support EJ; once transmitted,
 * the ARS instructors of the carrier's region, or the ANS instructors for a
 * CaRE relève; the DNS admins).
 * Returns the file row; throws NotFoundError (no such file) or ForbiddenError.
 */
export async function canDownloadStoredFile(db: Database, user: CurrentUser, fileId: string): Promise<StoredFile> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file) throw new NotFoundError(`No stored file ${fileId}`, "Ce fichier est introuvable.");
  if (file.uploadedById === user.id) return file;

  // A file still attached to a dossier, or one transmitted in an earlier submission and removed since
  // (the submitted snapshot stays readable by its instructors).
  const [documents, submissions] = await Promise.all([
    db.dossierDocument.findMany({ where: { fileId }, select: { dossier: { select: dossierScopeSelect } } }),
    db.dossierSubmission.findMany({ where: { snapshot: { path: ["documents"], array_contains: [{ fileId }] } }, select: { dossier: { select: dossierScopeSelect } } }),
  ]);
  const readable = [...documents, ...submissions].some(({ dossier }) => canReadDossier(user, dossierScope(dossier)));
  if (!readable) throw new ForbiddenError(`User ${user.id} may not download file ${fileId}`);
  return file;
}

/**
 * Response headers of a download: the recorded (sniffed) type, never guessed
 * again by the browser (nosniff), never cached by a shared cache.
 * Content-Length is set, but Next 16.4 drops it from route-handler responses
 * (FORBIDDEN_HEADERS of next/dist/server/send-response.js): through Next a
 * download is sent chunked.
 */
export function downloadHeaders(
  file: Pick<StoredFile, "mediaType" | "sizeBytes" | "originalName">,
  preview: boolean,
): Record<string, string> {
  return {
    "Content-Type": file.mediaType,
    "Content-Length": file.sizeBytes.toString(),
    "Content-Disposition": contentDisposition(preview ? "inline" : "attachment", file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

/**
 * RFC 6266: an ASCII fallback for old clients, then the exact UTF-8 name
 * (RFC 8187 percent-encoding; encodeURIComponent leaves ' ( ) * ! unescaped,
 * which the ext-value grammar does not allow).
 */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const fallback = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
