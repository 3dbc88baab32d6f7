import { getDb, type Database } from "@/lib/db/client";

/** The health route answers within 2 s (issue 14 §5): the check gives up after this. */
export const HEALTH_TIMEOUT_MS = 1_500;

/**
 * Can the database answer a query, within `timeoutMs`? For the health route, the start script
 * and operations. Takes the getter, not the client: building the process-wide client fails
 * without DATABASE_URL, which is an unreachable database too. A paused PostgreSQL never answers;
 * the check does not wait for the pool's own timeouts (lib/db/client.ts), which then drop the
 * stuck connection so that the next check opens a fresh one.
 */
export async function isDatabaseReachable(database: () => Database = getDb, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = (async () => {
    try {
      await database().$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
