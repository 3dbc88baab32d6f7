import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";

export const DEMO_DATA_DIR = path.resolve(".data/postgres");
export const DEMO_DB_PORT = Number(process.env.GUICHET_DB_PORT ?? 54329);

/** Resolves the database for a script, runs `task`, always stops what it started. */
export async function withDatabase<T>(task: (url: string) => Promise<T>, options: { dataDir?: string; port?: number } = {}): Promise<T> {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL);
  let embedded: EmbeddedDatabase | undefined;
  const stop = async () => {
    await embedded?.stop();
  };
  const onSignal = () => {
    stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    console.log("• Démarrage de PostgreSQL embarqué (données dans .data/)…");
    embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir ?? DEMO_DATA_DIR,
      port: options.port ?? DEMO_DB_PORT,
      log: (line) => process.env.GUICHET_DB_LOG && console.log(`[postgres] ${line}`),
    });
    return await task(embedded.url);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stop();
  }
}
