/**
 * Account requests on a real PostgreSQL (issue 13 §1): the public request, the e-mail link
 * (single use, expiring, only its SHA-256 stored), the approval by the EJ's referent or, when the
 * EJ has none, by its ARS, the refusal, and who may see and decide.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ALREADY_DECIDED_MESSAGE,
  DUPLICATE_REQUEST_MESSAGE,
  closedFinessMessage,
  confirmRequestEmail,
  decideAccountRequest,
  emailLinkStatus,
  listRequestsToDecide,
  submitAccountRequest,
  unknownFinessMessage,
} from "@/lib/accounts/account-requests";
import { EMAIL_LINK_MESSAGES } from "@/lib/accounts/request-schemas";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { asCurrentUser, createGht, createLegalEntity, createSite, createUser, nextFiness } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const at = new Date("2026-03-10T09:00:00Z");
const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
const options = { at, baseUrl: "https://guichet.example.fr/" };
let emailSequence = 0;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

function newEmail(): string {
  emailSequence += 1;
  return `demandeur${emailSequence}-${process.pid}@chu-exemple.fr`;
}

async function confirmationToken(email: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "account-request-confirm-email" }, orderBy: { createdAt: "desc" } });
  const match = /\/inscription\/confirmer\/([A-Za-z0-9_-]{43})/.exec(mail.textBody);
  expect(match).not.toBeNull();
  return match![1]!;
}

async function ask(finess: string, email = newEmail(), at_ = at) {
  const result = await submitAccountRequest(db, { name: "Camille Durand", email, finess, jobTitle: "Directrice des systèmes d'information" }, { ...options, at: at_ });
  return { ...result, email };
}

/** A request whose e-mail is confirmed, waiting for its approvers. */
async function confirmedRequest(finess: string) {
  const request = await ask(finess);
  await confirmRequestEmail(db, await confirmationToken(request.email), { ...options, at: later(1) });
  return request;
}

async function referentOf(finess: string) {
  const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [finess] });
  return asCurrentUser(user, [finess]);
}

describe("asking for an account", () => {
  it("records the request, e-mails a confirmation link and stores only the token's SHA-256 (48 h), with the audit", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { requestId, email } = await ask(entity.finess, " Camille.Durand@CHU-Exemple.fr ".replace("Camille", `C${process.pid}`));
    const stored = await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored).toMatchObject({ email: email.trim().toLowerCase(), legalEntityFiness: entity.finess, status: "EMAIL_PENDING" });
    const token = await confirmationToken(stored.email);
    expect(stored.emailTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.emailTokenExpiresAt!.getTime() - at.getTime()).toBe(48 * 3_600_000);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: stored.email } });
    expect(mail.textBody).toContain(`https://guichet.example.fr/inscription/confirmer/${token}`);
    expect(mail.textBody).toContain(entity.finess);
    expect(await db.auditEvent.findFirst({ where: { action: "account.request.submitted", subject: `account-request:${requestId}` } })).not.toBeNull();
  });

  it("resolves the FINESS of an EG to its EJ, and keeps the number typed", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const site = await createSite(db, { legalEntityFiness: entity.finess });
    const { requestId } = await ask(site.finess);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ legalEntityFiness: entity.finess, requestedFiness: site.finess });
  });

  it("refuses an unknown FINESS on its field, and writes nothing", async () => {
    const finess = nextFiness();
    const email = newEmail();
    const error = await ask(finess, email).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.finess).toEqual([unknownFinessMessage(finess)]);
    expect(await db.accountRequest.count({ where: { email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(0);
  });

  it("refuses an EJ the register closed", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const closedOn = new Date("2025-12-31T00:00:00Z");
    await db.legalEntity.update({ where: { finess: entity.finess }, data: { closedOn } });
    const error = await ask(entity.finess).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.finess).toEqual([closedFinessMessage(entity.finess, closedOn)]);
    expect(closedFinessMessage(entity.finess, closedOn)).toContain("31 décembre 2025");
  });

  it("refuses a malformed FINESS with the field's French message", async () => {
    const error = await ask("12345").catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.finess?.[0]).toMatch(/9 caractères/);
  });

  it("refuses a second open request of the same person for the same EJ, creating nothing", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { email } = await ask(entity.finess);
    const error = await ask(entity.finess, email.toUpperCase()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStateError);
    expect((error as InvalidStateError).userMessage).toBe(DUPLICATE_REQUEST_MESSAGE);
    expect(await db.accountRequest.count({ where: { email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.request.submitted", details: { path: ["email"], equals: email } } })).toBe(1);
  });

  it("refuses the second of two requests sent at the same instant", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const email = newEmail();
    const results = await Promise.allSettled([ask(entity.finess, email), ask(entity.finess, email)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.accountRequest.count({ where: { email } })).toBe(1);
  });

  it("accepts a new request once the previous link expired unused", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { email, requestId } = await ask(entity.finess);
    await ask(entity.finess, email, later(49));
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "EXPIRED", openKey: null });
  });
});

