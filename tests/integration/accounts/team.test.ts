/**
 * The team of an EJ on a real PostgreSQL (issue 13 §1.3): who sees it, the invitation of a
 * colleague, the removal of a link (never the last active referent's), and the hand-over of
 * the dossiers' « référent qui complète le dossier ».
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LAST_REFERENT_MESSAGE, LAST_REFERENT_SELF_MESSAGE, handOverDossiers, inviteColleague, removeColleague, teamActivity, teamOfLegalEntity } from "@/lib/accounts/team";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { asCurrentUser, createGuichet, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const at = new Date("2026-03-10T09:00:00Z");
const options = { at, baseUrl: "https://guichet.example.fr" };
let dossierSequence = 0;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

async function referentOf(finess: string, active = true) {
  const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [finess], active });
  return asCurrentUser(user, [finess]);
}

async function dossierOf(carrierFiness: string, completedById: string) {
  dossierSequence += 1;
  const guichet = await createGuichet(db, { kind: "CANDIDATURE", year: 2026, opensOn: "2026-01-01", closesOn: "2026-06-26", instructionEndsOn: "2026-09-30" });
  return db.dossier.create({ data: { number: `HC-T-${process.pid}-${dossierSequence}`, guichetId: guichet.id, carrierFiness, completedById } });
}

describe("seeing the team", () => {
  it("lists the EJ's referents with their function, since when and last sign-in, and who completes its dossiers", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    await db.user.update({ where: { id: referent.id }, data: { jobTitle: "DSI", lastSignInAt: at } });
    await dossierOf(entity.finess, referent.id);
    const team = await teamOfLegalEntity(db, referent, entity.finess);
    expect(team.members).toEqual([expect.objectContaining({ userId: referent.id, jobTitle: "DSI", lastSignInAt: at, active: true })]);
    expect(team.completers).toEqual([expect.objectContaining({ userId: referent.id, dossiers: 1, isMember: true })]);
  });

  it("is refused to a referent of another EJ and to an ARS instructor", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const other = await createLegalEntity(db, { regionCode: "84" });
    const outsider = await referentOf(other.finess);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await expect(teamOfLegalEntity(db, outsider, entity.finess)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(teamOfLegalEntity(db, instructor, entity.finess)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("who did what", () => {
  it("lists the referents' latest steps on the EJ's dossiers, newest first, in French; never to a referent of another EJ", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const colleague = await referentOf(entity.finess);
    const dossier = await dossierOf(entity.finess, referent.id);
    const instructor = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    await db.dossierEvent.createMany({
      data: [
        { dossierId: dossier.id, at: new Date("2026-03-01T08:00:00Z"), actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT", type: "CREATED", toStatus: "DRAFT" },
        { dossierId: dossier.id, at: new Date("2026-03-02T08:00:00Z"), actorId: colleague.id, actorRole: "ESTABLISHMENT_REFERENT", type: "SUBMITTED", fromStatus: "DRAFT", toStatus: "SUBMITTED" },
        { dossierId: dossier.id, at: new Date("2026-03-03T08:00:00Z"), actorId: instructor.id, actorRole: "ARS_INSTRUCTOR", type: "ACCEPT", fromStatus: "SUBMITTED", toStatus: "ACCEPTED" },
      ],
    });
    const activity = await teamActivity(db, referent, entity.finess);
    expect(activity.map((entry) => [entry.actorName, entry.label, entry.dossierNumber])).toEqual([
      [colleague.name, "Dossier transmis à l'ARS", dossier.number],
      [referent.name, "Dossier créé", dossier.number],
    ]);
    const outsider = await referentOf((await createLegalEntity(db, { regionCode: "84" })).finess);
    await expect(teamActivity(db, outsider, entity.finess)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("inviting a colleague", () => {
  it("creates an approved request and the account, with a set-password link and the audit", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const email = `collegue-${process.pid}@chu-exemple.fr`;
    const { userId, createdAccount } = await inviteColleague(db, referent, { legalEntityFiness: entity.finess, name: "Lou Martin", email, jobTitle: "DAF" }, options);
    expect(createdAccount).toBe(true);
    expect(await db.referentLink.count({ where: { userId, legalEntityFiness: entity.finess } })).toBe(1);
    expect(await db.accountRequest.findFirstOrThrow({ where: { email } })).toMatchObject({ status: "APPROVED", invitedById: referent.id, userId, openKey: null });
    expect(await db.outboxEmail.count({ where: { toAddress: email, template: "account-set-password" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.team.invited", subject: `user:${userId}` } })).toBe(1);
    // Inviting the same person again: already a referent, nothing more.
    await expect(inviteColleague(db, referent, { legalEntityFiness: entity.finess, name: "Lou Martin", email, jobTitle: "DAF" }, options)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("is refused for an EJ the referent does not act for", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const outsider = await referentOf((await createLegalEntity(db, { regionCode: "84" })).finess);
    const email = `intrus-${process.pid}@chu-exemple.fr`;
    await expect(inviteColleague(db, outsider, { legalEntityFiness: entity.finess, name: "X", email, jobTitle: "DSI" }, options)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("removing a colleague", () => {
  it("removes the link (the account stays) with its audit", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const colleague = await referentOf(entity.finess);
    await removeColleague(db, referent, entity.finess, colleague.id, at);
    expect(await db.referentLink.count({ where: { userId: colleague.id } })).toBe(0);
    expect(await db.user.findUnique({ where: { id: colleague.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "account.team.removed", subject: `user:${colleague.id}` } })).toBe(1);
  });

  it("refuses to remove the last active referent, oneself included", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    await referentOf(entity.finess, false); // a disabled colleague does not count
    const self = await removeColleague(db, referent, entity.finess, referent.id, at).catch((e: unknown) => e);
    expect((self as InvalidStateError).userMessage).toBe(LAST_REFERENT_SELF_MESSAGE);
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const byAdmin = await removeColleague(db, admin, entity.finess, referent.id, at).catch((e: unknown) => e);
    expect((byAdmin as InvalidStateError).userMessage).toBe(LAST_REFERENT_MESSAGE);
    expect(await db.referentLink.count({ where: { userId: referent.id, legalEntityFiness: entity.finess } })).toBe(1);
  });

  it("lets a referent leave when a colleague remains; of two removing each other at once, one succeeds", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const first = await referentOf(entity.finess);
    const second = await referentOf(entity.finess);
    const results = await Promise.allSettled([removeColleague(db, first, entity.finess, second.id, at), removeColleague(db, second, entity.finess, first.id, at)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.referentLink.count({ where: { legalEntityFiness: entity.finess } })).toBe(1);
  });

  it("is refused to a referent of another EJ", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const first = await referentOf(entity.finess);
    await referentOf(entity.finess);
    const outsider = await referentOf((await createLegalEntity(db, { regionCode: "84" })).finess);
    await expect(removeColleague(db, outsider, entity.finess, first.id, at)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("handing the dossiers over", () => {
  it("moves the completer of the EJ's dossiers of a departed referent to a colleague, and audits which", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const other = await createLegalEntity(db, { regionCode: "84" });
    const leaver = await referentOf(entity.finess);
    const stayer = await referentOf(entity.finess);
    const mine = await dossierOf(entity.finess, leaver.id);
    const elsewhere = await dossierOf(other.finess, leaver.id);
    await removeColleague(db, stayer, entity.finess, leaver.id, at);
    expect((await teamOfLegalEntity(db, stayer, entity.finess)).completers).toEqual([expect.objectContaining({ userId: leaver.id, isMember: false })]);

    const { dossiers } = await handOverDossiers(db, stayer, { legalEntityFiness: entity.finess, fromUserId: leaver.id, toUserId: stayer.id }, at);
    expect(dossiers).toEqual([mine.number]);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: mine.id } })).completedById).toBe(stayer.id);
    // Another EJ's dossier stays with its completer.
    expect((await db.dossier.findUniqueOrThrow({ where: { id: elsewhere.id } })).completedById).toBe(leaver.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "account.team.dossiers-handed-over", subject: `legal-entity:${entity.finess}` } });
    expect(audit).toMatchObject({ details: { dossiers: [mine.number] }, before: { completedById: leaver.id }, after: { completedById: stayer.id } });
  });

  it("only to an active referent of the EJ, and only by someone who acts for it", async () => {
    const entity = await createLegalEntity(db, { regionCode: "84" });
    const referent = await referentOf(entity.finess);
    const outsider = await referentOf((await createLegalEntity(db, { regionCode: "84" })).finess);
    const dossier = await dossierOf(entity.finess, referent.id);
    const toOutsider = await handOverDossiers(db, referent, { legalEntityFiness: entity.finess, fromUserId: referent.id, toUserId: outsider.id }, at).catch((e: unknown) => e);
    expect((toOutsider as ValidationError).fieldErrors.toUserId).toBeDefined();
    await expect(handOverDossiers(db, outsider, { legalEntityFiness: entity.finess, fromUserId: referent.id, toUserId: outsider.id }, at)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).completedById).toBe(referent.id);
  });
});
