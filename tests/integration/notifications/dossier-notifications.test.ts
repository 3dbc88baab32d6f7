import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { acceptDossier, requestChanges } from "@/lib/dossiers/instruction";
import { attachDocument, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { notifyDossierEvent, scheduleDraftReminders } from "@/lib/notifications/dossier-notifications";
import { asCurrentUser, createGuichet, createLegalEntity, createSelfAssessment, createSite, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let dossierSequence = 0;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  vi.stubEnv("GUICHET_PUBLIC_URL", "https://guichet.example.fr/");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

/** The 2026 milestone deposit guichet (source 003): 4 May – 26 June, instruction until 15 September. */
async function depositGuichet(dates: { opensOn?: string; closesOn?: string; instructionEndsOn?: string } = {}) {
  const guichet = await createGuichet(db, {
    kind: "MILESTONE_DEPOSIT",
    year: 2026,
    opensOn: dates.opensOn ?? "2026-05-04",
    closesOn: dates.closesOn ?? "2026-06-26",
    instructionEndsOn: dates.instructionEndsOn ?? "2026-09-15",
  });
  return db.guichet.update({ where: { id: guichet.id }, data: { label: "HospiConnect – Jalon juin 2026" } });
}

/** An EJ of `regionCode`, its referent who completes the dossier, and the dossier in `status`. */
async function dossierOf(input: { regionCode: string; guichetId: string; status?: DossierStatus; decidedCents?: bigint }) {
  const ej = await createLegalEntity(db, { regionCode: input.regionCode, name: `CH de test ${input.regionCode}` });
  const referent = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
  dossierSequence += 1;
  const dossier = await db.dossier.create({
    data: {
      number: `HC-J2026-${String(900_000 + dossierSequence)}`,
      guichetId: input.guichetId,
      carrierFiness: ej.finess,
      status: input.status ?? "SUBMITTED",
      completedById: referent.id,
      legalEntities: { create: [{ legalEntityFiness: ej.finess, guichetId: input.guichetId, decidedCents: input.decidedCents ?? null }] },
    },
  });
  return { ej, referent, dossier };
}

async function outboxOf(dossierId: string) {
  return db.outboxEmail.findMany({ where: { dossierId }, orderBy: [{ template: "asc" }, { toAddress: "asc" }] });
}

describe("notifyDossierEvent: who receives what (source 003)", () => {
  it("on submission: the referent who completes the dossier, and every active instructor of the carrier's region — not another region's, not a disabled one", async () => {
    const guichet = await depositGuichet();
    const { ej, referent, dossier } = await dossierOf({ regionCode: "84", guichetId: guichet.id });
    // Another referent of the same EJ does not complete this dossier: not a recipient (source 003: "e-mail associé au compte de la personne qui complète le dossier").
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
    const instructorA = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "a.instructeur@ars-84.test" });
    const instructorB = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "B.Instructeur@ARS-84.test" });
    await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", active: false });
    await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" });
    await createUser(db, { role: "DNS_ADMIN" });

    const written = await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "SUBMITTED", dossierId: dossier.id }));

    const rows = await outboxOf(dossier.id);
    expect(written).toBe(3);
    expect(rows.map((row) => [row.template, row.toAddress])).toEqual([
      ["dossier-submitted-ars", instructorA.email],
      ["dossier-submitted-ars", instructorB.email.toLowerCase()],
      ["dossier-submitted-establishment", referent.email],
    ]);
    const [toArs, , toEstablishment] = rows;
    expect(toArs?.subject).toBe(`(Guichet HospiConnect) Transmission du formulaire de dépôt HospiConnect – Jalon juin 2026 – ${dossier.number} - ${ej.name}`);
    expect(toArs?.textBody).toContain(`https://guichet.example.fr/ars/dossiers/${dossier.id}`);
    expect(toEstablishment?.subject).toBe(`[HospiConnect – Jalon juin 2026] - Transmission de votre formulaire de dépôt à votre ARS – ${dossier.number}`);
    expect(toEstablishment?.textBody).toContain(`https://guichet.example.fr/etablissement/dossiers/${dossier.id}`);
    expect(rows.every((row) => row.status === "PENDING" && row.attempts === 0)).toBe(true);
  });

  it("is part of the caller's transaction: when the state change rolls back, no e-mail remains", async () => {
    const guichet = await depositGuichet();
    const { dossier } = await dossierOf({ regionCode: "84", guichetId: guichet.id });
    await expect(
      db.$transaction(async (tx) => {
        expect(await notifyDossierEvent(tx, { kind: "SUBMITTED", dossierId: dossier.id })).toBeGreaterThan(0);
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await outboxOf(dossier.id)).toEqual([]);
  });

  it("on resubmission: both again, as a new transmission", async () => {
    const guichet = await depositGuichet();
    const { dossier, referent } = await dossierOf({ regionCode: "11", guichetId: guichet.id });
    const instructor = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "11" });
    expect(await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "RESUBMITTED", dossierId: dossier.id }))).toBe(2);
    const rows = await outboxOf(dossier.id);
    expect(rows.map((row) => [row.template, row.toAddress])).toEqual([
      ["dossier-resubmitted-ars", instructor.email],
      ["dossier-resubmitted-establishment", referent.email],
    ]);
    expect(rows[0]?.textBody).toContain("Il s'agit d'une nouvelle transmission");
  });

  it("on a change request, on acceptance and on refusal: the establishment only, with the ARS's message, the decided amount, the reason", async () => {
    const guichet = await depositGuichet();
    const { dossier, referent } = await dossierOf({ regionCode: "84", guichetId: guichet.id, decidedCents: 3_905_000n });
    await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    const request = await db.changeRequest.create({
      data: {
        dossierId: dossier.id,
        message: "La note de cadrage n'est pas signée.",
        points: [{ key: "documents.note", label: "Note de cadrage", reason: "INCORRECT", comment: "Signature manquante" }],
        createdById: referent.id,
        createdAt: new Date("2026-06-10T08:00:00Z"),
      },
    });

    expect(await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "CHANGES_REQUESTED", dossierId: dossier.id, changeRequestId: request.id }))).toBe(1);
    expect(await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "ACCEPTED", dossierId: dossier.id }))).toBe(1);
    expect(await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "REFUSED", dossierId: dossier.id, reason: "Preuves hors période." }))).toBe(1);

    const rows = await outboxOf(dossier.id);
    expect(rows.map((row) => [row.template, row.toAddress])).toEqual([
      ["dossier-accepted", referent.email],
      ["dossier-changes-requested", referent.email],
      ["dossier-refused", referent.email],
    ]);
    const [acceptedMail, changesMail, refusedMail] = rows;
    expect(changesMail?.subject).toBe(`[HospiConnect – Jalon juin 2026] - Demande de complément de l'étape Formulaire de dépôt du dossier ${dossier.number}`);
    expect(changesMail?.textBody).toContain("La note de cadrage n'est pas signée.");
    expect(changesMail?.textBody).toContain("- Note de cadrage : incorrect — Signature manquante");
    expect(acceptedMail?.subject).toBe(`(Guichet HospiConnect) Formulaire de dépôt HospiConnect – Jalon juin 2026 accepté - ${dossier.number}`);
    expect(acceptedMail?.textBody).toContain("39\u202f050,00\u00a0€");
    expect(refusedMail?.subject).toBe(`(Guichet HospiConnect) Dossier refusé - ${dossier.number}`);
    expect(refusedMail?.textBody).toContain("Preuves hors période.");
  });

  it("when the referent who completed the dossier has been disabled, the active referents of the carrier EJ are told instead", async () => {
    const guichet = await depositGuichet();
    const { ej, referent, dossier } = await dossierOf({ regionCode: "84", guichetId: guichet.id });
    await db.user.update({ where: { id: referent.id }, data: { active: false } });
    const successor = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess], active: false });
    await db.$transaction((tx) => notifyDossierEvent(tx, { kind: "REFUSED", dossierId: dossier.id, reason: "Hors délai." }));
    expect((await outboxOf(dossier.id)).map((row) => row.toAddress)).toEqual([successor.email]);
  });
});