describe("the e-mail confirmation link", () => {
  it("works once: the request then waits for approval and the EJ's referent is told", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const { email, requestId } = await ask(entity.finess);
    const token = await confirmationToken(email);
    expect(await emailLinkStatus(db, token, later(1))).toBe("valid");
    await confirmRequestEmail(db, token, { ...options, at: later(1) });
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING_APPROVAL", emailConfirmedAt: later(1) });
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: referent.email, template: "account-request-to-approve" } });
    expect(notice.textBody).toContain(`/etablissement/equipe?ej=${entity.finess}`);

    expect(await emailLinkStatus(db, token, later(2))).toBe("used");
    const reused = await confirmRequestEmail(db, token, { ...options, at: later(2) }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(InvalidStateError);
    expect((reused as InvalidStateError).userMessage).toBe(EMAIL_LINK_MESSAGES.used);
  });

  it("refuses an expired link, and the request stays unconfirmed", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { email, requestId } = await ask(entity.finess);
    const token = await confirmationToken(email);
    expect(await emailLinkStatus(db, token, later(48))).toBe("expired");
    const error = await confirmRequestEmail(db, token, { ...options, at: later(48) }).catch((e: unknown) => e);
    expect((error as InvalidStateError).userMessage).toBe(EMAIL_LINK_MESSAGES.expired);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "EMAIL_PENDING", emailConfirmedAt: null });
  });

  it("refuses a token nobody was sent", async () => {
    const error = await confirmRequestEmail(db, "x".repeat(43), options).catch((e: unknown) => e);
    expect((error as InvalidStateError).userMessage).toBe(EMAIL_LINK_MESSAGES.unknown);
  });

  it("tells the region's ARS instructors when the EJ has no active referent", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [entity.finess], active: false });
    const instructor = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    const other = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "11" });
    await confirmedRequest(entity.finess);
    expect(await db.outboxEmail.count({ where: { toAddress: instructor.email, template: "account-request-to-approve" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: other.email } })).toBe(0);
  });
});

