import { auditSubject, recordAuditAlone, recordAudit, type AuditAction } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SsoFailure } from "../authentication-messages";
import { startSession } from "../sessions";
import type { SsoClaims } from "./claims";

/**
 * Which account an OpenID Connect sign-in opens (issue 13), decided on the claims of a checked ID
 * token. The IdP's `sub` names the person once linked; the e-mail only serves to link the first
 * time, and only when the IdP says it verified it. Every decision is audited (lib/audit actions
 * `auth.sso.*`, filed under the account when one is concerned); a refusal opens no session.
 */
export type SsoDecision =
  | { ok: true; userId: string; role: Role; linked: boolean }
  | { ok: false; reason: "UNKNOWN"; email: string | null }
  | { ok: false; reason: Exclude<SsoFailure, "SSO_CONSENT_REFUSED" | "SSO_FAILED"> };

export interface SsoSignInInput {
  /** next-auth's provider id. */
  provider: string;
  claims: SsoClaims;
  /** `acr` values of this IdP that mean a multi-factor authentication. */
  mfaAcrValues: readonly string[];
}

/** Staff accounts need a second factor (issue 13): from an IdP, it must say so in the ID token. */
const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(["ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"]);

/** Whether the IdP asserts a multi-factor authentication: `amr` contains "mfa" (RFC 8176), or `acr` is one of the IdP's MFA levels. */
export function assertsMultiFactor(claims: Pick<SsoClaims, "amr" | "acr">, mfaAcrValues: readonly string[]): boolean {
  if (claims.amr?.includes("mfa")) return true;
  return claims.acr !== undefined && mfaAcrValues.includes(claims.acr);
}

function normalizedEmail(email: string | undefined): string | null {
  const value = email?.trim().toLowerCase();
  return value && value.includes("@") ? value : null;
}

export async function resolveSsoSignIn(db: Database, input: SsoSignInInput): Promise<SsoDecision> {
  const { provider, claims } = input;
  const email = normalizedEmail(claims.email);
  const verifiedEmail = claims.email_verified === true ? email : null;
  const details = { provider, subject: claims.sub, email, emailVerified: claims.email_verified ?? null, amr: claims.amr ?? null, acr: claims.acr ?? null };
  // A refusal changes nothing: its row is its own transaction. The sign-in's instant is the machine's.
  const audit = (action: AuditAction, actor?: { id: string; role: Role }) =>
    recordAuditAlone(db, {
      at: new Date(),
      actor: actor ?? null,
      action,
      subject: actor ? auditSubject.user(actor.id) : email ? auditSubject.email(email) : auditSubject.sso(provider, claims.sub),
      details,
    });

  const identity = await db.ssoIdentity.findUnique({ where: { provider_subject: { provider, subject: claims.sub } }, include: { user: true } });
  if (identity) {
    const { user } = identity;
    // The identity names A, its e-mail now names another account B: someone's e-mail changed at the
    // IdP or an account was taken over there. Neither account is opened until a person looks.
    if (email && email !== user.email && (await db.user.findUnique({ where: { email }, select: { id: true } }))) {
      await audit("auth.sso.mismatch", user);
      return { ok: false, reason: "SSO_MISMATCH" };
    }
    return admit(db, input, user, false, audit);
  }

  if (email && !verifiedEmail) {
    const named = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (named) {
      await audit("auth.sso.unverified-email", named);
      return { ok: false, reason: "SSO_UNVERIFIED_EMAIL" };
    }
  }
  const user = verifiedEmail ? await db.user.findUnique({ where: { email: verifiedEmail } }) : null;
  if (!user) {
    await audit("auth.sso.unknown");
    return { ok: false, reason: "UNKNOWN", email };
  }
  // The account is already linked to another identity of this IdP: a second person claims its e-mail.
  if (await db.ssoIdentity.findUnique({ where: { userId_provider: { userId: user.id, provider } }, select: { id: true } })) {
    await audit("auth.sso.mismatch", user);
    return { ok: false, reason: "SSO_MISMATCH" };
  }
  return admit(db, input, user, true, audit);
}

async function admit(
  db: Database,
  input: SsoSignInInput,
  user: { id: string; role: Role; active: boolean },
  link: boolean,
  audit: (action: AuditAction, actor?: { id: string; role: Role }) => Promise<unknown>,
): Promise<SsoDecision> {
  if (!user.active) {
    await audit("auth.sso.disabled", user);
    return { ok: false, reason: "SSO_DISABLED" };
  }
  if (STAFF_ROLES.has(user.role) && !assertsMultiFactor(input.claims, input.mfaAcrValues)) {
    await audit("auth.sso.refused-mfa", user);
    return { ok: false, reason: "SSO_MFA_REQUIRED" };
  }
  if (link) {
    // Linked only once the sign-in is admitted; the unique keys refuse a concurrent second link.
    await db.$transaction(async (tx) => {
      await tx.ssoIdentity.create({ data: { provider: input.provider, subject: input.claims.sub, userId: user.id } });
      await recordAudit(tx, { at: new Date(), actor: user, action: "auth.sso.linked", subject: auditSubject.user(user.id), before: null, after: { provider: input.provider, subject: input.claims.sub } });
    });
  }
  return { ok: true, userId: user.id, role: user.role, linked: link };
}

/**
 * Opens the server-side session of an admitted SSO sign-in (lib/auth/sessions.ts): the JWT will
 * carry its id, as for a password sign-in. Returns null when the account was disabled meanwhile.
 */
export async function openSsoSession(db: Database, input: { provider: string; subject: string; userId: string }, at: Date): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, email: true, active: true } });
    if (!user?.active) return null;
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: at } });
    await tx.ssoIdentity.updateMany({ where: { provider: input.provider, subject: input.subject, userId: user.id }, data: { lastUsedAt: at } });
    await recordAudit(tx, { at, actor: user, action: "auth.sso.signed-in", subject: auditSubject.user(user.id), details: { email: user.email, provider: input.provider, subject: input.subject } });
    return startSession(tx, user.id);
  });
}
