/**
 * Issue 13: sign-in answers and their timing do not tell whether an account exists, and the
 * throttling cannot be used to lock a known person out (growing waits per e-mail *and* address).
 */
import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { FAILURES_BEFORE_DELAY } from "@/lib/auth/authentication-messages";
import { hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { limitKey } from "@/lib/security/rate-limit";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let passwordHash: string;
const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");
const ATTACKER = "203.0.113.66";
const VICTIM = "198.51.100.20";

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  passwordHash = await hashPassword(PASSWORD);
});

/** Ends the current wait of `email` from `address`, as if its minutes had passed. */
async function endWait(email: string, address: string) {
  await db.rateLimiterFlexible.updateMany({ where: { key: `sign-in-wait:${limitKey(`${email}\n${address}`)}` }, data: { expire: new Date(Date.now() - 1_000) } });
}

async function failTimes(email: string, address: string, times: number) {
  const reasons: string[] = [];
  for (let attempt = 0; attempt < times; attempt += 1) {
    const result = await authenticate(db, email, `faux-${attempt}`, at, address);
    reasons.push(result.ok ? "ok" : result.reason);
  }
  return reasons;
}

describe("authenticate (e-mail + password)", () => {
  it("accepts the right password, whatever the case of the e-mail, and audits it", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "admin.case@test.fr", passwordHash });
    const result = await authenticate(db, "  Admin.CASE@test.fr ", PASSWORD, at, VICTIM);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: "admin.case@test.fr", name: user.name, role: "DNS_ADMIN" } });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.sign-in.password-verified" } })).toBe(1);
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "known@test.fr", passwordHash });
    expect(await authenticate(db, "nobody@test.fr", PASSWORD, at, VICTIM)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await authenticate(db, "known@test.fr", "mauvais", at, VICTIM)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it(`makes ${FAILURES_BEFORE_DELAY} failures in a row from one address wait 1 minute, then 2 — the same for an unknown e-mail`, async () => {
    await createUser(db, { role: "ARS_INSTRUCTOR", email: "cible@test.fr", passwordHash });
    for (const email of ["cible@test.fr", "personne@test.fr"]) {
      expect(await failTimes(email, ATTACKER, FAILURES_BEFORE_DELAY)).toEqual(Array(FAILURES_BEFORE_DELAY).fill("INVALID_CREDENTIALS"));
      // Waiting: even the right password is not tried, and the answer is the same whether the account exists or not.
      expect(await authenticate(db, email, PASSWORD, at, ATTACKER)).toEqual({ ok: false, reason: "THROTTLED", retryAfterMinutes: 1 });
      await endWait(email, ATTACKER);
      expect(await failTimes(email, ATTACKER, 1)).toEqual(["INVALID_CREDENTIALS"]);
      expect(await authenticate(db, email, PASSWORD, at, ATTACKER)).toEqual({ ok: false, reason: "THROTTLED", retryAfterMinutes: 2 });
    }
  });

  it("never locks the person out: from the person's own address the right password still signs in", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "victime@test.fr", passwordHash });
    await failTimes("victime@test.fr", ATTACKER, FAILURES_BEFORE_DELAY + 2);
    const result = await authenticate(db, "victime@test.fr", PASSWORD, at, VICTIM);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("a successful sign-in ends the run of failures", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "reset@test.fr", passwordHash });
    await failTimes("reset@test.fr", VICTIM, FAILURES_BEFORE_DELAY - 1);
    expect((await authenticate(db, "reset@test.fr", PASSWORD, at, VICTIM)).ok).toBe(true);
    expect(await failTimes("reset@test.fr", VICTIM, FAILURES_BEFORE_DELAY - 1)).toEqual(Array(FAILURES_BEFORE_DELAY - 1).fill("INVALID_CREDENTIALS"));
    expect((await authenticate(db, "reset@test.fr", PASSWORD, at, VICTIM)).ok).toBe(true);
  });

  it("refuses a disabled account, only to whom knows its password", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "disabled@test.fr", passwordHash, active: false });
    expect(await authenticate(db, "disabled@test.fr", "faux", at, VICTIM)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await authenticate(db, "disabled@test.fr", PASSWORD, at, VICTIM)).toEqual({ ok: false, reason: "DISABLED" });
  });

  it("takes comparable time for a known and an unknown e-mail, failing and waiting alike", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "chrono@test.fr", passwordHash });
    const median = async (email: string, address: string) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const start = performance.now();
        await authenticate(db, email, "faux", at, address);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    // Wrong password for a known account vs unknown e-mail: both check one bcrypt hash (~ 250 ms).
    const known = await median("chrono@test.fr", "192.0.2.1");
    const unknown = await median("inconnu.chrono@test.fr", "192.0.2.2");
    expect(known / unknown).toBeGreaterThan(0.5);
    expect(known / unknown).toBeLessThan(2);
    expect(Math.min(known, unknown)).toBeGreaterThan(50);
    // Both now waiting (4 + 4 failures ≥ 5): neither checks a hash, both answer fast and alike.
    const knownWaiting = await median("chrono@test.fr", "192.0.2.1");
    const unknownWaiting = await median("inconnu.chrono@test.fr", "192.0.2.2");
    expect(Math.abs(knownWaiting - unknownWaiting)).toBeLessThan(100);
  }, 60_000);
});
