import { auditSubject, recordAuditAlone } from "@/lib/audit";
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
    // Filed under the account when there is one, so the DNS reads it in the account's audit.
    const known = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
    await recordAuditAlone(db, { at, actor: null, action: "auth.sign-in.throttled", subject: known ? auditSubject.user(known.id) : auditSubject.email(email), details: { email, reason: allowed.reason } });
    return allowed.reason === "THROTTLED" ? { ok: false, reason: "THROTTLED", retryAfterMinutes: allowed.retryAfterMinutes } : { ok: false, reason: allowed.reason };
  }
  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordMatches) {
    // The limiter's counters (rate-limiter-flexible's Prisma store) are written by the library on
    // the client, outside any transaction of ours: the audit row of the refusal is its own one.
    await recordSignInFailure(db, email, address);
    await recordAuditAlone(
      db,
      user
        ? { at, actor: user, action: "auth.sign-in.failed", subject: auditSubject.user(user.id), details: { email } }
        : { at, actor: null, action: "auth.sign-in.unknown-email", subject: auditSubject.email(email) },
    );
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await recordSignInSuccess(db, email, address);
  if (!user.active) {
    await recordAuditAlone(db, { at, actor: user, action: "auth.sign-in.disabled", subject: auditSubject.user(user.id), details: { email } });
    return { ok: false, reason: "DISABLED" };
  }
  await recordAuditAlone(db, { at, actor: user, action: "auth.sign-in.password-verified", subject: auditSubject.user(user.id), details: { email } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
