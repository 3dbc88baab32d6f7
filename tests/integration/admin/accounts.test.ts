/**
 * Account administration on a real PostgreSQL: creation with a set-password
 * link through the outbox, one-time links, the last-admin rule under
 * concurrency, referent removal, and DNS_ADMIN-only domain functions.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  LAST_ADMIN_MESSAGE,
  createStaffAccount,
  listAccounts,
  passwordTokenStatus,
  removeReferentLink,
  resendPasswordLink,
  searchReferents,
  setAccountActive,
  setPasswordWithToken,
} from "@/lib/admin/accounts";
import type { CurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { asCurrentUser, createLegalEntity, createRegion, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let admin: CurrentUser;
const at = new Date("2026-03-10T09:00:00Z");
const options = { at, baseUrl: "https://guichet.example.fr/" };

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  await createRegion(db, "84", "Auvergne-Rhône-Alpes");
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
});

async function tokenOf(email: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "account-set-password" }, orderBy: { createdAt: "desc" } });
  const match = /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(mail.textBody);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("creating an ARS instructor", () => {
  it("writes the account, an outbox e-mail with the link, only the SHA-256 of the token (72 h), and the audit", async () => {
    const { userId } = await createStaffAccount(db, admin, { email: "  Claire.Martin@ARS.sante.fr ", name: "Claire Martin", role: "ARS_INSTRUCTOR", regionCode: "84" }, options);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: "claire.martin@ars.sante.fr", role: "ARS_INSTRUCTOR", regionCode: "84", active: true });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: user.email } });
    expect(mail.template).toBe("account-set-password");
    expect(mail.textBody).toContain("https://guichet.example.fr/mot-de-passe/");
    const token = await tokenOf(user.email);
    const stored = await db.passwordSetToken.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - at.getTime()).toBe(72 * 3_600_000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.account.created", subject: `user:${userId}` } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit).toMatchObject({ before: null, after: { email: "claire.martin@ars.sante.fr", role: "ARS_INSTRUCTOR", regionCode: "84" } });
    expect(audit.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a duplicate e-mail with a French message on the e-mail field", async () => {
    await createStaffAccount(db, admin, { email: "doublon@ars.sante.fr", name: "A", role: "DNS_ADMIN" }, options);
    const error = await createStaffAccount(db, admin, { email: "DOUBLON@ars.sante.fr", name: "B", role: "DNS_ADMIN" }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.email).toEqual(["Un compte existe déjà avec cette adresse e-mail."]);
  });

  it("requires the region of an instructor", async () => {
    const error = await createStaffAccount(db, admin, { email: "sans-region@ars.sante.fr", name: "A", role: "ARS_INSTRUCTOR" }, options).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.regionCode).toBeDefined();
  });
});

describe("creating an ANS instructor", () => {
  it("a national account: no region needed, none stored even if one is sent; a set-password link and the audit as for the others", async () => {
    const { userId } = await createStaffAccount(db, admin, { email: "Camille.Fontaine@esante.gouv.fr", name: "Camille Fontaine", role: "ANS_INSTRUCTOR" }, options);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: "camille.fontaine@esante.gouv.fr", role: "ANS_INSTRUCTOR", regionCode: null, active: true });
    expect(await tokenOf("camille.fontaine@esante.gouv.fr")).toHaveLength(43);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.account.created", subject: `user:${userId}` } });
    expect(audit.after).toMatchObject({ role: "ANS_INSTRUCTOR", regionCode: null });

    const withRegion = await createStaffAccount(db, admin, { email: "ans.region@esante.gouv.fr", name: "Avec Région", role: "ANS_INSTRUCTOR", regionCode: "84" }, options);
    expect((await db.user.findUniqueOrThrow({ where: { id: withRegion.userId } })).regionCode).toBeNull();
    expect((await listAccounts(db, admin, { role: "ANS_INSTRUCTOR" })).map((row) => row.email).sort()).toEqual(["ans.region@esante.gouv.fr", "camille.fontaine@esante.gouv.fr"]);
  });

  it("only the DNS creates one", async () => {
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    await expect(createStaffAccount(db, ans, { email: "x@esante.gouv.fr", name: "X", role: "ANS_INSTRUCTOR" }, options)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("set-password link", () => {
  it("sets the password once; a second use is refused", async () => {
    await createStaffAccount(db, admin, { email: "une-fois@ars.sante.fr", name: "Une Fois", role: "ARS_INSTRUCTOR", regionCode: "84" }, options);
    const token = await tokenOf("une-fois@ars.sante.fr");
    const later = new Date(at.getTime() + 3_600_000);
    expect(await passwordTokenStatus(db, token, later)).toBe("valid");
    await setPasswordWithToken(db, token, "un mot de passe solide", later);
    const user = await db.user.findUniqueOrThrow({ where: { email: "une-fois@ars.sante.fr" } });
    expect(await verifyPassword("un mot de passe solide", user.passwordHash)).toBe(true);
    expect(await passwordTokenStatus(db, token, later)).toBe("used");
    await expect(setPasswordWithToken(db, token, "un autre mot de passe", later)).rejects.toThrow(/déjà été utilisé/);
  });

  it("refuses an expired link (after 72 h) and an unknown one", async () => {
    await createStaffAccount(db, admin, { email: "expire@ars.sante.fr", name: "Expiré", role: "DNS_ADMIN" }, options);
    const token = await tokenOf("expire@ars.sante.fr");
    const tooLate = new Date(at.getTime() + 72 * 3_600_000 + 1);
    expect(await passwordTokenStatus(db, token, tooLate)).toBe("expired");
    await expect(setPasswordWithToken(db, token, "un mot de passe solide", tooLate)).rejects.toThrow(/expiré/);
    await expect(setPasswordWithToken(db, "A".repeat(43), "un mot de passe solide", at)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("a resent link replaces the previous one, and is audited", async () => {
    const { userId } = await createStaffAccount(db, admin, { email: "renvoi@ars.sante.fr", name: "Renvoi", role: "DNS_ADMIN" }, options);
    const first = await tokenOf("renvoi@ars.sante.fr");
    const later = new Date(at.getTime() + 60_000);
    await resendPasswordLink(db, admin, userId, { ...options, at: later });
    const second = (await db.outboxEmail.findMany({ where: { toAddress: "renvoi@ars.sante.fr" } })).length;
    expect(second).toBe(2);
    const token = await tokenOf("renvoi@ars.sante.fr");
    expect(token).not.toBe(first);
    expect(await passwordTokenStatus(db, first, later)).toBe("expired");
    expect(await passwordTokenStatus(db, token, later)).toBe("valid");
    expect(await db.auditEvent.count({ where: { action: "admin.account.password-link", subject: `user:${userId}` } })).toBe(1);
  });
});

describe("disabling accounts", () => {
  it("disables and re-enables an account, audited before → after", async () => {
    const instructor = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    await setAccountActive(db, admin, instructor.id, false, at);
    expect((await db.user.findUniqueOrThrow({ where: { id: instructor.id } })).active).toBe(false);
    await setAccountActive(db, admin, instructor.id, true, at);
    expect((await db.user.findUniqueOrThrow({ where: { id: instructor.id } })).active).toBe(true);
    const audits = await db.auditEvent.findMany({ where: { subject: `user:${instructor.id}` }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => [audit.action, audit.before, audit.after, audit.details])).toEqual([
      ["admin.account.disabled", { active: true }, { active: false }, { email: instructor.email }],
      ["admin.account.enabled", { active: false }, { active: true }, { email: instructor.email }],
    ]);
  });
});

describe("the last active admin", () => {
  it("cannot be disabled, even by two admins disabling each other at the same time", async () => {
    // Its own database so the other tests' admins do not count.
    const own = (await useTestDatabase()).db;
    const first = asCurrentUser(await createUser(own, { role: "DNS_ADMIN" }));
    const second = asCurrentUser(await createUser(own, { role: "DNS_ADMIN" }));
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.allSettled([setAccountActive(own, first, second.id, false, at), setAccountActive(own, second, first.id, false, at)]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(InvalidStateError);
      expect(((refused as PromiseRejectedResult).reason as InvalidStateError).userMessage).toBe(LAST_ADMIN_MESSAGE);
      expect(await own.user.count({ where: { role: "DNS_ADMIN", active: true } })).toBe(1);
      await own.user.updateMany({ where: { role: "DNS_ADMIN" }, data: { active: true } });
    }
    await setAccountActive(own, first, second.id, false, at);
    await expect(setAccountActive(own, first, first.id, false, at)).rejects.toThrow(LAST_ADMIN_MESSAGE);
  });
});

describe("establishment referents", () => {
  it("finds an EJ by FINESS or name and removes one referent link, audited", async () => {
    const ej = await createLegalEntity(db, { regionCode: "84", name: "Centre hospitalier de Vichy-Test" });
    const other = await createLegalEntity(db, { regionCode: "84" });
    const referent = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess, other.finess] });
    const byName = await searchReferents(db, admin, "vichy-test");
    expect(byName.map((row) => row.finess)).toEqual([ej.finess]);
    expect(byName[0]!.referents.map((row) => row.userId)).toEqual([referent.id]);
    expect((await searchReferents(db, admin, ej.finess)).map((row) => row.finess)).toEqual([ej.finess]);
    await removeReferentLink(db, admin, referent.id, ej.finess, at);
    expect(await db.referentLink.findMany({ where: { userId: referent.id }, select: { legalEntityFiness: true } })).toEqual([{ legalEntityFiness: other.finess }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.account.referent.removed", subject: `user:${referent.id}` } });
    expect(audit).toMatchObject({ details: { legalEntityFiness: ej.finess }, after: { legalEntities: [other.finess] } });
    await expect(removeReferentLink(db, admin, referent.id, ej.finess, at)).rejects.toThrow();
  });
});

describe("only DNS admins", () => {
  it("gets ForbiddenError from every domain function when not an admin", async () => {
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const target = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    await expect(listAccounts(db, instructor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createStaffAccount(db, instructor, { email: "x@ars.sante.fr", name: "X", role: "DNS_ADMIN" }, options)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setAccountActive(db, instructor, target.id, false, at)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendPasswordLink(db, instructor, target.id, options)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchReferents(db, instructor, "CH")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeReferentLink(db, instructor, target.id, "000000000", at)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists accounts filtered by role and region", async () => {
    const rows = await listAccounts(db, admin, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.role === "ARS_INSTRUCTOR" && row.regionCode === "84")).toBe(true);
  });
});
