import { randomUUID } from "node:crypto";
import { auditedFollowUpExport } from "@/lib/admin/follow-up-export";
import { FOLLOW_UP_EXPORT_HEADERS, FOLLOW_UP_EXPORT_WIDTHS, followUpCsvHeader, followUpCsvLine, followUpXlsxValues, type FollowUpExportRecord } from "@/lib/admin/follow-up-rows";
import { getCurrentUser } from "@/lib/auth/session";
import { now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { CSV_BOM } from "@/lib/instruction/export-rows";
import { exportResponse, isExportFormat, xlsxDownload } from "@/lib/export/spreadsheet-download";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/admin/export?guichet=<id>&format=csv|xlsx[&region=84]
 * The national follow-up per EJ (FINESS, name, region, status of its dossier
 * in the guichet, decided amount per year), for one region or all. DNS admins
 * only, audited (`admin.export`) before the first byte.
 */
async function handleGet(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return message(401, "Votre session a expiré : reconnectez-vous pour exporter le suivi.");
  if (user.role !== "DNS_ADMIN") return message(403, "L'export du suivi national est réservé aux administrateurs DNS.");
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (!isExportFormat(format)) return message(400, "Format d'export inconnu : choisissez csv ou xlsx.");
  const guichetId = params.get("guichet") ?? "";
  const regionParam = params.get("region");
  if (regionParam !== null && regionParam !== "" && !/^\d{2}$/.test(regionParam)) return message(400, "Code région invalide.");
  const regionCode = regionParam ? regionParam : null;
  const db = getDb();
  try {
    const { guichet, records } = await auditedFollowUpExport(db, user, { guichetId, regionCode, format });
    const name = `suivi-national-${guichet.code}-${regionCode ?? "france"}-${parisDate(now())}.${format}`;
    const body = format === "csv" ? csvBody(records) : xlsxStream(records, user.id);
    return exportResponse(body, format, name);
  } catch (error) {
    if (error instanceof NotFoundError) return message(404, error.userMessage);
    const reference = randomUUID().slice(0, 8);
    logError("admin-export", error, { reference, userId: user.id });
    return message(500, `Une erreur inattendue est survenue (référence ${reference}). Réessayez dans quelques minutes.`);
  }
}

function csvBody(records: readonly FollowUpExportRecord[]): string {
  return CSV_BOM + followUpCsvHeader() + records.map(followUpCsvLine).join("");
}

function xlsxStream(records: readonly FollowUpExportRecord[], userId: string): ReadableStream<Uint8Array> {
  const columns = FOLLOW_UP_EXPORT_HEADERS.map((header, index) => ({
    header,
    key: `c${index}`,
    width: FOLLOW_UP_EXPORT_WIDTHS[index] ?? 14,
    style: index >= 5 ? { numFmt: "#,##0.00" } : {},
  }));
  return xlsxDownload(
    "Suivi national",
    columns,
    async (addRow) => {
      for (const record of records) addRow(followUpXlsxValues(record));
    },
    (error) => logError("admin-export-stream", error, { userId }),
  );
}

function message(status: number, text: string): Response {
  return Response.json({ message: text }, { status, headers: { "Cache-Control": "private, no-store" } });
}

export const GET = withRequestLog(handleGet);
