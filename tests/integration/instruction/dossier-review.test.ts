import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { attachDocument, detachDocument, getDossierForUser, saveDepositDraft, submitDossier } from "@/lib/dossiers/service";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { loadDossierReview } from "@/lib/instruction/dossier-review";
import { asCurrentUser, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { acceptDossier } from "@/lib/dossiers/instruction";
import { arsAccepts, arsRequestsChanges, candidature, depositDraft, directDossier, establishment, inDeposit, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { careGuichet } from "../support/care-releve-builders";

let db: Database;
let ara: CurrentUser;
let bretagne: CurrentUser;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;
const july = new Date("2026-07-01T10:00:00Z");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  guichets = await instructionGuichets(db);
  ara = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  bretagne = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
});

describe("access", () => {
  it("404 for an unknown dossier and for a draft; 403 for an instructor of another region", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Draft");
    const draft = await candidature(db, referent, ej.finess, guichets.candidature.id, { draft: true });
    await expect(loadDossierReview(db, ara, "unknown-id", july)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadDossierReview(db, ara, draft, july)).rejects.toBeInstanceOf(NotFoundError);
    const other = await establishment(db, "84", "CH Transmis");
    const sent = await candidature(db, other.referent, other.ej.finess, guichets.candidature.id);
    await expect(loadDossierReview(db, bretagne, sent, july)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDossierReview(db, ara, sent, july)).resolves.toMatchObject({ row: { id: sent } });
  });
});