describe("the dossier life cycle of lib/dossiers writes its e-mails (source 003)", () => {
  it("deposit submitted, sent back with a point, transmitted again, accepted with its amount: each step's e-mails, to the referent and the region's instructor", async () => {
    const candidatureGuichet = await createGuichet(db, { kind: "CANDIDATURE", year: 2026, opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" });
    const guichet = await depositGuichet();
    const inCandidature = new Date("2026-02-01T10:00:00Z");
    const inDeposit = new Date("2026-06-01T08:00:00Z");
    const inInstruction = new Date("2026-07-10T08:00:00Z");
    // An EJ of 800 agents (ceiling 39 050 €, source 000) declaring 30 000 € of expenses.
    // Region 28 has no other instructor in this file's database.
    const ej = await createLegalEntity(db, { regionCode: "28", name: "CH de Montbrasset" });
    await createSite(db, { legalEntityFiness: ej.finess, staff: [{ year: 2024, salaried: 700, liberal: 100 }] });
    const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] }), [ej.finess]);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "28" }));
    const team = Object.fromEntries(["qualityLead", "businessRepresentative", "hrDirector", "ciso", "cio", "programmeReferent", "signatory"].map((key) => [key, { name: `Nom ${key}`, email: `${key}@ch.fr` }]));
    const candidature = await startDossier(db, referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature);
    await saveCandidatureDraft(db, referent, candidature.id, 0, { projectTeam: team, ghtMandateKind: null } as never, inCandidature);
    await submitDossier(db, referent, candidature.id, 1, inCandidature, notifyDossierEvent);
    expect((await outboxOf(candidature.id)).map((row) => row.subject)).toContain(
      `[Guichet de test CANDIDATURE 2026] - Transmission de votre formulaire de candidature à votre ARS – ${(await db.dossier.findUniqueOrThrow({ where: { id: candidature.id } })).number}`,
    );

    // The yearly deposit needs the candidature accepted by the ARS (sources 000, 001); no e-mail asked for here.
    await acceptDossier(db, instructor, candidature.id, 2, {}, new Date("2026-03-02T10:00:00Z"));
    const assessment = await createSelfAssessment(db, { legalEntityFiness: ej.finess, createdById: referent.id, status: "VALIDATED" });
    const { id } = await startDossier(db, referent, { guichetId: guichet.id, carrierFiness: ej.finess }, inDeposit);
    for (const kind of ["NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION"] as const) {
      await attachDocument(db, referent, id, { kind, fileId: (await createStoredFile(db, referent.id)).id, legalEntities: [ej.finess] }, inDeposit);
    }
    const draft = {
      attestations: { targetsReached: true, expensesTruthful: true },
      parts: [{ legalEntityFiness: ej.finess, nru: assessment.nru, expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 }, mandatoryObjectiveMet: null, objectivesReached: [], requested: 3_000_000 }],
    };
    let { version } = await saveDepositDraft(db, referent, id, 0, draft, inDeposit);
    await submitDossier(db, referent, id, version, inDeposit, notifyDossierEvent);
    ({ version } = await requestChanges(
      db,
      instructor,
      id,
      version + 1,
      { message: "Merci de préciser les dépenses éditeurs.", points: [{ key: "parts.x.expenses", label: "Dépenses éditeurs", reason: "INCOMPLETE", comment: "Facture manquante" }] },
      inInstruction,
      notifyDossierEvent,
    ));
    ({ version } = await saveDepositDraft(db, referent, id, version, draft, inInstruction));
    await submitDossier(db, referent, id, version, inInstruction, notifyDossierEvent);
    await acceptDossier(db, instructor, id, version + 1, {}, inInstruction, notifyDossierEvent);

    const rows = await db.outboxEmail.findMany({ where: { dossierId: id }, orderBy: [{ createdAt: "asc" }, { template: "asc" }] });
    expect(rows.map((row) => [row.template, row.toAddress])).toEqual([
      ["dossier-submitted-ars", instructor.email],
      ["dossier-submitted-establishment", referent.email],
      ["dossier-changes-requested", referent.email],
      ["dossier-resubmitted-ars", instructor.email],
      ["dossier-resubmitted-establishment", referent.email],
      ["dossier-accepted", referent.email],
    ]);
    expect(rows[2]?.textBody).toContain("Merci de préciser les dépenses éditeurs.");
    expect(rows[2]?.textBody).toContain("- Dépenses éditeurs : incomplet — Facture manquante");
    expect(rows[5]?.textBody).toContain(`- CH de Montbrasset (FINESS ${ej.finess}) : 30\u202f000,00\u00a0€`);
  });
});

