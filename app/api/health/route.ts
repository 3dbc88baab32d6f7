import { isDatabaseReachable } from "@/lib/health/database-health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start script and operations. */
export async function GET() {
  if (await isDatabaseReachable()) return Response.json({ status: "ok" });
  return Response.json({ status: "database-unavailable" }, { status: 503 });
}
