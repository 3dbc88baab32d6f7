import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { importRunProgress } from "@/lib/admin/import-run-progress";
import { withRequestLog } from "@/lib/log/route-log";

export const runtime = "nodejs";

/**
 * The progress of one import, polled by the import page while its file is sent and read:
 * RUNNING with its progress so far (lib/admin/import-run-progress), or the final status. DNS admins only.
 */
async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connectez-vous pour suivre un import." }, { status: 401 });
  if (user.role !== "DNS_ADMIN") return Response.json({ message: "Seuls les administrateurs DNS suivent les imports." }, { status: 403 });
  const { id } = await params;
  const progress = await importRunProgress(getDb(), user, id);
  if (!progress) return Response.json({ message: "Import inconnu (il n'a peut-être pas encore commencé)." }, { status: 404 });
  return Response.json(progress);
}

export const GET = withRequestLog(handleGet);
