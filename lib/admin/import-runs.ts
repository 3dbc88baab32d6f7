import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { ImportKind, ImportStatus } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "./accounts";

export interface ImportRunView {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  status: ImportStatus;
  error: string | null;
  startedAt: Date;
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number };
}

/** The kind of a run as the admin reads it in the list of imports. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  FINESS_STRUCTUREET: "FINESS (structureet)",
  FINESS_FLAT_CSV: "FINESS (CSV aplati)",
  SAE_SYGEN: "SAE (SYGEN)",
  COMBINED_ACTIVITY_CSV: "Activité combinée (CSV)",
  CARE_ENVELOPE_CSV: "Enveloppes HospiConnect/CaRE (CSV)",
  COMBINED_ACTIVITY_SAE_ESTIMATE: "Activité combinée (estimation SAE)",
};

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** The latest reference-data imports (newest first), with their line counts. */
export async function recentImportRuns(db: Database, actor: CurrentUser, take = 30): Promise<ImportRunView[]> {
  assertAdmin(actor);
  const runs = await db.importRun.findMany({ orderBy: { startedAt: "desc" }, take, select: { id: true, kind: true, fileName: true, sha256: true, status: true, error: true, startedAt: true, counts: true } });
  return runs.map((run) => {
    const counts = (run.counts ?? {}) as Record<string, unknown>;
    return { ...run, counts: { read: count(counts.read), created: count(counts.created), updated: count(counts.updated), unchanged: count(counts.unchanged), rejected: count(counts.rejected) } };
  });
}
