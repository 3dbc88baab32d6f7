import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/spreadsheet-download";
import { queueExportIds } from "./queue";
import type { QueueFilters } from "./queue-filters";

/**
 * Starts an export of the instruction queue as filtered: the dossiers' ids in
 * the queue's order (scoped by queueExportIds: an ARS instructor's region, the
 * ANS's CaRE relèves), audited (`ars.export`, or `ans.export` for the national
 * queue of the ANS) before the route streams the first byte. The rows then come
 * from queueExportBatches, which checks the scope again per batch.
 */
export async function startQueueExport(db: Database, user: CurrentUser, filters: QueueFilters, format: ExportFormat): Promise<string[]> {
  const ids = await queueExportIds(db, user, filters);
  await recordAuditAlone(db, {
    at: new Date(),
    actor: user,
    action: user.role === "ANS_INSTRUCTOR" ? "ans.export" : "ars.export",
    subject: user.role === "ANS_INSTRUCTOR" ? auditSubject.national : auditSubject.region(user.regionCode ?? "-"),
    details: { format, filters: { ...filters }, dossiers: ids.length },
  });
  return ids;
}
