/**
 * next-auth's authorize(): beyond the per-account lock (authenticate.test.ts), failed sign-ins
 * from one address are bounded across accounts (password spraying).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILED_SIGN_INS_PER_ADDRESS } from "@/lib/auth/authentication-messages";
import { hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const PASSWORD = "Un-mot-de-passe-solide-42";
type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
let authorize: Authorize;
let db: Database;

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  const { authOptions } = await import("@/lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
});

const from = (address: string) => ({ headers: { "x-forwarded-for": `${address}, 10.0.0.1` } });

describe("sign-in failures per address", () => {
  it(`refuses an address after ${MAX_FAILED_SIGN_INS_PER_ADDRESS} failures on any accounts, even with the right password; other addresses go on`, async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "cible@test.fr", passwordHash: await hashPassword(PASSWORD) });
    // Spraying: one wrong password on each of many (unknown) accounts, so no account lock is involved.
    // One after the other: each attempt is awaited before the next starts, so no rejection is left unhandled.
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i++) {
      await expect(authorize({ email: `inconnu${i}@test.fr`, password: "faux" }, from("203.0.113.9"))).rejects.toThrow("INVALID_CREDENTIALS");
    }
    await expect(authorize({ email: user.email, password: PASSWORD }, from("203.0.113.9"))).rejects.toThrow("TOO_MANY_ATTEMPTS");
    await expect(authorize({ email: user.email, password: PASSWORD }, from("198.51.100.4"))).resolves.toMatchObject({ id: user.id });
  }, 60_000);
});
