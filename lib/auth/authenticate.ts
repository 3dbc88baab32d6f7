import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AuthenticationFailure } from "./authentication-messages";
import { verifyPassword } from "./password";
import { checkSignIn, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

// Compared against when the e-mail is unknown, so both cases take the same time.
const DUMMY_HASH = "$2b$12$4NfQ8gC2cXVTiUaYu3vrnO/VtOAGAN7Z02vrgu5G1Mt8mctZPHBnG";

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: AuthenticationFailure; retryAfterMinutes?: number };

/**
 * The password step of a sign-in: checks an e-mail and password from a client address (null when
 * the proxy gives none). A known and an unknown e-mail follow the same path — same throttling
 * keys, one password hash check, one audit row — so neither the answer nor its time tells whether
 * an account exists. The second factor and the session come after (lib/auth/sign-in-flow.ts).
 */
export async function authenticate(db: Database, emailInput: string, password: string, at: Date, address: string | null = null): Promise<AuthenticationResult> {
  const email = emailInput.trim().toLowerCase();
  const allowed = await checkSignIn(db, email, address);
  if (!allowed.ok) {
    await db.auditEvent.create({ data: { action: "auth.sign-in.throttled", subject: email, details: { reason: allowed.reason } } });
    return allowed.reason === "THROTTLED" ? { ok: false, reason: "THROTTLED", retryAfterMinutes: allowed.retryAfterMinutes } : { ok: false, reason: allowed.reason };
  }
  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordMatches) {
    await recordSignInFailure(db, email, address);
    await db.auditEvent.create({
      data: user ? { actorId: user.id, actorRole: user.role, action: "auth.sign-in.failed", subject: email } : { action: "auth.sign-in.unknown-email", subject: email },
    });
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await recordSignInSuccess(db, email, address);
  if (!user.active) {
    await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "auth.sign-in.disabled", subject: email } });
    return { ok: false, reason: "DISABLED" };
  }
  await db.auditEvent.create({ data: { at, actorId: user.id, actorRole: user.role, action: "auth.sign-in.password-verified", subject: email } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
