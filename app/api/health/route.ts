import { isDatabaseReachable } from "@/lib/health/database-health";
import { withRequestLog } from "@/lib/log/route-log";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start script and operations. */
async function handleGet() {
  if (await isDatabaseReachable()) return Response.json({ status: "ok" });
  return Response.json({ status: "database-unavailable" }, { status: 503 });
}

export const GET = withRequestLog(handleGet);
