/**
 * Issue 13: limits hold across several instances of the portal — their counters live in
 * PostgreSQL (rate-limiter-flexible's Prisma store), not in a process. Two clients stand for two
 * instances on one database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { FAILURES_BEFORE_DELAY } from "@/lib/auth/authentication-messages";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { block, isLimited, record, reset, take, type LimitOptions } from "@/lib/security/rate-limit";
import { useTestDatabase } from "../support/test-database";

let first: Database;
let second: Database;
const at = new Date("2026-06-01T08:00:00Z");

beforeAll(async () => {
  const database = await useTestDatabase();
  first = database.db;
  second = createDatabaseClient(database.url);
});
afterAll(async () => {
  await second.$disconnect();
});

describe("limits shared by two instances on one database", () => {
  it("counts the events of both instances against one limit, and tells when to retry", async () => {
    const limit: LimitOptions = { name: "test-shared", points: 3, windowSeconds: 60 };
    expect(await take(first, limit, "203.0.113.1")).toEqual({ ok: true, remaining: 2 });
    expect(await take(second, limit, "203.0.113.1")).toEqual({ ok: true, remaining: 1 });
    expect(await take(first, limit, "203.0.113.1")).toEqual({ ok: true, remaining: 0 });
    const refused = await take(second, limit, "203.0.113.1");
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(50);
    // Another subject is not affected; nothing is stored in clear.
    expect(await take(second, limit, "203.0.113.2")).toMatchObject({ ok: true });
    expect(await first.rateLimiterFlexible.count({ where: { key: { contains: "203.0.113" } } })).toBe(0);
  });

  it("records, reports, resets and blocks across instances", async () => {
    const limit: LimitOptions = { name: "test-record", points: 2, windowSeconds: 60 };
    await record(first, limit, "x");
    expect(await isLimited(second, limit, "x")).toEqual({ ok: true, remaining: 1 });
    await record(second, limit, "x");
    expect((await isLimited(first, limit, "x")).ok).toBe(false);
    await reset(second, limit, "x");
    expect(await isLimited(first, limit, "x")).toEqual({ ok: true, remaining: 2 });
    await block(first, limit, "x", 600);
    const blocked = await isLimited(second, limit, "x");
    expect(blocked.ok ? 0 : blocked.retryAfterSeconds).toBeGreaterThan(590);
  });

  it("makes a sign-in wait on one instance after failures on the other", async () => {
    for (let attempt = 0; attempt < FAILURES_BEFORE_DELAY; attempt += 1) {
      const db = attempt % 2 ? first : second;
      expect(await authenticate(db, "deux.instances@test.fr", "faux", at, "203.0.113.9")).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    expect(await authenticate(first, "deux.instances@test.fr", "faux", at, "203.0.113.9")).toMatchObject({ ok: false, reason: "THROTTLED" });
  });
});
