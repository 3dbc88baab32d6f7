import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start script and operations. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database-unavailable" }, { status: 503 });
  }
}
