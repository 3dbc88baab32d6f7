/**
 * « What can this EJ do now? » (issue 9 §2.3): the dossiers page and the dashboard offer a start
 * only where startDossier succeeds, and show startDossier's own refusal everywhere else.
 * Calendar of sources 000_1a898dec8b2a4de4.txt and 003_7e8834ec9bc46d44.txt.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { currentGuichets, guichetsOfEntities, type EntityGuichets } from "@/lib/dossiers/establishment-guichets";
import { startDossier } from "@/lib/dossiers/service";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { acceptedCandidature, arsRefuses, candidature, establishment, ghtEstablishment, inCandidature, inCandidatureInstruction, inDeposit, instructionGuichets } from "../support/dossier-builders";

let db: Database;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  guichets = await instructionGuichets(db);
});

async function view(user: CurrentUser, at: Date): Promise<EntityGuichets[]> {
  const today = parisDate(at);
  return guichetsOfEntities(db, user, await listLegalEntitiesForUser(db, user), await listGuichets(db, today), today);
}

const rowOf = (entity: EntityGuichets | undefined, guichetId: string) => entity?.guichets.find((row) => row.guichet.id === guichetId);

/** Whatever the page offers, startDossier does: a start succeeds, a refusal throws the page's message. */
async function expectStartDossierAgrees(user: CurrentUser, entity: EntityGuichets, guichetId: string, at: Date) {
  const row = rowOf(entity, guichetId)!;
  const attempt = startDossier(db, user, { guichetId, carrierFiness: entity.finess }, at);
  if (row.availability.canStart) await expect(attempt).resolves.toHaveProperty("id");
  else if (row.availability.reason === "DOSSIER_EXISTS") await expect(attempt).resolves.toEqual({ id: row.dossier?.id });
  else await expect(attempt).rejects.toThrow(row.availability.message);
}

describe("the yearly deposit, at the demo date (1 June 2026)", () => {
  it("an EJ that never applied sees why and no start; startDossier refuses with the same words", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Jamais candidat");
    const [entity] = await view(referent, inDeposit);
    const deposit = rowOf(entity, guichets.deposit.id)!;
    expect(deposit.next).toEqual({
      kind: "BLOCKED",
      message: expect.stringMatching(/^Aucune candidature au dispositif HospiConnect\/HOP'EN2 pour cet établissement .* du 15 janvier 2026 au 13 février 2026\. Contactez votre ARS\.$/),
      remedy: null,
    });
    // Its candidature guichet is over: no action there either.
    expect(rowOf(entity, guichets.candidature.id)!.next).toMatchObject({ kind: "BLOCKED", message: expect.stringContaining("est fermé aux dépôts depuis le 13 février 2026") });
    for (const guichet of [guichets.deposit, guichets.candidature]) await expectStartDossierAgrees(referent, entity!, guichet.id, inDeposit);
    expect(await db.dossier.count({ where: { carrierFiness: ej.finess } })).toBe(0);
    // The dashboard puts the open deposit guichet first.
    expect(currentGuichets(entity!).current.map((row) => row.guichet.id)).toEqual([guichets.deposit.id]);
  });

  it("an EJ whose candidature the ARS accepted gets the start button, and it works", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Accepté");
    await acceptedCandidature(db, referent, ej.finess, guichets.candidature.id);
    const [entity] = await view(referent, inDeposit);
    expect(rowOf(entity, guichets.deposit.id)!.next).toEqual({ kind: "START", label: "Déposer les preuves de CH Accepté", guichetId: guichets.deposit.id, carrierFiness: ej.finess });
    await expectStartDossierAgrees(referent, entity!, guichets.deposit.id, inDeposit);
    // Then the same row offers to resume the draft, and starting again opens it.
    const [after] = await view(referent, inDeposit);
    const row = rowOf(after, guichets.deposit.id)!;
    expect(row.next).toMatchObject({ kind: "OPEN_DOSSIER", label: "Reprendre le brouillon", detail: expect.stringContaining("avant le 26 juin 2026 inclus") });
    expect(row.availability).toMatchObject({ canStart: false, reason: "DOSSIER_EXISTS" });
    await expectStartDossierAgrees(referent, after!, guichets.deposit.id, inDeposit);
  });

  it("a candidature under instruction, or refused: the reason and a link to it", async () => {
    const pending = await establishment(db, "84", "CH En instruction");
    const pendingId = await candidature(db, pending.referent, pending.ej.finess, guichets.candidature.id);
    const [pendingView] = await view(pending.referent, inDeposit);
    expect(rowOf(pendingView, guichets.deposit.id)!.next).toMatchObject({ kind: "BLOCKED", remedy: { label: "Voir la candidature", dossierId: pendingId } });
    await expectStartDossierAgrees(pending.referent, pendingView!, guichets.deposit.id, inDeposit);

    const refused = await establishment(db, "84", "CH Refusé");
    const refusedId = await candidature(db, refused.referent, refused.ej.finess, guichets.candidature.id);
    await arsRefuses(db, asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" })), refusedId, inCandidatureInstruction);
    const [refusedView] = await view(refused.referent, inDeposit);
    expect(rowOf(refusedView, guichets.deposit.id)!.next).toMatchObject({ kind: "BLOCKED", message: expect.stringContaining("a été refusée par l'ARS"), remedy: { label: "Voir la décision" } });
    // The refused candidature itself: its decision to read.
    expect(rowOf(refusedView, guichets.candidature.id)!.next).toMatchObject({ kind: "OPEN_DOSSIER", label: "Voir la décision", dossier: { id: refusedId, status: "REFUSED" } });
    await expectStartDossierAgrees(refused.referent, refusedView!, guichets.deposit.id, inDeposit);
  });

  it("after the closing day, only a derogation for the EJ's region keeps the start (the EJ's own dates)", async () => {
    const afterClosing = new Date("2026-06-29T08:00:00Z");
    const { ej, referent } = await establishment(db, "11", "CH Dérogation");
    await acceptedCandidature(db, referent, ej.finess, guichets.candidature.id);
    const [closed] = await view(referent, afterClosing);
    expect(rowOf(closed, guichets.deposit.id)!.next).toMatchObject({ kind: "BLOCKED", message: expect.stringContaining("fermé aux dépôts depuis le 26 juin 2026") });
    await expectStartDossierAgrees(referent, closed!, guichets.deposit.id, afterClosing);

    await db.guichetDerogation.create({
      data: { guichetId: guichets.deposit.id, regionCode: "11", closesOn: new Date("2026-07-10T00:00:00Z"), reason: "Panne régionale", createdById: referent.id },
    });
    const [extended] = await view(referent, afterClosing);
    const row = rowOf(extended, guichets.deposit.id)!;
    expect(row.own).toMatchObject({ phase: "open", closesOn: "2026-07-10", daysLeft: 12, extended: true });
    expect(row.next.kind).toBe("START");
    await expectStartDossierAgrees(referent, extended!, guichets.deposit.id, afterClosing);
  });
});

