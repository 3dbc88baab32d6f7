/**
 * Issue 13: the second factor — mandatory for ARS, ANS and DNS accounts (enrolled at the first
 * sign-in), offered to referents; TOTP codes never accepted twice, recovery codes once, a DNS
 * reset for a lost factor (audited).
 */
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { resetSecondFactors } from "@/lib/admin/second-factor-reset";
import { hashPassword } from "@/lib/auth/password";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/auth/second-factor/enrolment";
import { resumeSession } from "@/lib/auth/sessions";
import { MAX_FACTOR_ATTEMPTS } from "@/lib/auth/sign-in-challenge";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in-flow";
import type { Database } from "@/lib/db/client";
import { asCurrentUser, createUser } from "../support/factories";
import { giveTotpFactor, signInAs } from "../support/sign-in";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let passwordHash: string;
const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");
const step = 30_000;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  passwordHash = await hashPassword(PASSWORD);
});

async function start(email: string) {
  const started = await startSignIn(db, email, PASSWORD, at, "192.0.2.40");
  if (!started.ok) throw new Error(started.reason);
  return started;
}

describe("the sign-in's second step", () => {
  it("lets a referent without a factor in with the password alone", async () => {
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "referent.simple@test.fr", passwordHash });
    const started = await start("referent.simple@test.fr");
    expect(started).toMatchObject({ step: "NONE", factors: [] });
    const done = await completeSignIn(db, { challenge: started.challenge }, at);
    expect(done).toMatchObject({ ok: true, factor: "password" });
    // A challenge serves once.
    expect(await completeSignIn(db, { challenge: started.challenge }, at)).toEqual({ ok: false, reason: "CHALLENGE_EXPIRED" });
  });

  it("makes an instructor without a factor enrol an authenticator app first; the sign-in then completes, with recovery codes shown once", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "instructeur.neuf@test.fr", passwordHash });
    const started = await start(user.email);
    expect(started.step).toBe("ENROL");
    expect(await completeSignIn(db, { challenge: started.challenge }, at)).toEqual({ ok: false, reason: "ENROLMENT_REQUIRED" });
    const offer = await beginTotpEnrolment(db, started.challenge);
    if (!offer.ok) throw new Error(offer.reason);
    expect(offer.uri).toMatch(/^otpauth:\/\/totp\/Guichet%20HospiConnect:instructeur\.neuf%40test\.fr\?secret=[A-Z2-7]+/);
    expect(offer.qrSvg).toMatch(/^<svg/);
    expect(await confirmTotpEnrolment(db, started.challenge, "000000", "", at)).toEqual({ ok: false, reason: "CODE_INVALID" });
    const enrolled = await confirmTotpEnrolment(db, started.challenge, await generate({ secret: offer.secret }), "Téléphone pro", at);
    expect(enrolled.ok && enrolled.recoveryCodes).toHaveLength(10);
    expect(enrolled.ok && enrolled.recoveryCodes[0]).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const factor = await db.secondFactor.findFirstOrThrow({ where: { userId: user.id } });
    // The secret is sealed at rest, never in clear.
    expect(factor).toMatchObject({ kind: "TOTP", label: "Téléphone pro" });
    expect(factor.totpSecret).not.toContain(offer.secret);
    const done = await completeSignIn(db, { challenge: started.challenge }, at);
    expect(done).toMatchObject({ ok: true, factor: "enrolled" });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.second-factor.enrolled" } })).toBe(1);
  });

  it("refuses a wrong code and the same code twice; takes the next one", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN", email: "admin.totp@test.fr", passwordHash });
    const secret = await giveTotpFactor(db, user.id);
    const first = await start(user.email);
    expect(first).toMatchObject({ step: "VERIFY", factors: ["TOTP"] });
    expect(await completeSignIn(db, { challenge: first.challenge, code: "123 456" }, at)).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    const code = await generate({ secret });
    expect(await completeSignIn(db, { challenge: first.challenge, code }, at)).toMatchObject({ ok: true, factor: "totp" });
    // Replayed in another sign-in: refused, although still within its 30 seconds.
    const second = await start(user.email);
    expect(await completeSignIn(db, { challenge: second.challenge, code }, at)).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
    const next = await generate({ secret, epoch: Math.floor((Date.now() + step) / 1000) });
    expect(await completeSignIn(db, { challenge: second.challenge, code: next }, at)).toMatchObject({ ok: true });
  });

  it(`ends a challenge after ${MAX_FACTOR_ATTEMPTS} wrong codes, and an expired one`, async () => {
    const user = await createUser(db, { role: "ANS_INSTRUCTOR", email: "ans.essais@test.fr", passwordHash });
    const secret = await giveTotpFactor(db, user.id);
    const started = await start(user.email);
    const reasons = [];
    for (let i = 0; i < MAX_FACTOR_ATTEMPTS; i += 1) reasons.push((await completeSignIn(db, { challenge: started.challenge, code: String(100000 + i) }, at)) as { reason: string });
    expect(reasons.map((r) => r.reason)).toEqual([...Array(MAX_FACTOR_ATTEMPTS - 1).fill("SECOND_FACTOR_INVALID"), "CHALLENGE_EXPIRED"]);
    expect(await completeSignIn(db, { challenge: started.challenge, code: await generate({ secret }) }, at)).toEqual({ ok: false, reason: "CHALLENGE_EXPIRED" });
    const late = await start(user.email);
    await db.signInChallenge.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await completeSignIn(db, { challenge: late.challenge, code: await generate({ secret }) }, at)).toEqual({ ok: false, reason: "CHALLENGE_EXPIRED" });
  });

  it("accepts each recovery code once", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53", email: "secours@test.fr", passwordHash });
    const started = await start(user.email);
    const offer = await beginTotpEnrolment(db, started.challenge);
    const enrolled = offer.ok ? await confirmTotpEnrolment(db, started.challenge, await generate({ secret: offer.secret }), "", at) : null;
    const codes = enrolled?.ok ? enrolled.recoveryCodes : [];
    const withCode = await start(user.email);
    expect(await completeSignIn(db, { challenge: withCode.challenge, recoveryCode: codes[3]!.toLowerCase() }, at)).toMatchObject({ ok: true, factor: "recovery-code" });
    const again = await start(user.email);
    expect(await completeSignIn(db, { challenge: again.challenge, recoveryCode: codes[3]! }, at)).toEqual({ ok: false, reason: "SECOND_FACTOR_INVALID" });
  });

  it("lets the DNS reset a lost factor: audited, sessions ended, a new enrolment at the next sign-in", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "perdu@test.fr", passwordHash });
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const secret = await giveTotpFactor(db, user.id);
    const signedIn = await signInAs(db, user.email, PASSWORD, { totpSecret: secret });
    expect(signedIn.ok).toBe(true);
    await expect(resetSecondFactors(db, asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" })), user.id, at)).rejects.toThrow();
    expect(await resetSecondFactors(db, admin, user.id, at)).toEqual({ removed: 1 });
    expect(signedIn.ok && "sessionId" in signedIn && (await resumeSession(db, signedIn.sessionId))).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { action: "admin.account.second-factor-reset", subject: `user:${user.id}` } })).toMatchObject({ actorId: admin.id });
    expect((await start(user.email)).step).toBe("ENROL");
    await expect(resetSecondFactors(db, admin, user.id, at)).rejects.toThrow("pas de second facteur");
  });
});
