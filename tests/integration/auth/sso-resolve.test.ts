/**
 * Issue 13, single sign-on: which account an OpenID Connect sign-in opens (lib/auth/sso/resolve.ts),
 * on a real database. The IdP's `sub` names the person once linked; a verified e-mail links the
 * first time; a mismatched e-mail, an unverified one, a disabled account and a staff account
 * without a second factor are refused and audited; an unknown person is sent to the account request.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { resumeSession } from "@/lib/auth/sessions";
import type { SsoClaims } from "@/lib/auth/sso/claims";
import { assertsMultiFactor, openSsoSession, resolveSsoSignIn } from "@/lib/auth/sso/resolve";
import { consentRefusalRedirect, ssoSignIn } from "@/lib/auth/sso/sign-in";
import type { Database } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const PROVIDER = "proconnect";
const at = new Date("2026-06-01T08:00:00Z");
let sequence = 0;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  // The glue (ssoSignIn) reads the provider's settings from the environment, as the portal does.
  Object.assign(process.env, { PROCONNECT_ISSUER: "http://127.0.0.1:1", PROCONNECT_CLIENT_ID: "guichet", PROCONNECT_CLIENT_SECRET: "secret", PROCONNECT_MFA_ACR: "eidas2, eidas3" });
});

function subject() {
  sequence += 1;
  return `sub-${process.pid}-${sequence}`;
}

function resolve(claims: SsoClaims, mfaAcrValues: string[] = []) {
  return resolveSsoSignIn(db, { provider: PROVIDER, claims, mfaAcrValues });
}

async function link(userId: string, sub: string, provider = PROVIDER) {
  return db.ssoIdentity.create({ data: { provider, subject: sub, userId } });
}

const auditsOf = (action: string, subjectText: string) => db.auditEvent.count({ where: { action, subject: subjectText } });

describe("resolveSsoSignIn", () => {
  it("a known (provider, sub) opens its account, whatever e-mail the IdP now sends if it names no other account", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "connu@ch-essai.fr" });
    const sub = subject();
    await link(user.id, sub);
    expect(await resolve({ sub, email: "nouvelle.adresse@ch-essai.fr", email_verified: true })).toEqual({ ok: true, userId: user.id, role: "ESTABLISHMENT_REFERENT", linked: false });
    expect(await resolve({ sub })).toMatchObject({ ok: true, userId: user.id });
  });

  it("the same sub at another provider is another person", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
    const sub = subject();
    await link(user.id, sub, "pro-sante-connect");
    expect(await resolve({ sub })).toEqual({ ok: false, reason: "UNKNOWN", email: null });
  });

  it("a verified e-mail of an active account links the identity (audited), and the sub is used from then on", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "a.lier@ch-essai.fr" });
    const sub = subject();
    expect(await resolve({ sub, email: "A.Lier@CH-essai.fr", email_verified: true })).toEqual({ ok: true, userId: user.id, role: "ESTABLISHMENT_REFERENT", linked: true });
    expect(await db.ssoIdentity.findUniqueOrThrow({ where: { provider_subject: { provider: PROVIDER, subject: sub } } })).toMatchObject({ userId: user.id });
    expect(await db.auditEvent.count({ where: { action: "auth.sso.linked", actorId: user.id } })).toBe(1);
    expect(await resolve({ sub, email: "A.Lier@CH-essai.fr", email_verified: true })).toMatchObject({ ok: true, linked: false });
  });

  it("an e-mail the IdP did not verify links nothing and is refused", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "non.verifie@ch-essai.fr" });
    for (const email_verified of [false, undefined]) {
      expect(await resolve({ sub: subject(), email: "non.verifie@ch-essai.fr", email_verified })).toEqual({ ok: false, reason: "SSO_UNVERIFIED_EMAIL" });
    }
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(0);
    // Filed under the account the unverified e-mail names.
    expect(await auditsOf("auth.sso.unverified-email", `user:${user.id}`)).toBe(2);
  });

  it("an identity linked to A whose e-mail now names another account B opens neither (mismatch, audited)", async () => {
    const a = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "compte.a@ch-essai.fr" });
    const b = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "compte.b@ch-essai.fr" });
    const sub = subject();
    await link(a.id, sub);
    expect(await resolve({ sub, email: "compte.b@ch-essai.fr", email_verified: true })).toEqual({ ok: false, reason: "SSO_MISMATCH" });
    expect(await auditsOf("auth.sso.mismatch", `user:${a.id}`)).toBe(1);
    expect(await db.ssoIdentity.count({ where: { userId: b.id } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("a second identity of the same IdP claiming an already linked account's e-mail is refused", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "deja.lie@ch-essai.fr" });
    await link(user.id, subject());
    expect(await resolve({ sub: subject(), email: "deja.lie@ch-essai.fr", email_verified: true })).toEqual({ ok: false, reason: "SSO_MISMATCH" });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an unknown person opens nothing, is audited, and goes to the account request with the IdP's e-mail", async () => {
    const sub = subject();
    expect(await resolve({ sub, email: "Inconnu@Ailleurs.fr", email_verified: true })).toEqual({ ok: false, reason: "UNKNOWN", email: "inconnu@ailleurs.fr" });
    expect(await auditsOf("auth.sso.unknown", "email:inconnu@ailleurs.fr")).toBe(1);
    expect(await db.ssoIdentity.count({ where: { subject: sub } })).toBe(0);
  });

  it("a disabled account is refused, linked or not, and is not linked", async () => {
    const linked = await createUser(db, { role: "ESTABLISHMENT_REFERENT", active: false });
    const sub = subject();
    await link(linked.id, sub);
    expect(await resolve({ sub })).toEqual({ ok: false, reason: "SSO_DISABLED" });
    const notLinked = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "desactive@ch-essai.fr", active: false });
    expect(await resolve({ sub: subject(), email: "desactive@ch-essai.fr", email_verified: true })).toEqual({ ok: false, reason: "SSO_DISABLED" });
    expect(await db.ssoIdentity.count({ where: { userId: notLinked.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.sso.disabled", actorId: { in: [linked.id, notLinked.id] } } })).toBe(2);
  });

  it.each(["ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"] as const)("a %s account needs the IdP to assert a second factor (amr mfa or an MFA acr)", async (role) => {
    const user = await createUser(db, { role, regionCode: role === "ARS_INSTRUCTOR" ? "84" : undefined });
    const sub = subject();
    await link(user.id, sub);
    expect(await resolve({ sub, amr: ["pwd"], acr: "eidas1" }, ["eidas2"])).toEqual({ ok: false, reason: "SSO_MFA_REQUIRED" });
    expect(await resolve({ sub }, ["eidas2"])).toEqual({ ok: false, reason: "SSO_MFA_REQUIRED" });
    expect(await db.auditEvent.count({ where: { action: "auth.sso.refused-mfa", actorId: user.id } })).toBe(2);
    expect(await resolve({ sub, amr: ["pwd", "otp", "mfa"] })).toMatchObject({ ok: true, userId: user.id });
    expect(await resolve({ sub, acr: "eidas2" }, ["eidas2"])).toMatchObject({ ok: true, userId: user.id });
  });

  it("a staff account found by its e-mail is not linked when the second factor is missing", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "admin.sso@sante.gouv.fr" });
    expect(await resolve({ sub: subject(), email: "admin.sso@sante.gouv.fr", email_verified: true, amr: ["pwd"] })).toEqual({ ok: false, reason: "SSO_MFA_REQUIRED" });
    expect(await db.ssoIdentity.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a referent signs in without a second factor", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
    const sub = subject();
    await link(user.id, sub);
    expect(await resolve({ sub, amr: ["pwd"] })).toMatchObject({ ok: true, userId: user.id });
  });
});

describe("assertsMultiFactor", () => {
  it("reads amr first, then the IdP's MFA acr values — never an acr the IdP did not list", () => {
    expect(assertsMultiFactor({ amr: ["mfa"] }, [])).toBe(true);
    expect(assertsMultiFactor({ amr: ["pwd", "otp"] }, [])).toBe(false);
    expect(assertsMultiFactor({ acr: "eidas3" }, ["eidas2", "eidas3"])).toBe(true);
    expect(assertsMultiFactor({ acr: "eidas1" }, ["eidas2", "eidas3"])).toBe(false);
    expect(assertsMultiFactor({}, ["eidas2"])).toBe(false);
  });
});

describe("openSsoSession", () => {
  it("opens a server-side session that resumeSession accepts, records the sign-in and audits it", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
    const sub = subject();
    await link(user.id, sub);
    const sessionId = await openSsoSession(db, { provider: PROVIDER, subject: sub, userId: user.id }, at);
    expect(sessionId).toEqual(expect.any(String));
    expect((await resumeSession(db, sessionId!))?.user.id).toBe(user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(at);
    expect((await db.ssoIdentity.findUniqueOrThrow({ where: { provider_subject: { provider: PROVIDER, subject: sub } } })).lastUsedAt).toEqual(at);
    expect(await db.auditEvent.count({ where: { action: "auth.sso.signed-in", actorId: user.id } })).toBe(1);
  });

  it("opens nothing for an account disabled between the decision and the session", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", active: false });
    expect(await openSsoSession(db, { provider: PROVIDER, subject: subject(), userId: user.id }, at)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("ssoSignIn (next-auth's signIn callback)", () => {
  const account = (sub: string) => ({ provider: PROVIDER, type: "oauth" as const, providerAccountId: sub });

  it("admits a known person and hands our user id to the jwt callback", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
    const sub = subject();
    await link(user.id, sub);
    const nextAuthUser = { id: sub };
    expect(await ssoSignIn(db, { user: nextAuthUser, account: account(sub), profile: { sub } })).toBe(true);
    expect(nextAuthUser).toMatchObject({ id: user.id, guichetUserId: user.id });
  });

  it("sends an unknown person to /inscription with the e-mail, and a refusal to /connexion with its code", async () => {
    const sub = subject();
    expect(await ssoSignIn(db, { user: { id: sub }, account: account(sub), profile: { sub, email: "personne@ailleurs.fr", email_verified: true } as never })).toBe(
      "/inscription?email=personne%40ailleurs.fr&sso=proconnect",
    );
    const staff = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    const staffSub = subject();
    await link(staff.id, staffSub);
    expect(await ssoSignIn(db, { user: { id: staffSub }, account: account(staffSub), profile: { sub: staffSub, acr: "eidas1" } as never })).toBe("/connexion?error=SSO_MFA_REQUIRED");
    // PROCONNECT_MFA_ACR lists eidas2: the same person at that level is admitted.
    expect(await ssoSignIn(db, { user: { id: staffSub }, account: account(staffSub), profile: { sub: staffSub, acr: "eidas2" } as never })).toBe(true);
  });

  it("refuses claims whose sub is not the account's, and a provider that is not configured", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
    const sub = subject();
    await link(user.id, sub);
    expect(await ssoSignIn(db, { user: { id: sub }, account: account("autre"), profile: { sub } })).toBe("/connexion?error=SSO_FAILED");
    expect(await ssoSignIn(db, { user: { id: sub }, account: { ...account(sub), provider: "pro-sante-connect" }, profile: { sub } })).toBe("/connexion?error=SSO_FAILED");
  });
});

describe("consentRefusalRedirect", () => {
  it("tells a refusal at the IdP apart, only on an SSO provider's callback", () => {
    expect(consentRefusalRedirect(new URL("http://localhost/api/auth/callback/proconnect?error=access_denied&state=x"))).toBe("/connexion?error=SSO_CONSENT_REFUSED");
    expect(consentRefusalRedirect(new URL("http://localhost/api/auth/callback/proconnect?error=server_error"))).toBeNull();
    expect(consentRefusalRedirect(new URL("http://localhost/api/auth/callback/credentials?error=access_denied"))).toBeNull();
    expect(consentRefusalRedirect(new URL("http://localhost/api/auth/callback/proconnect?code=abc"))).toBeNull();
  });
});
