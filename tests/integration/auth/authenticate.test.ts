import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/authentication-messages";
import { hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let passwordHash: string;
const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  passwordHash = await hashPassword(PASSWORD);
});

describe("authenticate (e-mail + password)", () => {
  it("accepts the right password, whatever the case of the e-mail, and records the sign-in", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "admin.case@test.fr", passwordHash });
    const result = await authenticate(db, "  Admin.CASE@test.fr ", PASSWORD, at);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: "admin.case@test.fr", name: user.name, role: "DNS_ADMIN" } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastSignInAt).toEqual(at);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.sign-in.succeeded" } })).toBe(1);
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "known@test.fr", passwordHash });
    const unknown = await authenticate(db, "nobody@test.fr", PASSWORD, at);
    const wrong = await authenticate(db, "known@test.fr", "mauvais", at);
    expect(unknown).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(wrong).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures, even with the right password`, async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: undefined, email: "locked@test.fr", passwordHash });
    const reasons: string[] = [];
    for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS; attempt += 1) {
      const result = await authenticate(db, "locked@test.fr", `faux-${attempt}`, at);
      reasons.push(result.ok ? "ok" : result.reason);
    }
    expect(reasons).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill("INVALID_CREDENTIALS"), "LOCKED"]);
    expect(await authenticate(db, "locked@test.fr", PASSWORD, new Date(at.getTime() + (LOCK_MINUTES - 1) * 60_000))).toEqual({
      ok: false,
      reason: "LOCKED",
    });
    const afterLock = await authenticate(db, "locked@test.fr", PASSWORD, new Date(at.getTime() + (LOCK_MINUTES + 1) * 60_000));
    expect(afterLock.ok).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.sign-in.failed" } })).toBe(MAX_FAILED_SIGN_INS);
  });

  it("a successful sign-in resets the failure count", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "reset@test.fr", passwordHash });
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) await authenticate(db, "reset@test.fr", "faux", at);
    expect((await authenticate(db, "reset@test.fr", PASSWORD, at)).ok).toBe(true);
    expect(await authenticate(db, "reset@test.fr", "faux", at)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it("refuses a disabled account", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "disabled@test.fr", passwordHash, active: false });
    expect(await authenticate(db, "disabled@test.fr", PASSWORD, at)).toEqual({ ok: false, reason: "DISABLED" });
  });
});