describe("approval", () => {
  it("by a referent of the EJ: creates the referent account and its link, e-mails a set-password link, audits", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const { requestId, email } = await confirmedRequest(entity.finess);
    expect((await listRequestsToDecide(db, referent)).map((row) => row.id)).toEqual([requestId]);

    const { userId } = await decideAccountRequest(db, referent, { requestId, decision: "approve" }, { ...options, at: later(3) });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! }, include: { legalEntities: true } });
    expect(user).toMatchObject({ email, role: "ESTABLISHMENT_REFERENT", jobTitle: "Directrice des systèmes d'information", active: true });
    expect(user.legalEntities.map((link) => link.legalEntityFiness)).toEqual([entity.finess]);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "account-set-password" } });
    expect(mail.textBody).toMatch(/\/mot-de-passe\/[A-Za-z0-9_-]{43}/);
    expect(await db.passwordSetToken.count({ where: { userId: userId! } })).toBe(1);
    const request = await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: referent.id, userId, openKey: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "account.request.approved", subject: `account-request:${requestId}` } });
    expect(audit).toMatchObject({ actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT" });
    expect(await listRequestsToDecide(db, referent)).toEqual([]);

    const twice = await decideAccountRequest(db, referent, { requestId, decision: "approve" }, options).catch((e: unknown) => e);
    expect((twice as InvalidStateError).userMessage).toBe(ALREADY_DECIDED_MESSAGE);
  });

  it("by the ARS of the region when the EJ has no active referent; not while it has one", async () => {
    const orphan = await createLegalEntity(db, { regionCode: "84" });
    const staffed = await createLegalEntity(db, { regionCode: "84" });
    await referentOf(staffed.finess);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const forOrphan = await confirmedRequest(orphan.finess);
    const forStaffed = await confirmedRequest(staffed.finess);

    const visible = (await listRequestsToDecide(db, instructor)).map((row) => row.id);
    expect(visible).toContain(forOrphan.requestId);
    expect(visible).not.toContain(forStaffed.requestId);
    await expect(decideAccountRequest(db, instructor, { requestId: forStaffed.requestId, decision: "approve" }, options)).rejects.toBeInstanceOf(ForbiddenError);

    const { userId } = await decideAccountRequest(db, instructor, { requestId: forOrphan.requestId, decision: "approve" }, options);
    expect(await db.referentLink.count({ where: { userId: userId!, legalEntityFiness: orphan.finess } })).toBe(1);
  });

  it("refuses an ARS instructor of another region, who does not see the request either", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { requestId } = await confirmedRequest(entity.finess);
    const stranger = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "11" }));
    expect((await listRequestsToDecide(db, stranger)).map((row) => row.id)).not.toContain(requestId);
    await expect(decideAccountRequest(db, stranger, { requestId, decision: "approve" }, options)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING_APPROVAL" });
  });

  it("a referent of another EJ neither sees nor decides the request", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const otherEntity = await createLegalEntity(db, { regionCode: "84" });
    await referentOf(entity.finess);
    const outsider = await referentOf(otherEntity.finess);
    const { requestId } = await confirmedRequest(entity.finess);
    expect((await listRequestsToDecide(db, outsider)).map((row) => row.id)).not.toContain(requestId);
    expect(await listRequestsToDecide(db, outsider, { legalEntityFiness: entity.finess })).toEqual([]);
    await expect(decideAccountRequest(db, outsider, { requestId, decision: "refuse", reason: "Personne inconnue du service." }, options)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING_APPROVAL" });
  });

  it("an ANS instructor (national, CaRE only) neither lists nor decides account requests", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const { requestId } = await confirmedRequest(entity.finess);
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    await expect(listRequestsToDecide(db, ans)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideAccountRequest(db, ans, { requestId, decision: "approve" }, options)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the referents of a GHT's support EJ decide for the GHT's other EJ", async () => {
    const support = await createLegalEntity(db, { regionCode: "84" });
    const member = await createLegalEntity(db, { regionCode: "84" });
    await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess] });
    const supportReferent = await referentOf(support.finess);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const { requestId } = await confirmedRequest(member.finess);
    expect((await listRequestsToDecide(db, supportReferent)).map((row) => row.id)).toContain(requestId);
    // The member EJ has no referent of its own, but the support's act for it: not the ARS's turn.
    expect((await listRequestsToDecide(db, instructor)).map((row) => row.id)).not.toContain(requestId);
    await decideAccountRequest(db, supportReferent, { requestId, decision: "approve" }, options);
  });

  it("by the DNS for any EJ; an unconfirmed request cannot be decided", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    await referentOf(entity.finess);
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const pending = await ask(entity.finess);
    expect((await listRequestsToDecide(db, admin)).map((row) => row.id)).not.toContain(pending.requestId);
    const early = await decideAccountRequest(db, admin, { requestId: pending.requestId, decision: "approve" }, options).catch((e: unknown) => e);
    expect((early as InvalidStateError).userMessage).toMatch(/confirmation de l'adresse e-mail/);
    const { requestId } = await confirmedRequest(entity.finess);
    await decideAccountRequest(db, admin, { requestId, decision: "approve" }, options);
  });

  it("links an existing referent account to one more EJ without a new password", async () => {
    const first = await createLegalEntity(db, { regionCode: "84" });
    const second = await createLegalEntity(db, { regionCode: "84" });
    const existing = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [first.finess], passwordHash: "$2a$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012" });
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const request = await submitAccountRequest(db, { name: "X", email: existing.email, finess: second.finess, jobTitle: "DAF" }, options);
    await confirmRequestEmail(db, await confirmationToken(existing.email), options);
    const { userId } = await decideAccountRequest(db, admin, { requestId: request.requestId, decision: "approve" }, options);
    expect(userId).toBe(existing.id);
    expect(await db.referentLink.count({ where: { userId: existing.id } })).toBe(2);
    expect(await db.passwordSetToken.count({ where: { userId: existing.id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { toAddress: existing.email, template: "account-referent-link-added" } })).toBe(1);
  });
});

describe("refusal", () => {
  it("closes the request, e-mails the reason, creates no account, audits", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const { requestId, email } = await confirmedRequest(entity.finess);
    const reason = "Cette personne ne fait pas partie de l'établissement.";
    await decideAccountRequest(db, referent, { requestId, decision: "refuse", reason }, options);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REFUSED", refusalReason: reason, openKey: null, userId: null });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "account-request-refused" } });
    expect(mail.textBody).toContain(reason);
    expect(await db.auditEvent.count({ where: { action: "account.request.refused", subject: `account-request:${requestId}` } })).toBe(1);
    // Refused: the person may ask again.
    await ask(entity.finess, email);
  });
});
