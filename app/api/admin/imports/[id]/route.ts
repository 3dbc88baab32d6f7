import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { ImportProgress } from "@/lib/reference/import/run";

export const runtime = "nodejs";

/**
 * The progress of one import, polled by the import page while its file is sent and read:
 * RUNNING with the {@link ImportProgress} so far, or the final status. DNS admins only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connectez-vous pour suivre un import." }, { status: 401 });
  if (user.role !== "DNS_ADMIN") return Response.json({ message: "Seuls les administrateurs DNS suivent les imports." }, { status: 403 });
  const { id } = await params;
  const run = await getDb().importRun.findUnique({ where: { id }, select: { status: true, counts: true } });
  if (!run) return Response.json({ message: "Import inconnu (il n'a peut-être pas encore commencé)." }, { status: 404 });
  const counts = (run.counts ?? {}) as Partial<ImportProgress>;
  return Response.json({ status: run.status, stage: counts.stage ?? null, bytes: counts.bytes ?? null, read: counts.read ?? 0, rejected: counts.rejected ?? 0 });
}
