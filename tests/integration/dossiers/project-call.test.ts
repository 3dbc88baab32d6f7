/**
 * An AAP HOP'EN2 project end to end through the services (source 001_56e3d9c199e9e209.txt): a porteur
 * builds a two-EJ perimeter, transmits it; the ARS of its region scores and retains it within the
 * category's cap (50 % in 2026); in June 2027 the porteur deposits its proofs and the ARS validates
 * the objectives (the other 50 %). Every step writes its e-mails to the outbox.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { projectCallDraftSchema } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { decideObjectives, decideProjectSelection, requestProofChanges, selectionOf } from "@/lib/dossiers/kinds/project-call/selection";
import { saveProjectCallDraft, saveProjectProofDraft, submitProjectProof } from "@/lib/dossiers/kinds/project-call/store";
import { buildProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { acceptDossier } from "@/lib/dossiers/instruction";
import { attachDocument, getDossierForUser, startDossier, submitDossier } from "@/lib/dossiers/service";
import { DeadlinePassedError, ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { dossiersOfLegalEntity } from "@/lib/dossiers/legal-entity-dossiers";
import { asCurrentUser, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { completeDraft, grid, inCall, inProofs, inSelection, setting, transmittedProject } from "../support/project-call-builders";

let db: Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

const version = async (id: string) => (await db.dossier.findUniqueOrThrow({ where: { id } })).version;
const outbox = (dossierId: string) => db.outboxEmail.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" } });

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("the porteur's project", () => {
  it("one porteur may start several projects; each has its own number and a single part without guichet", async () => {
    const s = await setting(db);
    const first = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    const second = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    expect(second.id).not.toBe(first.id);
    const rows = await db.dossier.findMany({ where: { id: { in: [first.id, second.id] } }, include: { legalEntities: true }, orderBy: { carrierSlot: "asc" } });
    expect(rows.map((row) => row.carrierSlot)).toEqual([1, 2]);
    for (const row of rows) {
      expect(row.number).toMatch(/^AAP2026-\d{6}$/);
      expect(row.legalEntities.map((part) => [part.legalEntityFiness, part.guichetId])).toEqual([[s.porteur.ej.finess, null]]);
      // A public EJ is its own FINESS PMSI: pre-filled as the porteur.
      expect((row.data as { project: { porteurFinessPmsi: string } }).project.porteurFinessPmsi).toBe(s.porteur.ej.finess);
    }
  });

  it("shows the cumulated category live: 40 000 + 25 000 = 65 000 → category C, 85 000 € (source 001)", async () => {
    const s = await setting(db);
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner), inCall);
    const model = await buildProjectCallFormModel(db, await getDossierForUser(db, s.referent, id), inCall);
    expect(model.live.category).toEqual({ known: true, category: "C", cap: 8_500_000, combinedActivity: 65_000 });
    expect(model.live.perimeter.map((site) => site?.siteName)).toEqual(["CH porteur — site principal", "CH partenaire — site principal"]);
    expect(model.live.errors).toEqual({});
  });

  it("the category reads the official activité combinée over a newer SAE estimate, and says which FINESS PMSI has none", async () => {
    const s = await setting(db);
    // A newer estimate of the porteur that would move the perimeter to category D: the official figure wins.
    await db.combinedActivity.create({ data: { finessPmsi: s.porteur.ej.finess, year: 2025, value: 300_000, isEstimate: true } });
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner), inCall);
    const model = await buildProjectCallFormModel(db, await getDossierForUser(db, s.referent, id), inCall);
    expect(model.live.category).toEqual({ known: true, category: "C", cap: 8_500_000, combinedActivity: 65_000 });
    expect(model.live.activities.map((activity) => [activity.value, activity.isEstimate])).toEqual([[40_000, false], [25_000, false]]);
    // Without any figure for the partner, no category and no cap: the porteur is told which one.
    await db.combinedActivity.deleteMany({ where: { finessPmsi: s.partner.ej.finess } });
    const without = await buildProjectCallFormModel(db, await getDossierForUser(db, s.referent, id), inCall);
    expect(without.live.category).toEqual({ known: false, missingFinessPmsi: [s.partner.ej.finess] });
    expect(without.live.errors.perimeter?.[0]).toContain(`L'activité combinée de ${s.partner.ej.finess} est inconnue du portail`);
  });

  it("an unknown FINESS in the perimeter or a missing forecast blocks the transmission, field by field, and nothing changes", async () => {
    const s = await setting(db);
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    const draft = completeDraft(s.porteur, s.partner, { forecastExpenses: { "2026": null, "2027": 100 } });
    draft.perimeter[1] = { siteFiness: "840999999", legalEntityFiness: s.partner.ej.finess };
    const { version: saved } = await saveProjectCallDraft(db, s.referent, id, 0, draft, inCall);
    const errors = await fieldErrorsOf(submitDossier(db, s.referent, id, saved, inCall));
    expect(errors["perimeter.1.siteFiness"]).toEqual(["Le FINESS géographique 840999999 est inconnu du référentiel FINESS du portail : vérifiez le numéro."]);
    expect(errors["forecastExpenses.2026"]).toEqual(["Indiquez les dépenses prévisionnelles de l'exercice 2026 (0 s'il n'y en a pas)."]);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("DRAFT");
    expect(await db.projectCallSlot.count({ where: { dossierId: id } })).toBe(0);
  });

  it("the porteur is the referent's establishment: another EJ's FINESS PMSI is refused", async () => {
    const s = await setting(db);
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    const { version: saved } = await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner, { porteurFinessPmsi: s.partner.ej.finess }), inCall);
    const errors = await fieldErrorsOf(submitDossier(db, s.referent, id, saved, inCall));
    expect(errors.porteurFinessPmsi).toEqual([
      `Le porteur du projet est CH porteur (FINESS EJ ${s.porteur.ej.finess}) : indiquez son FINESS PMSI (son EJ, ou l'un de ses établissements géographiques pour un établissement privé).`,
    ]);
  });

  it("a project's document is about something the project has: a partner of the draft, a target, a GHT its perimeter needs", async () => {
    const s = await setting(db);
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner, { industrialPartners: [{ id: "p-1", name: "Éditeur Alpha" }] }), inCall);
    const letter = await createStoredFile(db, s.referent.id, "lettre-alpha.pdf");
    await expect(attachDocument(db, s.referent, id, { kind: "PARTNER_COMMITMENT", fileId: letter.id, legalEntities: [], objectiveCode: "p-2" }, inCall)).rejects.toThrow("Ce partenaire industriel ne figure pas dans le projet : enregistrez-le d'abord.");
    await expect(attachDocument(db, s.referent, id, { kind: "GHT_VALIDATION", fileId: letter.id, legalEntities: [], objectiveCode: "ght-x" }, inCall)).rejects.toThrow(/sa validation n'est pas demandée/);
    await expect(attachDocument(db, s.referent, id, { kind: "NOTE_DE_CADRAGE", fileId: letter.id, legalEntities: [s.porteur.ej.finess] }, inCall)).rejects.toThrow("Ce type de document ne fait pas partie d'un projet de l'appel à projets.");
    await attachDocument(db, s.referent, id, { kind: "PARTNER_COMMITMENT", fileId: letter.id, legalEntities: [], objectiveCode: "p-1" }, inCall);
    const documents = await db.dossierDocument.findMany({ where: { dossierId: id }, include: { legalEntities: true } });
    expect(documents.map((document) => [document.kind, document.objectiveCode, document.legalEntities.map((link) => link.legalEntityFiness)])).toEqual([["PARTNER_COMMITMENT", "p-1", [s.porteur.ej.finess]]]);
  });

  it("a negative forecast is refused by the draft's schema", () => {
    expect(projectCallDraftSchema.safeParse({ forecastExpenses: { "2026": -1 } }).success).toBe(false);
  });

  it("transmits: a slot per FINESS PMSI of the perimeter, the e-mails to the establishment and to its ARS", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    const slots = await db.projectCallSlot.findMany({ where: { dossierId: id }, orderBy: { finessPmsi: "asc" } });
    expect(slots.map((slot) => slot.finessPmsi)).toEqual([s.porteur.ej.finess, s.partner.ej.finess].sort());
    const mails = await outbox(id);
    // Every active instructor of the region receives it (other tests' instructors of region 84 too).
    expect(mails.filter((mail) => mail.template === "dossier-submitted-establishment").map((mail) => mail.toAddress)).toEqual([s.referent.email]);
    expect(mails.filter((mail) => mail.template === "dossier-submitted-ars").map((mail) => mail.toAddress)).toContain(s.instructor.email);
    expect(mails[0]!.subject).toContain("Transmission de votre formulaire de dépôt de projet à votre ARS");
  });

  it("a party's EJ page lists the project it takes part in: the ARS opens it, the party's referent only sees that it counts", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    const partnerReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [s.partner.ej.finess] }), [s.partner.ej.finess]);
    const asParty = await dossiersOfLegalEntity(db, partnerReferent, s.partner.ej.finess);
    expect(asParty.map((row) => [row.dossierId, row.role, row.readable, row.carrierName])).toEqual([[id, "party", false, "CH porteur"]]);
    await expect(getDossierForUser(db, partnerReferent, id)).rejects.toBeInstanceOf(ForbiddenError);
    const forArs = await dossiersOfLegalEntity(db, s.instructor, s.partner.ej.finess);
    expect(forArs.map((row) => [row.dossierId, row.role, row.readable])).toEqual([[id, "party", true]]);
    // The porteur's own page lists it once, as its own.
    const forPorteur = await dossiersOfLegalEntity(db, s.referent, s.porteur.ej.finess);
    expect(forPorteur.filter((row) => row.dossierId === id).map((row) => row.role)).toEqual(["carrier"]);
  });

  it("a third project with the same FINESS PMSI is refused with source 001's rule", async () => {
    const s = await setting(db);
    await transmittedProject(db, s);
    await transmittedProject(db, s);
    const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
    const { version: saved } = await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner), inCall);
    const errors = await fieldErrorsOf(submitDossier(db, s.referent, id, saved, inCall));
    expect(errors.porteurFinessPmsi?.[0]).toBe(
      `CH porteur (FINESS PMSI ${s.porteur.ej.finess}) participe déjà à 2 projets transmis sur cet appel à projets, comme porteur ou partie prenante : un établissement ne peut candidater à plus de 2 projets.`,
    );
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});

describe("the ARS selection", () => {
  it("only the porteur's region instructs; the common acceptance is refused for a project", async () => {
    const s = await setting(db, "84");
    const id = await transmittedProject(db, s);
    const other = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "11" }));
    await expect(decideProjectSelection(db, other, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 100, justification: "x", factors: ["MATURITY"] }, inSelection)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDossierForUser(db, other, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptDossier(db, s.instructor, id, await version(id), {}, inSelection)).rejects.toThrow("Ce dossier se décide avec sa grille de sélection.");
  });

  it("an amount over the cap, or below it without the factors, is refused next to its field; nothing is decided", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    const over = await fieldErrorsOf(decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 8_500_001, justification: "Ambitieux." }, inSelection));
    expect(over.grantedCents).toEqual(["Le montant accordé ne peut dépasser 85\u202f000,00\u00a0€ (plafond de la catégorie C)."]);
    const below = await fieldErrorsOf(decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 6_000_000, justification: "Dépenses prévues moindres." }, inSelection));
    expect(below.factors?.[0]).toContain("indiquez les éléments qui l'ont déterminé");
    const missingComment = await fieldErrorsOf(decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid: { ...grid, ROBUSTNESS: { score: 2, comment: "" } }, grantedCents: 8_500_000, justification: "Complet." }, inSelection));
    expect(Object.keys(missingComment)).toEqual(["grid.ROBUSTNESS.comment"]);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.selection]).toEqual(["SUBMITTED", null]);
  });

  it("retains the project with a justified amount: the grid, the amount on the part, the acceptance e-mail with its two payments", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    await decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 6_000_001, justification: "Dépenses prévues inférieures au plafond.", factors: ["FORECAST_EXPENSES"] }, inSelection, notifyDossierEvent);
    const row = await db.dossier.findUniqueOrThrow({ where: { id }, include: { legalEntities: true } });
    expect(row.status).toBe("ACCEPTED");
    expect(selectionOf(row)).toMatchObject({ decision: "ACCEPT", category: "C", capCents: 8_500_000, grantedCents: 6_000_001, total: { total: 10, max: 12 } });
    expect(row.legalEntities.map((part) => [part.decidedCents, part.decisionCapCents])).toEqual([[6_000_001n, 8_500_000n]]);
    const accepted = (await outbox(id)).find((mail) => mail.template === "project-accepted");
    expect(accepted?.toAddress).toBe(s.referent.email);
    // 50 % floored in 2026, the odd cent in 2027 (lib/funding/aap.ts).
    expect(accepted?.textBody).toContain("Montant accordé par votre ARS : 60\u202f000,01\u00a0€");
    expect(accepted?.textBody).toContain("50 % en 2026, sur la base de l'acceptation du projet : 30\u202f000,00\u00a0€");
    expect(accepted?.textBody).toContain("50 % en 2027, sur la base de l'atteinte des objectifs du projet validée par votre ARS : 30\u202f000,01\u00a0€");
    expect(accepted?.textBody).toContain("au plus tard le 30 juin 2027");
  });

  it("a refusal gives the slots back and sends its reason", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    await decideProjectSelection(db, s.instructor, id, await version(id), { decision: "REFUSE", grid, reason: "Projet hors thématique." }, inSelection, notifyDossierEvent);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("REFUSED");
    expect(await db.projectCallSlot.count({ where: { dossierId: id } })).toBe(0);
    const refused = (await outbox(id)).find((mail) => mail.template === "dossier-refused");
    expect(refused?.textBody).toContain("Projet hors thématique.");
  });
});

describe("the June-2027 proofs", () => {
  async function acceptedProject() {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    await decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 8_500_000, justification: "Projet complet et ambitieux." }, inSelection, notifyDossierEvent);
    return { s, id };
  }

  it("no proof before the acceptance, nor outside the window (3 May – 30 June 2027)", async () => {
    const s = await setting(db);
    const id = await transmittedProject(db, s);
    await expect(saveProjectProofDraft(db, s.referent, id, await version(id), { targets: [] }, inProofs)).rejects.toThrow(
      new InvalidStateError("Les preuves d'atteinte des cibles se déposent une fois le projet accepté par l'ARS : ce projet ne l'est pas encore."),
    );
    const accepted = await acceptedProject();
    await expect(saveProjectProofDraft(db, accepted.s.referent, accepted.id, await version(accepted.id), { targets: [] }, inSelection)).rejects.toThrow(
      new DeadlinePassedError("Le dépôt des preuves d'atteinte des cibles ouvre le 3 mai 2027."),
    );
    await expect(saveProjectProofDraft(db, accepted.s.referent, accepted.id, await version(accepted.id), { targets: [] }, new Date("2027-07-01T10:00:00+02:00"))).rejects.toBeInstanceOf(DeadlinePassedError);
  });

  it("deposit, complement, deposit again, validation: the statuses, the proofs required, the e-mails", async () => {
    const { s, id } = await acceptedProject();
    const { version: saved } = await saveProjectProofDraft(db, s.referent, id, await version(id), { targets: [{ targetId: "t-1", reached: true, comment: "" }] }, inProofs);
    // A reached target needs its proof.
    const errors = await fieldErrorsOf(submitProjectProof(db, s.referent, id, saved, inProofs, notifyDossierEvent));
    expect(errors["documents.TARGET_PROOF.t-1"]).toEqual(["Joignez la preuve d'atteinte de la cible « 90 % des soignants se connectent par e-CPS »."]);
    const file = await createStoredFile(db, s.referent.id, "tableau-de-bord-e-cps.pdf");
    await attachDocument(db, s.referent, id, { kind: "TARGET_PROOF", fileId: file.id, legalEntities: [], objectiveCode: "t-1" }, inProofs);
    await submitProjectProof(db, s.referent, id, await version(id), inProofs, notifyDossierEvent);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("PROOF_SUBMITTED");

    await requestProofChanges(db, s.instructor, id, await version(id), { message: "Joignez l'export de l'annuaire." }, inProofs, notifyDossierEvent);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("PROOF_CHANGES_REQUESTED");
    await submitProjectProof(db, s.referent, id, await version(id), inProofs, notifyDossierEvent);

    await expect(decideObjectives(db, s.instructor, id, await version(id), { outcome: "NOT_MET", comment: "" }, inProofs)).rejects.toBeInstanceOf(ValidationError);
    await decideObjectives(db, s.instructor, id, await version(id), { outcome: "VALIDATED", comment: "Cible atteinte." }, inProofs, notifyDossierEvent);
    const row = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("OBJECTIVES_VALIDATED");
    expect(selectionOf(row)?.proof).toMatchObject({ outcome: "VALIDATED", comment: "Cible atteinte." });
    const templates = (await outbox(id)).map((mail) => mail.template);
    expect(templates).toEqual(
      expect.arrayContaining([
        "project-proof-submitted-establishment",
        "project-proof-submitted-ars",
        "project-proof-changes-requested",
        "project-proof-resubmitted-establishment",
        "project-proof-resubmitted-ars",
        "project-objectives-validated",
      ]),
    );
    const validated = (await outbox(id)).find((mail) => mail.template === "project-objectives-validated");
    expect(validated?.textBody).toContain("Le solde de 50 % du montant accordé, soit 42\u202f500,00\u00a0€, est versé en 2027.");
  });

  it("another establishment cannot write the proofs", async () => {
    const { id } = await acceptedProject();
    const stranger = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT" }), []);
    await expect(saveProjectProofDraft(db, stranger, id, await version(id), { targets: [] }, inProofs)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

