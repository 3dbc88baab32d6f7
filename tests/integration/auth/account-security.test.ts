/** Issue 13: a referent opts into a second factor from the security page; staff keep at least one. */
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openEnrolment, removeFactor, renewRecoveryCodes, securityOf } from "@/lib/auth/second-factor/account-security";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/auth/second-factor/enrolment";
import { resumeSession } from "@/lib/auth/sessions";
import { completeSignIn, startSignIn } from "@/lib/auth/sign-in-flow";
import type { Database } from "@/lib/db/client";
import { asCurrentUser, createUser } from "../support/factories";
import { giveTotpFactor, signInAs } from "../support/sign-in";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let passwordHash: string;
const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  passwordHash = await hashPassword(PASSWORD);
});

async function sessionOf(email: string): Promise<string> {
  const done = await signInAs(db, email, PASSWORD);
  if (!done.ok || !("sessionId" in done)) throw new Error("sign-in failed");
  return done.sessionId;
}

describe("the security page", () => {
  it("lets a referent add an authenticator app: this session stays, the others end, and the next sign-in asks for a code", async () => {
    const row = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "volontaire@test.fr", passwordHash });
    const [here, elsewhere] = [await sessionOf(row.email), await sessionOf(row.email)];
    const user = { ...asCurrentUser(row), sessionId: here };
    const challenge = await openEnrolment(db, user);
    const offer = await beginTotpEnrolment(db, challenge);
    if (!offer.ok) throw new Error(offer.reason);
    const enrolled = await confirmTotpEnrolment(db, challenge, await generate({ secret: offer.secret }), "Mon téléphone", at, { keepSessionId: here });
    expect(enrolled.ok && enrolled.recoveryCodes).toHaveLength(10);
    expect(await resumeSession(db, here)).not.toBeNull();
    expect(await resumeSession(db, elsewhere)).toBeNull();
    // The enrolment's challenge is used up: it never opens a session.
    expect(await completeSignIn(db, { challenge }, at)).toEqual({ ok: false, reason: "CHALLENGE_EXPIRED" });
    const next = await startSignIn(db, row.email, PASSWORD, at, null);
    expect(next).toMatchObject({ ok: true, step: "VERIFY", factors: ["TOTP"] });
    expect(await securityOf(db, user)).toMatchObject({ factors: [{ kind: "TOTP", label: "Mon téléphone" }], recoveryCodesLeft: 10, mandatory: false });
  });

  it("keeps the session of another account out of reach: a session id of someone else ends like the rest", async () => {
    const row = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "prudent@test.fr", passwordHash });
    const own = await sessionOf(row.email);
    const stranger = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "etranger@test.fr", passwordHash });
    const strangers = await sessionOf(stranger.email);
    const challenge = await openEnrolment(db, asCurrentUser(row));
    const offer = await beginTotpEnrolment(db, challenge);
    if (!offer.ok) throw new Error(offer.reason);
    await confirmTotpEnrolment(db, challenge, await generate({ secret: offer.secret }), "", at, { keepSessionId: strangers });
    expect(await resumeSession(db, own)).toBeNull();
    expect(await resumeSession(db, strangers)).not.toBeNull();
  });

  it("refuses to remove the last factor of an instructor, allows a referent's, and renews recovery codes", async () => {
    const instructorRow = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "garde@test.fr", passwordHash });
    await giveTotpFactor(db, instructorRow.id);
    const instructor = asCurrentUser(instructorRow);
    const [factor] = (await securityOf(db, instructor)).factors;
    await expect(removeFactor(db, instructor, factor!.id, at)).rejects.toThrow("au moins un second facteur");

    const referentRow = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "retrait@test.fr", passwordHash });
    await giveTotpFactor(db, referentRow.id);
    const referent = asCurrentUser(referentRow);
    const first = await renewRecoveryCodes(db, referent, at);
    const second = await renewRecoveryCodes(db, referent, at);
    expect(second).not.toEqual(first);
    expect((await securityOf(db, referent)).recoveryCodesLeft).toBe(10);
    const [own] = (await securityOf(db, referent)).factors;
    await removeFactor(db, referent, own!.id, at);
    expect(await securityOf(db, referent)).toMatchObject({ factors: [], recoveryCodesLeft: 0 });
    expect(await db.auditEvent.count({ where: { actorId: referent.id, action: "auth.second-factor.removed" } })).toBe(1);
    // Someone else's factor is not found.
    await expect(removeFactor(db, referent, factor!.id, at)).rejects.toMatchObject({ userMessage: "Ce second facteur est introuvable." });
  });
});
