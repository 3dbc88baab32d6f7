import { getDb, type Database } from "@/lib/db/client";

/**
 * Can the database answer a query? For the health route, the start script and
 * operations. Takes the getter, not the client: building the process-wide
 * client fails without DATABASE_URL, which is an unreachable database too.
 */
export async function isDatabaseReachable(database: () => Database = getDb): Promise<boolean> {
  try {
    await database().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
