import { describe, expect, it } from "vitest";
import { createAccountSchema, looksLikeToken, passwordLinkExpiry, passwordLinkMail, passwordTokenState, setPasswordSchema } from "@/lib/admin/account-schemas";

const at = new Date("2026-03-10T09:00:00Z");

describe("set-password token state", () => {
  it.each([
    ["unknown when no token has that hash", null, "unknown"],
    ["used once usedAt is set, even if not expired", { expiresAt: new Date("2026-03-11T09:00:00Z"), usedAt: at }, "used"],
    ["expired at its expiry instant", { expiresAt: at, usedAt: null }, "expired"],
    ["valid before its expiry", { expiresAt: new Date(at.getTime() + 1), usedAt: null }, "valid"],
  ] as const)("%s", (_rule, token, expected) => {
    expect(passwordTokenState(token, at)).toBe(expected);
  });

  it("a link is valid 72 hours", () => {
    expect(passwordLinkExpiry(at).toISOString()).toBe("2026-03-13T09:00:00.000Z");
  });

  it("only 43-character base64url tokens are looked up", () => {
    expect(looksLikeToken("a".repeat(43))).toBe(true);
    expect(looksLikeToken("a".repeat(42))).toBe(false);
    expect(looksLikeToken(`${"a".repeat(42)}/`)).toBe(false);
  });
});

describe("account form", () => {
  it("lower-cases and trims the e-mail; an admin has no region", () => {
    const parsed = createAccountSchema.parse({ email: " Jean.Dupont@Sante.GOUV.fr ", name: " Jean Dupont ", role: "DNS_ADMIN", regionCode: "84" });
    expect(parsed).toEqual({ email: "jean.dupont@sante.gouv.fr", name: "Jean Dupont", role: "DNS_ADMIN", regionCode: undefined });
  });

  it("an instructor needs a region, in French next to the field", () => {
    const result = createAccountSchema.safeParse({ email: "a@ars.sante.fr", name: "A", role: "ARS_INSTRUCTOR" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["regionCode", "Choisissez la région de l'instructeur ARS."]]);
  });

  it("an ANS instructor is national: no region needed, and a region given is dropped", () => {
    expect(createAccountSchema.parse({ email: "a@esante.gouv.fr", name: "A", role: "ANS_INSTRUCTOR" })).toEqual({ email: "a@esante.gouv.fr", name: "A", role: "ANS_INSTRUCTOR", regionCode: undefined });
    expect(createAccountSchema.parse({ email: "a@esante.gouv.fr", name: "A", role: "ANS_INSTRUCTOR", regionCode: "84" }).regionCode).toBeUndefined();
  });

  it("refuses an invalid e-mail", () => {
    expect(createAccountSchema.safeParse({ email: "pas-une-adresse", name: "A", role: "DNS_ADMIN" }).success).toBe(false);
  });
});

describe("password form", () => {
  it("needs 12 characters and a matching confirmation", () => {
    const short = setPasswordSchema.safeParse({ token: "t", password: "onze-carac.", confirmation: "onze-carac." });
    expect(short.error?.issues[0]?.path).toEqual(["password"]);
    const mismatch = setPasswordSchema.safeParse({ token: "t", password: "douze-caract", confirmation: "douze-caracT" });
    expect(mismatch.error?.issues.map((issue) => issue.path.join("."))).toEqual(["confirmation"]);
    expect(setPasswordSchema.safeParse({ token: "t", password: "douze-caract", confirmation: "douze-caract" }).success).toBe(true);
  });
});

describe("set-password e-mail", () => {
  it("carries the link and the Paris expiry", () => {
    const mail = passwordLinkMail({ name: "Claire", link: "https://g.fr/mot-de-passe/abc", expiresAt: new Date("2026-03-13T09:00:00Z"), reason: "created" });
    expect(mail.subject).toBe("Guichet HospiConnect : définissez votre mot de passe");
    expect(mail.text).toContain("https://g.fr/mot-de-passe/abc");
    expect(mail.text).toContain("13 mars 2026 à 10:00");
  });
});
