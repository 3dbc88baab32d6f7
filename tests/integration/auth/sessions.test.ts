/**
 * Issue 13: the JWT names a server-side session; signing out, a new password or a disabled
 * account ends every session of the account at once, and an idle session expires.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf, IDLE_TIMEOUT_MINUTES, resumeSession, SESSION_MAX_HOURS } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import { hashToken, setAccountActive, setPasswordWithToken } from "@/lib/admin/accounts";
import { asCurrentUser, createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let passwordHash: string;
const PASSWORD = "Un-mot-de-passe-solide-42";
const at = new Date("2026-06-01T08:00:00Z");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  passwordHash = await hashPassword(PASSWORD);
});

async function signIn(email: string): Promise<string> {
  const result = await signInAs(db, email, PASSWORD, { at, address: "192.0.2.10" });
  if (!result.ok) throw new Error(result.reason);
  return result.sessionId;
}

describe("server-side sessions", () => {
  it("resumes an open session with its account and scope", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "ouverte@test.fr", passwordHash });
    const session = await resumeSession(db, await signIn("ouverte@test.fr"));
    expect(session).toMatchObject({ userId: user.id, user: { email: "ouverte@test.fr", role: "ESTABLISHMENT_REFERENT" } });
    expect(await resumeSession(db, "not-a-session")).toBeNull();
  });

  it("ends every session of the account at once (sign-out from one browser ends the other)", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "deux.navigateurs@test.fr", passwordHash });
    const [laptop, phone] = [await signIn(user.email), await signIn(user.email)];
    const other = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "autre@test.fr", passwordHash });
    const othersSession = await signIn(other.email);
    expect(await endSessionsOf(db, user.id, "sign-out")).toBe(2);
    expect(await resumeSession(db, laptop)).toBeNull();
    expect(await resumeSession(db, phone)).toBeNull();
    expect(await resumeSession(db, othersSession)).not.toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: laptop } })).toMatchObject({ endReason: "sign-out" });
  });

  it(`expires after ${IDLE_TIMEOUT_MINUTES} idle minutes and after ${SESSION_MAX_HOURS} hours whatever the activity`, async () => {
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "inactive@test.fr", passwordHash });
    const id = await signIn("inactive@test.fr");
    const start = (await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();
    expect(await resumeSession(db, id, new Date(start + (IDLE_TIMEOUT_MINUTES - 1) * 60_000))).not.toBeNull();
    // Activity moved lastSeenAt: 29 more minutes are fine, then 31 idle minutes are not.
    expect(await resumeSession(db, id, new Date(start + (2 * IDLE_TIMEOUT_MINUTES - 2) * 60_000))).not.toBeNull();
    expect(await resumeSession(db, id, new Date(start + (3 * IDLE_TIMEOUT_MINUTES) * 60_000))).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "idle" });

    const busy = await signIn("inactive@test.fr");
    const opened = (await db.userSession.findUniqueOrThrow({ where: { id: busy } })).createdAt.getTime();
    for (let minutes = 20; minutes < SESSION_MAX_HOURS * 60; minutes += 20) expect(await resumeSession(db, busy, new Date(opened + minutes * 60_000))).not.toBeNull();
    expect(await resumeSession(db, busy, new Date(opened + SESSION_MAX_HOURS * 3_600_000 + 60_000))).toBeNull();
  });

  it("is out at once when the DNS disables the account", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "desactive@test.fr", passwordHash });
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const id = await signIn(user.email);
    await setAccountActive(db, admin, user.id, false, at);
    expect(await resumeSession(db, id)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "disabled" });
  });

  it("ends every session when the password is changed through a set-password link", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "nouveau.mdp@test.fr", passwordHash });
    const id = await signIn(user.email);
    await db.passwordSetToken.create({ data: { userId: user.id, tokenHash: hashToken("jeton-de-test"), expiresAt: new Date(at.getTime() + 3_600_000) } });
    await setPasswordWithToken(db, "jeton-de-test", "Un-autre-mot-de-passe-solide-43", at);
    expect(await resumeSession(db, id)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "password" });
  });
});
