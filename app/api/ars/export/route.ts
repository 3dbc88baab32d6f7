import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getCurrentUser } from "@/lib/auth/session";
import { now, parisDate } from "@/lib/clock";
import { getDb, type Database } from "@/lib/db/client";
import { buildExportRecords, CSV_BOM, csvHeaderLine, csvLine, EXPORT_COLUMNS, xlsxValues } from "@/lib/instruction/export-rows";
import { queueExportBatches } from "@/lib/instruction/queue";
import { startQueueExport } from "@/lib/instruction/queue-export";
import { parseQueueFilters } from "@/lib/instruction/queue-filters";
import { exportResponse, isExportFormat, xlsxDownload } from "@/lib/export/spreadsheet-download";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/ars/export?format=csv|xlsx&<the queue's filters> (and its alias /api/ans/export)
 * The instruction queue as filtered on /ars/dossiers or /ans/dossiers, one row per EJ of
 * each dossier. Instructors only (ARS, ANS), scoped in the query to what they instruct (the
 * ARS its region, the ANS the CaRE relèves of every region: lib/dossiers/policy), audited
 * (`ars.export`, `ans.export`) before the first byte; the rows are streamed batch by batch.
 */
async function handleGet(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return message(401, "Votre session a expiré : reconnectez-vous pour exporter les dossiers.");
  if (user.role !== "ARS_INSTRUCTOR" && user.role !== "ANS_INSTRUCTOR") return message(403, "L'export de la file d'instruction est réservé aux instructeurs ARS et ANS.");
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (!isExportFormat(format)) return message(400, "Format d'export inconnu : choisissez csv ou xlsx.");
  const filters = parseQueueFilters(params);
  const db = getDb();
  try {
    const ids = await startQueueExport(db, user, filters, format);
    const name =
      user.role === "ANS_INSTRUCTOR" ? `releves-care-ans-${filters.region ?? "national"}-${parisDate(now())}.${format}` : `dossiers-ars-${user.regionCode ?? "region"}-${parisDate(now())}.${format}`;
    const body = format === "csv" ? csvStream(db, user, ids) : xlsxStream(db, user, ids);
    return exportResponse(body, format, name);
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    logError("queue-export", error, { reference, userId: user.id });
    return message(500, `Une erreur inattendue est survenue (référence ${reference}). Réessayez dans quelques minutes.`);
  }
}

function csvStream(db: Database, user: CurrentUser, ids: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = queueExportBatches(db, user, ids);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvHeaderLine()));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(buildExportRecords(next.value).map((record) => csvLine(record)).join("")));
      } catch (error) {
        logError("queue-export-stream", error, { userId: user.id });
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

function xlsxStream(db: Database, user: CurrentUser, ids: string[]): ReadableStream<Uint8Array> {
  const columns = EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: column.type === "euros" ? { numFmt: "#,##0.00" } : column.type === "date" ? { numFmt: "dd/mm/yyyy" } : {},
  }));
  return xlsxDownload(
    "Dossiers",
    columns,
    async (addRow) => {
      for await (const batch of queueExportBatches(db, user, ids)) {
        for (const record of buildExportRecords(batch)) addRow(xlsxValues(record));
      }
    },
    (error) => logError("queue-export-stream", error, { userId: user.id }),
  );
}

function message(status: number, text: string): Response {
  return Response.json({ message: text }, { status, headers: { "Cache-Control": "private, no-store" } });
}

export const GET = withRequestLog(handleGet);
