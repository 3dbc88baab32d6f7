import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/spreadsheet-download";
import type { FollowUpExportRecord } from "./follow-up-rows";
import { followUpExportRecords, type FollowUpGuichet } from "./national-follow-up";

/**
 * The national follow-up export of one guichet, for one region or all
 * (regionCode null): its rows, audited (`admin.export`) before the route sends
 * the first byte. DNS admins only (followUpExportRecords checks it).
 */
export async function auditedFollowUpExport(
  db: Database,
  actor: CurrentUser,
  request: { guichetId: string; regionCode: string | null; format: ExportFormat },
): Promise<{ guichet: FollowUpGuichet; records: FollowUpExportRecord[] }> {
  const { guichetId, regionCode, format } = request;
  const { guichet, records } = await followUpExportRecords(db, actor, guichetId, regionCode);
  await recordAuditAlone(db, { at: new Date(), actor, action: "admin.export", subject: auditSubject.guichet(guichet.id), details: { format, guichet: guichet.code, region: regionCode, rows: records.length } });
  return { guichet, records };
}
