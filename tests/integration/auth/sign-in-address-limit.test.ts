/**
 * Beyond the waits per e-mail and address (authenticate.test.ts), failed sign-ins from one
 * address are bounded across accounts (password spraying) — through the sign-in's first step.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILED_SIGN_INS_PER_ADDRESS } from "@/lib/auth/authentication-messages";
import { hashPassword } from "@/lib/auth/password";
import { startSignIn } from "@/lib/auth/sign-in-flow";
import type { Database } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");
let db: Database;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

describe("sign-in failures per address", () => {
  it(`refuses an address after ${MAX_FAILED_SIGN_INS_PER_ADDRESS} failures on any accounts, even with the right password; other addresses go on`, async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "cible@test.fr", passwordHash: await hashPassword(PASSWORD) });
    // Spraying: one wrong password on each of many (unknown) accounts, so no wait per e-mail is involved.
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i++) {
      expect(await startSignIn(db, `inconnu${i}@test.fr`, "faux", at, "203.0.113.9")).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    expect(await startSignIn(db, user.email, PASSWORD, at, "203.0.113.9")).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
    expect(await startSignIn(db, user.email, PASSWORD, at, "198.51.100.4")).toMatchObject({ ok: true, step: "NONE" });
  }, 60_000);
});
