import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { ImportProgress } from "@/lib/reference/import/run";
import { assertAdmin } from "./accounts";

export interface ImportRunProgress {
  status: ImportStatus;
  stage: ImportProgress["stage"] | null;
  bytes: number | null;
  read: number;
  rejected: number;
}

/** The progress of one import as the import page polls it, or null when no run has this id (yet). */
export async function importRunProgress(db: Database, actor: CurrentUser, id: string): Promise<ImportRunProgress | null> {
  assertAdmin(actor);
  const run = await db.importRun.findUnique({ where: { id }, select: { status: true, counts: true } });
  if (!run) return null;
  const counts = (run.counts ?? {}) as Partial<ImportProgress>;
  return { status: run.status, stage: counts.stage ?? null, bytes: counts.bytes ?? null, read: counts.read ?? 0, rejected: counts.rejected ?? 0 };
}

/** Was an import already sent under this id? (The page names its run before sending, to poll it.) */
export async function importRunExists(db: Database, actor: CurrentUser, id: string): Promise<boolean> {
  assertAdmin(actor);
  return (await db.importRun.count({ where: { id } })) > 0;
}
