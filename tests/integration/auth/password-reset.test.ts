/** Issue 13: « Mot de passe oublié ? » — a single-use, expiring link, the same answer for any address. */
import { beforeAll, describe, expect, it } from "vitest";
import { passwordTokenStatus, setPasswordWithToken } from "@/lib/admin/accounts";
import { hashPassword } from "@/lib/auth/password";
import { PASSWORD_RESET_TEMPLATE, passwordResetSchema, requestPasswordReset, RESET_LINK_VALIDITY_MINUTES } from "@/lib/auth/password-reset";
import { resumeSession } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { signInAs } from "../support/sign-in";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const at = new Date("2026-06-01T08:00:00Z");
const options = { at, baseUrl: "https://guichet.test" };
const OLD = "Ancien-mot-de-passe-solide";
const NEW = "Nouveau-mot-de-passe-solide";

beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

const tokenIn = (text: string) => text.match(/https:\/\/guichet\.test\/mot-de-passe\/([A-Za-z0-9_-]{43})/)?.[1] ?? "";

describe("requestPasswordReset", () => {
  it("answers alike for a known and an unknown address; only the account's owner receives a link, which works once and ends the sessions", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "oubli@test.fr", passwordHash: await hashPassword(OLD) });
    const signedIn = await signInAs(db, user.email, OLD, { at });
    expect(await requestPasswordReset(db, "oubli@test.fr", options)).toEqual({ ok: true });
    expect(await requestPasswordReset(db, "personne@test.fr", options)).toEqual({ ok: true });
    const mails = await db.outboxEmail.findMany({ where: { template: PASSWORD_RESET_TEMPLATE } });
    expect(mails.map((mail) => mail.toAddress)).toEqual(["oubli@test.fr"]);
    expect(mails[0]!.textBody).toMatch(/expire le 1 juin 2026 à 11:00 \(heure de Paris\)/);
    const token = tokenIn(mails[0]!.textBody);
    expect(await passwordTokenStatus(db, token, at)).toBe("valid");
    await setPasswordWithToken(db, token, NEW, at);
    expect((await signInAs(db, user.email, NEW, { at })).ok).toBe(true);
    expect(signedIn.ok && "sessionId" in signedIn && (await resumeSession(db, signedIn.sessionId))).toBeNull();
    await expect(setPasswordWithToken(db, token, "Encore-un-autre-mot-de-passe", at)).rejects.toThrow();
    expect(await passwordTokenStatus(db, token, at)).toBe("used");
  });

  it(`expires after ${RESET_LINK_VALIDITY_MINUTES} minutes, and a new link supersedes the previous one`, async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "expire@test.fr" });
    await requestPasswordReset(db, "expire@test.fr", options);
    await requestPasswordReset(db, "expire@test.fr", options);
    const [first, second] = (await db.outboxEmail.findMany({ where: { toAddress: "expire@test.fr" }, orderBy: { id: "asc" } })).map((mail) => tokenIn(mail.textBody));
    expect(await passwordTokenStatus(db, first!, at)).toBe("expired");
    expect(await passwordTokenStatus(db, second!, new Date(at.getTime() + (RESET_LINK_VALIDITY_MINUTES - 1) * 60_000))).toBe("valid");
    expect(await passwordTokenStatus(db, second!, new Date(at.getTime() + (RESET_LINK_VALIDITY_MINUTES + 1) * 60_000))).toBe("expired");
  });

  it("sends nothing for a disabled account, with the same answer", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "ferme@test.fr", active: false });
    expect(await requestPasswordReset(db, "ferme@test.fr", options)).toEqual({ ok: true });
    expect(await db.outboxEmail.count({ where: { toAddress: "ferme@test.fr" } })).toBe(0);
  });

  it("limits the requests per e-mail the same way whether it has an account or not", async () => {
    await createUser(db, { role: "DNS_ADMIN", email: "insistant@test.fr" });
    for (const email of ["insistant@test.fr", "fantome@test.fr"]) {
      const outcomes = [];
      for (let i = 0; i < 4; i += 1) outcomes.push((await requestPasswordReset(db, email, options)).ok);
      expect(outcomes).toEqual([true, true, true, false]);
    }
    expect(await db.outboxEmail.count({ where: { toAddress: "insistant@test.fr" } })).toBe(3);
  });

  it("refuses a malformed e-mail with a French message", () => {
    const parsed = passwordResetSchema.safeParse({ email: "pas-une-adresse" });
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe("Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.");
    expect(passwordResetSchema.parse({ email: "  Nom@Domaine.FR " }).email).toBe("nom@domaine.fr");
  });
});
