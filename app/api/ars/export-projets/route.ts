import { randomUUID } from "node:crypto";
import { getCurrentUser } from "@/lib/auth/session";
import { now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { exportResponse, isExportFormat, xlsxDownload } from "@/lib/export/spreadsheet-download";
import { CSV_BOM, csvHeaderLine, csvLine, xlsxValues } from "@/lib/instruction/export-rows";
import { PROJECT_EXPORT_COLUMNS, projectExportRecords } from "@/lib/dossiers/kinds/project-call/export";
import { startQueueExport } from "@/lib/instruction/queue-export";
import { parseQueueFilters } from "@/lib/instruction/queue-filters";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const BATCH = 200;

/**
 * GET /api/ars/export-projets?format=csv|xlsx&<the queue's filters>
 * The AAP HOP'EN2 projects of the queue as filtered, one row per project (porteur, perimeter,
 * theme, category, cap, granted, payments 2026/2027). ARS instructors only, scoped to their region,
 * audited (`ars.export`) like the dossiers' export.
 */
async function handleGet(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return message(401, "Votre session a expiré : reconnectez-vous pour exporter les projets.");
  if (user.role !== "ARS_INSTRUCTOR") return message(403, "L'export des projets de l'appel à projets est réservé aux instructeurs ARS.");
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (!isExportFormat(format)) return message(400, "Format d'export inconnu : choisissez csv ou xlsx.");
  const db = getDb();
  try {
    const ids = await startQueueExport(db, user, parseQueueFilters(params), format);
    const name = `projets-aap-${user.regionCode ?? "region"}-${parisDate(now())}.${format}`;
    async function* records() {
      for (let start = 0; start < ids.length; start += BATCH) yield await projectExportRecords(db, user!, ids.slice(start, start + BATCH));
    }
    if (format === "csv") {
      const encoder = new TextEncoder();
      const batches = records();
      let started = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            if (!started) {
              started = true;
              controller.enqueue(encoder.encode(CSV_BOM + csvHeaderLine(PROJECT_EXPORT_COLUMNS)));
              return;
            }
            const next = await batches.next();
            if (next.done) return controller.close();
            controller.enqueue(encoder.encode(next.value.map((record) => csvLine(record, PROJECT_EXPORT_COLUMNS)).join("")));
          } catch (error) {
            logError("ars-project-export-stream", error, { userId: user.id });
            controller.error(error);
          }
        },
      });
      return exportResponse(body, format, name);
    }
    const columns = PROJECT_EXPORT_COLUMNS.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width,
      style: column.type === "euros" ? { numFmt: "#,##0.00" } : column.type === "date" ? { numFmt: "dd/mm/yyyy" } : {},
    }));
    const body = xlsxDownload(
      "Projets AAP",
      columns,
      async (addRow) => {
        for await (const batch of records()) for (const record of batch) addRow(xlsxValues(record, PROJECT_EXPORT_COLUMNS));
      },
      (error) => logError("ars-project-export-stream", error, { userId: user.id }),
    );
    return exportResponse(body, format, name);
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    logError("ars-project-export", error, { reference, userId: user.id });
    return message(500, `Une erreur inattendue est survenue (référence ${reference}). Réessayez dans quelques minutes.`);
  }
}

function message(status: number, text: string): Response {
  return Response.json({ message: text }, { status, headers: { "Cache-Control": "private, no-store" } });
}

export const GET = withRequestLog(handleGet);
