import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { getCurrentUser } from "@/lib/auth/session";
import { importRunExists } from "@/lib/admin/import-run-progress";
import { getBatchDb, getDb } from "@/lib/db/client";
import { IMPORTERS, isImportKindName } from "@/lib/reference/import/importers";
import { withRequestLog } from "@/lib/log/route-log";

export const runtime = "nodejs";
// An import of the whole FINESS register takes seconds to a minute.
export const maxDuration = 600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * POST the raw file (streamed, never held in memory) with ?type=finess-csv|…;
 * the answer is the import's report. DNS admins only; recorded as an ImportRun.
 */
async function handlePost(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connectez-vous pour importer un fichier." }, { status: 401 });
  if (user.role !== "DNS_ADMIN") return Response.json({ message: "Seuls les administrateurs DNS importent les données de référence." }, { status: 403 });
  const kind = new URL(request.url).searchParams.get("type");
  if (!isImportKindName(kind)) return Response.json({ message: "Type d'import inconnu." }, { status: 400 });
  if (!request.body) return Response.json({ message: "Le fichier est vide." }, { status: 400 });
  const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "fichier");
  // The page names the run so that it can poll GET /api/admin/imports/[id] for its progress.
  const runId = request.headers.get("x-import-id") ?? undefined;
  if (runId !== undefined && !UUID.test(runId)) return Response.json({ message: "Identifiant d'import invalide." }, { status: 400 });
  if (runId !== undefined && (await importRunExists(getDb(), user, runId))) return Response.json({ message: "Cet import a déjà été envoyé." }, { status: 409 });
  const stream = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  // Its own client: the page timeouts would cut the import's large statements (lib/db/client.ts).
  const report = await IMPORTERS[kind].run(getBatchDb(), stream, { fileName, startedById: user.id, runId });
  return Response.json(report, { status: report.status === "SUCCEEDED" ? 200 : 422 });
}

export const POST = withRequestLog(handlePost);
