/**
 * Integration tests run against a real PostgreSQL: the server of DATABASE_URL
 * when set, else an embedded one started here in a temporary directory. The
 * migrations are applied once to a template database; each test file then
 * clones it (CREATE DATABASE … TEMPLATE …), which is fast and isolated.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connectionConfigFromUrl, databaseUrl } from "../../lib/db/connection-config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database of the test server from which others can be created. */
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let tempDir: string | undefined;

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-test-pg-"));
    // PostgreSQL runs as the "postgres" system user when we are root: it must reach the directory.
    fs.chmodSync(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: 0, persistent: false, database: "postgres" });
    adminUrl = embedded.url;
  }
  const template = `guichet_template_${process.pid}`;
  const admin = new pg.Client(connectionConfigFromUrl(adminUrl));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const config = connectionConfigFromUrl(adminUrl);
  await migrate(
    databaseUrl({ host: String(config.host), port: Number(config.port), user: String(config.user), password: String(config.password ?? ""), database: template }),
  );
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    const cleanup = new pg.Client(connectionConfigFromUrl(adminUrl));
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await cleanup.end();
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
