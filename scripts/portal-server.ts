/**
 * Starts the whole portal for a person or for the browser tests: a database
 * (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo seed, a
 * production build of Next.js and `next start`. Stops everything on exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";

export interface PortalOptions {
  port: number;
  dataDir: string;
  dbPort: number;
  /** Keep the embedded database files after stop. */
  persistent: boolean;
  /** Simulated date of the demo mode (ISO instant), or null for the real clock. */
  demoDate: string | null;
  /** Skip `next build` when a build is already there. */
  reuseBuild: boolean;
  /** Next.js build directory (default .next). */
  distDir?: string;
  log: (line: string) => void;
  /**
   * More `next start` processes on the same database and build, one per port: each has its own
   * simulated clock (a process's memory), so browser tests that move the date run on their own.
   */
  extraPorts?: number[];
  /** Runs after the demo seed, before the server answers (the browser tests' own fixtures). */
  afterSeed?: (databaseUrl: string) => Promise<void>;
}

export interface RunningPortal {
  url: string;
  /** The URLs of the `extraPorts` servers, in order. */
  extraUrls: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output}`))));
    child.on("error", reject);
  });
}

function authSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(dataDir), "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not answer on ${url} within ${timeoutMs / 1000} s`);
}

export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const bin = (name: string) => path.resolve("node_modules/.bin", name);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    options.log("• Démarrage de PostgreSQL embarqué…");
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.dbPort, persistent: options.persistent });
    databaseUrl = embedded.url;
  }
  const url = `http://localhost:${options.port}`;
  const extraUrls = (options.extraPorts ?? []).map((port) => `http://localhost:${port}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: authSecret(options.dataDir),
    NEXT_TELEMETRY_DISABLED: "1",
    GUICHET_DEMO: options.demoDate ? "1" : "",
    GUICHET_DEMO_DATE: options.demoDate ?? "",
    GUICHET_NEXT_DIST_DIR: options.distDir ?? ".next",
  };
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      servers.map(async (server) => {
        if (server.exitCode !== null) return;
        server.kill("SIGTERM");
        await new Promise((resolve) => server.once("exit", resolve));
      }),
    );
    await embedded?.stop();
  };
  try {
    options.log("• Application des migrations…");
    await run(bin("prisma"), ["migrate", "deploy"], env, true);
    options.log("• Chargement des données de démonstration…");
    await run(bin("tsx"), ["prisma/seed.ts"], env, true);
    await options.afterSeed?.(databaseUrl);
    if (!options.reuseBuild || !fs.existsSync(path.join(options.distDir ?? ".next", "BUILD_ID"))) {
      options.log("• Construction de l'application (next build)…");
      // DSFR's own tool keeps only the icons the code uses in its icon stylesheet.
      await run(bin("react-dsfr"), ["update-icons"], env, true);
      await run(bin("next"), ["build"], env, true);
    }
    options.log("• Démarrage du serveur…");
    const ports = [options.port, ...(options.extraPorts ?? [])];
    await Promise.all(
      ports.map((port) => {
        // One outbox dispatcher for the database: the first server's. Another server (its own simulated
        // clock, for the specs that move the date) would stamp « envoyé le » with its own date.
        const dispatcher = port === options.port ? {} : { GUICHET_OUTBOX_WORKER: "0" };
        const server = spawn(bin("next"), ["start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env: { ...env, ...dispatcher, NEXTAUTH_URL: `http://localhost:${port}` } });
        servers.push(server);
        return waitForHealth(`http://localhost:${port}`, server, 60_000);
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, extraUrls, databaseUrl, stop };
}
