import { generate } from "otplib";
import { seal } from "@/lib/auth/second-factor/secret-box";
import { newTotpSecret } from "@/lib/auth/second-factor/totp";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in-flow";
import type { Database } from "@/lib/db/client";

/** Signs in as the portal does (password, then the second step); `totpSecret` for an account with a factor. */
export async function signInAs(db: Database, email: string, password: string, options: { at?: Date; address?: string | null; totpSecret?: string } = {}) {
  const at = options.at ?? new Date("2026-06-01T08:00:00Z");
  const started = await startSignIn(db, email, password, at, options.address ?? null);
  if (!started.ok) return started;
  const code = options.totpSecret ? await generate({ secret: options.totpSecret }) : undefined;
  return completeSignIn(db, { challenge: started.challenge, code }, at);
}

/** Gives an account an authenticator app whose secret the test knows. */
export async function giveTotpFactor(db: Database, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.secondFactor.create({ data: { userId, kind: "TOTP", label: "Application de test", totpSecret: seal(secret) } });
  return secret;
}
