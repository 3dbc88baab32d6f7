import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { connectionConfigFromUrl, databaseUrl } from "@/lib/db/connection-config";
import { createDatabaseClient, type Database } from "@/lib/db/client";

/**
 * A fresh, migrated database for one test file, cloned from the template made
 * by the global set-up and dropped after the file's tests.
 */
export async function useTestDatabase(): Promise<{ db: Database; url: string }> {
  const adminUrl = inject("adminDatabaseUrl");
  const template = inject("templateDatabase");
  const name = `guichet_test_${crypto.randomBytes(6).toString("hex")}`;
  const config = connectionConfigFromUrl(adminUrl);
  const admin = new pg.Client(config);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = databaseUrl({ host: String(config.host), port: Number(config.port), user: String(config.user), password: String(config.password ?? ""), database: name });
  const db = createDatabaseClient(url);
  afterAll(async () => {
    await db.$disconnect();
    const dropper = new pg.Client(config);
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  });
  return { db, url };
}
