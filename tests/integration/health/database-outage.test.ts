/**
 * Issue 14 §5: with PostgreSQL paused (SIGSTOP: the server still accepts TCP connections but
 * never answers), the health check says "unavailable" within 2 s, queries fail in seconds with
 * the error the error pages recognise, and the same client works again once PostgreSQL resumes.
 * A dedicated embedded server: pausing the shared test server would freeze the other test files.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, PAGE_TIMEOUTS, type Database } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError } from "@/lib/health/database-unavailable";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { isDatabaseReachable } from "@/lib/health/database-health";

let tempDir: string;
let dataDir: string;
let server: EmbeddedDatabase;
let db: Database;

/** The postmaster and its backends: each connection has its own process, all must stop. */
function serverProcesses(): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" }).split("\n").map(Number).filter(Boolean);
  return [postmaster, ...children];
}

let paused: number[] = [];
function pause() {
  paused = serverProcesses();
  for (const pid of paused) process.kill(pid, "SIGSTOP");
}
function resume() {
  for (const pid of paused) process.kill(pid, "SIGCONT");
  paused = [];
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const result = await work();
    return { ms: performance.now() - started, result };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-outage-pg-"));
  fs.chmodSync(tempDir, 0o755);
  dataDir = path.join(tempDir, "data");
  server = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false, database: "outage" });
  db = createDatabaseClient(server.url);
});

afterAll(async () => {
  resume();
  await db?.$disconnect();
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe("PostgreSQL paused, then resumed", () => {
  it("is healthy while PostgreSQL answers", async () => {
    // Two pooled connections, so the pause also catches idle ones in the pool.
    await Promise.all([db.$queryRaw`SELECT 1 FROM pg_sleep(0.05)`, db.$queryRaw`SELECT 1 FROM pg_sleep(0.05)`]);
    expect(await isDatabaseReachable(() => db)).toBe(true);
  });

  it("answers « unavailable » within 2 s while paused, every time", async () => {
    pause();
    for (let attempt = 0; attempt < 3; attempt++) {
      const check = await elapsed(() => isDatabaseReachable(() => db));
      expect(check.result).toBe(false);
      expect(check.ms).toBeLessThan(2_000);
    }
  });

  it("fails a page's query in seconds with the error the error pages recognise", async () => {
    const query = await elapsed(() => db.$queryRaw`SELECT 1`);
    expect(query.error).toBeInstanceOf(DatabaseUnavailableError);
    expect((query.error as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    // A stuck pooled connection is given up at the query timeout, a new one at the connection timeout.
    expect(query.ms).toBeLessThan(PAGE_TIMEOUTS.queryTimeoutMs + 1_000);
    const transaction = await elapsed(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
    expect(transaction.error).toBeInstanceOf(DatabaseUnavailableError);
    expect(transaction.ms).toBeLessThan(PAGE_TIMEOUTS.queryTimeoutMs + 1_000);
  }, 40_000);

  it("recovers by itself once PostgreSQL resumes: the same client is healthy again within seconds", async () => {
    resume();
    const started = performance.now();
    let healthy = false;
    while (!healthy && performance.now() - started < 10_000) {
      healthy = await isDatabaseReachable(() => db);
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(healthy).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(await db.$transaction(async (tx) => tx.$queryRaw<{ two: number }[]>`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  }, 20_000);
});
