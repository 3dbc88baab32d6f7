import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { storeAuditedUpload } from "@/lib/storage/audited-upload";
import { antivirusFromEnv } from "@/lib/storage/antivirus";
import { FileStorageError, UploadRejectedError, type UploadRejectionReason } from "@/lib/storage/errors";
import { infectedMessage, initialScanStatus, scanStoredFile } from "@/lib/storage/file-scan";
import { getFileStorage } from "@/lib/storage";
import { checkDeclaredFile, isUploadPurpose, UPLOAD_PURPOSES } from "@/lib/storage/sniff-type";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

// The body is piped to storage with Node streams; never the edge runtime.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Upload of one file: the raw bytes as the request body (not multipart), the
 * name URI-encoded in `x-file-name`, the purpose in `?usage=NOTE_DE_CADRAGE`.
 *
 * Next 16 does not buffer a route handler's body: `request.body` is a stream
 * over the incoming request, with no size limit of its own (the
 * `serverActions.bodySizeLimit` applies to server actions only). Only a
 * `proxy.ts` (ex-middleware) makes Next clone and buffer bodies — and
 * truncate them past `proxyClientMaxBodySize` (10 MB) without an error: a
 * proxy must therefore exclude `/api/fichiers` from its matcher. Should one
 * not, the Content-Length check of storeUpload (`expectedBytes`) refuses the
 * truncated body instead of storing it.
 *
 * Answers 201 `{ id, name, size, sha256, mediaType }`, else `{ message }` in
 *  French with 400, 401, 403, 413, 415, 422 (a virus: the file is kept in quarantine), or 503
 * when storage fails. `scanStatus` says whether ClamAV found it clean or is still scanning it.
 */
async function handlePost(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return message(401, "Votre session a expiré : reconnectez-vous pour déposer un fichier.");
  if (user.role !== "ESTABLISHMENT_REFERENT") return message(403, "Seuls les référents d'établissement peuvent déposer des fichiers.");

  const usage = new URL(request.url).searchParams.get("usage");
  if (!isUploadPurpose(usage)) {
    return message(400, `Usage du fichier inconnu. Valeurs possibles : ${Object.keys(UPLOAD_PURPOSES).join(", ")}.`);
  }

  const rawName = decodeName(request.headers.get("x-file-name"));
  if (rawName === null) return message(400, "Le nom du fichier est manquant ou mal encodé (en-tête x-file-name).");

  const declaredLength = parseContentLength(request.headers.get("content-length"));
  if (declaredLength === "invalid") return message(400, "La taille annoncée de l'envoi (Content-Length) est invalide.");

  // Refuse early, before reading the body, what the headers already condemn.
  const declared = checkDeclaredFile(usage, rawName, declaredLength);
  if (!declared.ok) return message(statusOf(declared.reason), declared.message);
  if (!request.body) return message(400, `Aucun contenu reçu pour le fichier « ${declared.value.name} ».`);

  const db = getDb();
  const antivirus = antivirusFromEnv();
  try {
    const file = await storeAuditedUpload(db, user, {
      stream: Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>),
      originalName: rawName,
      purpose: usage,
      expectedBytes: declaredLength,
      scanStatus: initialScanStatus(antivirus),
    });
    // Scanned at once; without an answer in time the file stays « en cours d'analyse » for the background job.
    const scan = antivirus ? await scanStoredFile(db, getFileStorage(), antivirus, file.id) : { status: file.scanStatus, signature: null };
    if (scan.status === "INFECTED") return message(422, infectedMessage(file.originalName, scan.signature));
    const scanStatus = scan.status;
    return Response.json(
      { id: file.id, name: file.originalName, size: Number(file.sizeBytes), sha256: file.sha256, mediaType: file.mediaType, scanStatus },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof UploadRejectedError) return message(statusOf(error.reason), error.userMessage);
    const reference = randomUUID().slice(0, 8);
    logError("upload", error, { reference, userId: user.id, usage });
    if (error instanceof FileStorageError) return message(503, `${error.userMessage} (référence ${reference})`);
    return message(500, `Une erreur inattendue est survenue (référence ${reference}). Aucun fichier n'a été conservé ; réessayez.`);
  }
}

function statusOf(reason: UploadRejectionReason): number {
  switch (reason) {
    case "too-large":
      return 413;
    case "format-not-allowed":
    case "content-mismatch":
      return 415;
    case "invalid-name":
    case "empty":
    case "interrupted":
    case "incomplete":
      return 400;
    default: {
      const unknownReason: never = reason;
      throw new Error(`Unknown rejection reason ${String(unknownReason)}`);
    }
  }
}

function decodeName(header: string | null): string | null {
  if (header === null || header.trim() === "") return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

function parseContentLength(header: string | null): number | undefined | "invalid" {
  if (header === null) return undefined;
  if (!/^\d{1,16}$/.test(header.trim())) return "invalid";
  return Number(header.trim());
}

function message(status: number, text: string): Response {
  return Response.json({ message: text }, { status, headers: { "Cache-Control": "no-store" } });
}

export const POST = withRequestLog(handlePost);
