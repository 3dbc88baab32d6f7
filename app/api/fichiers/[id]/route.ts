import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, NotFoundError } from "@/lib/errors";
import { downloadHeaders } from "@/lib/storage/file-access";
import { openFileDownload } from "@/lib/storage/file-download";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Download of a stored file, the only way to its bytes (storage has no public
 * URL): authorised and audited by openFileDownload, streamed from storage.
 * `?apercu=1` shows a PDF inline (preview); everything else is an attachment.
 */
async function handleGet(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return message(401, "Votre session a expiré : reconnectez-vous pour télécharger ce fichier.");
  const { id } = await context.params;
  const db = getDb();

  try {
    const previewAsked = new URL(request.url).searchParams.get("apercu") === "1";
    const { file, body, preview } = await openFileDownload(db, user, id, { previewAsked });
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers: downloadHeaders(file, preview) });
  } catch (error) {
    if (error instanceof NotFoundError) return message(404, error.userMessage);
    if (error instanceof ForbiddenError) return message(403, "Vous n'avez pas accès à ce fichier.");
    // Quarantined (infected) or still being scanned: never served, said in French.
    if (error instanceof InvalidStateError) return message(409, error.userMessage);
    const reference = randomUUID().slice(0, 8);
    logError("download", error, { reference, userId: user.id, fileId: id });
    return message(500, `Une erreur inattendue est survenue (référence ${reference}). Réessayez dans quelques minutes.`);
  }
}

function message(status: number, text: string): Response {
  return Response.json({ message: text }, { status, headers: { "Cache-Control": "private, no-store" } });
}

export const GET = withRequestLog(handleGet);