describe("the candidature, in February", () => {
  it("is offered to an EJ outside any GHT and to a GHT's support (for its GHT), never to a member", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Février");
    const [entity] = await view(referent, inCandidature);
    expect(rowOf(entity, guichets.candidature.id)!.next).toMatchObject({ kind: "START", label: "Candidater pour CH Février" });
    // The 2026 deposit is not open yet: said with its opening day.
    expect(rowOf(entity, guichets.deposit.id)!.next).toMatchObject({ kind: "BLOCKED", message: "Le guichet « Guichet de test MILESTONE_DEPOSIT 2026 » ouvre le 4 mai 2026." });
    await expectStartDossierAgrees(referent, entity!, guichets.deposit.id, inCandidature);
    await expectStartDossierAgrees(referent, entity!, guichets.candidature.id, inCandidature);
    expect(await db.dossier.count({ where: { carrierFiness: ej.finess } })).toBe(1);

    const ght = await ghtEstablishment(db, "84", "T-GUICHETS");
    // The support's referent sees one row, for the GHT: its members are in the support's dossier.
    const supportView = await view(ght.referent, inCandidature);
    expect(supportView.map((row) => [row.finess, row.ghtName])).toEqual([[ght.support.finess, ght.ght.name]]);
    // A member's own referent reads why it cannot apply, and startDossier says the same.
    const memberReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ght.member.finess] }), [ght.member.finess]);
    const [member] = await view(memberReferent, inCandidature);
    expect(member?.finess).toBe(ght.member.finess);
    expect(rowOf(member, guichets.candidature.id)!.availability).toMatchObject({ canStart: false, reason: "NOT_CARRIER", message: expect.stringContaining(`(${ght.support.name}) qui candidate et dépose pour elle`) });
    await expectStartDossierAgrees(memberReferent, member!, guichets.candidature.id, inCandidature);
  });
});

describe("scope", () => {
  it("answers only for the EJ the referent acts for, whatever EJ it is given; nothing for another role", async () => {
    const own = await establishment(db, "84", "CH Mien");
    const other = await establishment(db, "84", "CH Autre");
    const today = parisDate(inDeposit);
    const guichetViews = await listGuichets(db, today);
    const entities = [own.ej, other.ej].map((ej) => ({ finess: ej.finess, ght: null }));
    expect((await guichetsOfEntities(db, own.referent, entities, guichetViews, today)).map((row) => row.finess)).toEqual([own.ej.finess]);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    expect(await guichetsOfEntities(db, instructor, entities, guichetViews, today)).toEqual([]);
  });
});