describe("scheduleDraftReminders: a reminder a few days before the deadline, once per dossier and recipient", () => {
  // 22 June 2026, 10:00 in Paris: the guichet closing on 26 June closes in 4 days (5 days left, closing day included).
  const at = new Date("2026-06-22T08:00:00Z");

  it("reminds the referents of a draft (who completes it, and every active referent of its EJ) — twice run, written once", async () => {
    const guichet = await depositGuichet();
    const { ej, referent, dossier } = await dossierOf({ regionCode: "84", guichetId: guichet.id, status: "DRAFT" });
    const colleague = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
    await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess], active: false });

    const first = await scheduleDraftReminders(db, at);
    const second = await scheduleDraftReminders(db, new Date("2026-06-23T08:00:00Z"));

    const rows = await outboxOf(dossier.id);
    expect(rows.map((row) => row.toAddress).sort()).toEqual([referent.email, colleague.email].sort());
    expect(first).toBeGreaterThanOrEqual(2);
    expect(second).toBe(0);
    expect(rows[0]?.template).toBe("dossier-draft-reminder");
    expect(rows[0]?.subject).toBe(`[HospiConnect – Jalon juin 2026] - Rappel : votre dossier ${dossier.number} n'est pas encore transmis à votre ARS`);
    expect(rows[0]?.textBody).toContain("ferme le 26 juin 2026 à 23 h 59 (heure de Paris) : il vous reste 5 jours");
  });

  it("two schedulers at once (two server processes) still write each reminder once", async () => {
    const guichet = await depositGuichet({ closesOn: "2026-06-24" });
    const { dossier } = await dossierOf({ regionCode: "84", guichetId: guichet.id, status: "DRAFT" });
    await Promise.all(Array.from({ length: 8 }, () => scheduleDraftReminders(db, at)));
    expect(await outboxOf(dossier.id)).toHaveLength(1);
  });

  it("leaves alone a draft whose guichet closes later, a closed guichet, a transmitted dossier; a dossier sent back is reminded before the end of instruction", async () => {
    const later = await dossierOf({ regionCode: "84", guichetId: (await depositGuichet({ closesOn: "2026-06-28" })).id, status: "DRAFT" });
    const closed = await dossierOf({ regionCode: "84", guichetId: (await depositGuichet({ closesOn: "2026-06-21" })).id, status: "DRAFT" });
    const transmitted = await dossierOf({ regionCode: "84", guichetId: (await depositGuichet()).id, status: "SUBMITTED" });
    // Sent back while the guichet is open: it may be transmitted again until 15 September, no reminder yet.
    const sentBack = await dossierOf({ regionCode: "84", guichetId: (await depositGuichet()).id, status: "CHANGES_REQUESTED" });
    // Sent back, instruction ending on 25 June: reminded.
    const sentBackEnding = await dossierOf({
      regionCode: "84",
      guichetId: (await depositGuichet({ opensOn: "2026-05-04", closesOn: "2026-06-10", instructionEndsOn: "2026-06-25" })).id,
      status: "CHANGES_REQUESTED",
    });

    await scheduleDraftReminders(db, at);

    for (const quiet of [later, closed, transmitted, sentBack]) expect(await outboxOf(quiet.dossier.id)).toEqual([]);
    const [reminder] = await outboxOf(sentBackEnding.dossier.id);
    expect(reminder?.template).toBe("dossier-changes-reminder");
    expect(reminder?.toAddress).toBe(sentBackEnding.referent.email);
    expect(reminder?.textBody).toContain("jusqu'à la fin de l'instruction, le 25 juin 2026 à 23 h 59 (heure de Paris) : il vous reste 4 jours");

    // The first draft enters the window two days later.
    await scheduleDraftReminders(db, new Date("2026-06-24T08:00:00Z"));
    expect(await outboxOf(later.dossier.id)).toHaveLength(1);
  });
});