describe("each instructor its programme: the ANS the CaRE relèves, the ARS the others", () => {
  it("an ANS instructor is refused a HOP'EN2 dossier: read, review and decision", async () => {
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    const { ej, referent } = await establishment(db, "84", "CH HOP'EN2");
    const sent = await candidature(db, referent, ej.finess, guichets.candidature.id);
    await expect(getDossierForUser(db, ans, sent)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDossierReview(db, ans, sent, july)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptDossier(db, ans, sent, 1, {}, new Date("2026-03-02T10:00:00Z"))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: sent } })).status).toBe("SUBMITTED");
  });

  it("an ARS instructor is refused a CaRE relève, even of its own region: read, review and decision", async () => {
    const care = await careGuichet(db);
    const { ej, referent } = await establishment(db, "84", "CH CaRE Alpha");
    const { id } = await directDossier(db, { guichet: care, carrierFiness: ej.finess, referent, status: "SUBMITTED" });
    await expect(getDossierForUser(db, ara, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDossierReview(db, ara, id, july)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptDossier(db, ara, id, 0, {}, july)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });

  it("an ANS instructor reviews a CaRE relève of any region and may act on it; a CaRE draft is not found, and not readable", async () => {
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    const care = await careGuichet(db);
    const breton = await establishment(db, "53", "Clinique CaRE");
    const { id, fileId } = await directDossier(db, { guichet: care, carrierFiness: breton.ej.finess, referent: breton.referent, status: "SUBMITTED", withDocument: true });
    const review = await loadDossierReview(db, ans, id, july);
    expect(review.row.id).toBe(id);
    expect(review.instruction).toMatchObject({ canAct: true, kind: "CARE_RELEVE", daysLeft: 92 });
    expect(review.transmitted?.parts[0]?.documents.map((document) => document.fileId)).toEqual([fileId]);

    const draft = await directDossier(db, { guichet: await careGuichet(db), carrierFiness: breton.ej.finess, referent: breton.referent, status: "DRAFT" });
    await expect(loadDossierReview(db, ans, draft.id, july)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDossierForUser(db, ans, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDossierForUser(db, breton.referent, draft.id)).resolves.toMatchObject({ id: draft.id });
  });

  it("no instructor reads a draft: the ARS of its region neither (the review says not found)", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Brouillon ARS");
    const draft = await candidature(db, referent, ej.finess, guichets.candidature.id, { draft: true });
    await expect(getDossierForUser(db, ara, draft)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDossierReview(db, ara, draft, july)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a transmitted 2026 deposit", () => {
  it("shows each EJ's part as transmitted: NRU with scores, expenses, amounts of lib/funding, documents", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Complet");
    const { id, assessment } = await submittedDeposit(db, referent, ej.finess, guichets);
    const review = await loadDossierReview(db, ara, id, july);
    expect(review.submissions.map((submission) => [submission.sequence, submission.changes])).toEqual([[1, null]]);
    const [part] = review.transmitted!.parts;
    expect(part).toMatchObject({
      finess: ej.finess,
      headcount: 800,
      nru: assessment.nru,
      nruProblem: null,
      milestoneComplete: true,
      expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 },
      requested: 3_000_000,
      decided: null,
      amounts: { annualCeiling: 3_905_000, eligible: 3_905_000, declaredExpenses: 3_000_000, capped: 3_000_000 },
      assessment: { nru: assessment.nru, validatedOn: "2026-05-15", scores: { overall: { percent: 62.5 } } },
    });
    expect(part!.assessment!.scores!.dimensions.map((dimension) => dimension.percent)).toEqual([75, 50]);
    expect(part!.documents.map((document) => document.name).sort()).toEqual(["attestation-daf.pdf", "note-de-cadrage.pdf"]);
    expect(review.instruction).toMatchObject({ dossierId: id, status: "SUBMITTED", canAct: true, daysLeft: 77, openChangeRequest: null });
    expect(review.instruction.parts).toEqual([{ finess: ej.finess, name: "CH Complet", capped: 3_000_000, requested: 3_000_000, decided: null, objectiveReview: null }]);
    expect(review.events.map((event) => event.type)).toEqual(["CREATED", "SUBMITTED"]);
  });

  it("after a change request: the live edits stay invisible until transmitted; then what changed since the previous submission", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Corrigé");
    const { id, note } = await submittedDeposit(db, referent, ej.finess, guichets);
    await arsRequestsChanges(db, ara, id, new Date("2026-06-05T09:00:00Z"), {
      message: "Merci de corriger les dépenses RH et de joindre la note signée.",
      points: [
        { key: `parts.${ej.finess}.expenses.rh_internes`, label: "Dépenses RH internes", reason: "INCORRECT" },
        { key: `parts.${ej.finess}.noteDeCadrage`, label: "Note de cadrage", reason: "INCOMPLETE", comment: "Non signée" },
        { key: `parts.${ej.finess}.requested`, label: "Montant demandé", reason: "INCORRECT" },
      ],
    });

    // The establishment edits: the RH expenses and the note de cadrage (new bytes).
    let row = await getDossierForUser(db, referent, id);
    const nru = (await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id }, include: { selfAssessment: true } })).selfAssessment!.nru;
    const saved = await saveDepositDraft(db, referent, id, row.version, depositDraft(ej.finess, { nru, expenses: { rh_internes: 1_400_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 } }), inDeposit);
    const oldNote = row.documents.find((document) => document.fileId === note.id)!;
    await detachDocument(db, referent, id, oldNote.id, inDeposit);
    const signed = await createStoredFile(db, referent.id, "note-de-cadrage.pdf");
    await attachDocument(db, referent, id, { kind: "NOTE_DE_CADRAGE", fileId: signed.id, legalEntities: [ej.finess] }, inDeposit);

    const meanwhile = await loadDossierReview(db, ara, id, july);
    expect(meanwhile.transmitted!.snapshot.sequence).toBe(1);
    expect(meanwhile.transmitted!.parts[0]!.expenses.rh_internes).toBe(1_000_000);
    expect(meanwhile.transmitted!.parts[0]!.documents.map((document) => document.fileId)).toContain(note.id);
    expect(meanwhile.instruction.openChangeRequest).toMatchObject({ message: "Merci de corriger les dépenses RH et de joindre la note signée." });
    expect(meanwhile.instruction.openChangeRequest!.points).toHaveLength(3);

    row = await getDossierForUser(db, referent, id);
    expect(row.version).toBe(saved.version);
    await submitDossier(db, referent, id, row.version, new Date("2026-06-10T08:00:00Z")); // answers the open request

    const review = await loadDossierReview(db, ara, id, july);
    expect(review.submissions.map((submission) => submission.sequence)).toEqual([1, 2]);
    const changes = review.submissions[1]!.changes!;
    expect(changes.fields).toEqual([
      { key: `parts.${ej.finess}.expenses.rh_internes`, label: "CH Corrigé — Dépenses — RH internes", kind: "cents", before: 1_000_000, after: 1_400_000, legalEntityFiness: ej.finess },
    ]);
    expect(changes.documentsRemoved.map((document) => document.sha256)).toEqual([note.sha256]);
    expect(changes.documentsAdded.map((document) => document.sha256)).toEqual([signed.sha256]);
    expect(review.transmitted!.parts[0]!.amounts).toMatchObject({ declaredExpenses: 3_400_000, capped: 3_400_000 });
    // The answered request says which of its points the resubmission touched.
    expect(review.changeRequests).toEqual([
      expect.objectContaining({ status: "ANSWERED", answeredBy: { sequence: 2, touched: [`parts.${ej.finess}.expenses.rh_internes`, `parts.${ej.finess}.noteDeCadrage`] } }),
    ]);
    expect(review.events.map((event) => event.type)).toEqual(["CREATED", "SUBMITTED", "REQUEST_CHANGES", "RESUBMITTED"]);
    expect(review.events[2]).toMatchObject({ actorRole: "ARS_INSTRUCTOR", message: "Merci de corriger les dépenses RH et de joindre la note signée." });
    expect(review.events.at(-1)).toMatchObject({ actorRole: "ESTABLISHMENT_REFERENT", fromStatus: "CHANGES_REQUESTED", toStatus: "SUBMITTED" });
  });

  it("a decided dossier: no action possible, the decided amount shown", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Décidé");
    const { id } = await submittedDeposit(db, referent, ej.finess, guichets);
    await arsAccepts(db, ara, id, new Date("2026-06-20T10:00:00Z"), { [ej.finess]: 2_900_000 });
    const review = await loadDossierReview(db, ara, id, july);
    expect(review.instruction.canAct).toBe(false);
    expect(review.instruction.parts[0]!.decided).toBe(2_900_000);
    expect(review.transmitted!.parts[0]!.decided).toBe(2_900_000);
  });
});
