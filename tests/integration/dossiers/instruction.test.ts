import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { DossierNotifier } from "@/lib/dossiers/instruction";
import { acceptDossier, refuseDossier, requestChanges, withdrawChangeRequest } from "@/lib/dossiers/instruction";
import { attachDocument, getDossierForUser, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { ConflictError, DeadlinePassedError, ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { asCurrentUser, createGuichet, createLegalEntity, createSelfAssessment, createSite, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { directDossier, establishment } from "../support/dossier-builders";
import { careGuichet } from "../support/care-releve-builders";

let db: Database;
let candidatureGuichet: { id: string };
let depositGuichet: { id: string };
const inCandidature = new Date("2026-02-01T10:00:00Z");
const inDeposit = new Date("2026-06-01T08:00:00Z");
const inCandidatureInstruction = new Date("2026-03-02T10:00:00Z");
const inInstruction = new Date("2026-07-10T08:00:00Z");
const afterInstruction = new Date("2026-09-15T22:30:00Z"); // 16 Sept 00:30 in Paris

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  candidatureGuichet = await createGuichet(db, { kind: "CANDIDATURE", year: 2026, opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" });
  depositGuichet = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
});

const team = Object.fromEntries(["qualityLead", "businessRepresentative", "hrDirector", "ciso", "cio", "programmeReferent", "signatory"].map((key) => [key, { name: `Nom ${key}`, email: `${key}@ch.fr` }]));

/** A submitted 2026 deposit of an 800-agent EJ in region 84: 30 000 € of expenses, ceiling 39 050 € (source 000). */
async function submittedDeposit() {
  const ej = await createLegalEntity(db, { regionCode: "84" });
  await createSite(db, { legalEntityFiness: ej.finess, staff: [{ year: 2024, salaried: 700, liberal: 100 }] });
  const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] }), [ej.finess]);
  const candidature = await startDossier(db, referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature);
  await saveCandidatureDraft(db, referent, candidature.id, 0, { projectTeam: team, ghtMandateKind: null } as never, inCandidature);
  await submitDossier(db, referent, candidature.id, 1, inCandidature);
  // The yearly deposit needs the candidature accepted by the ARS (sources 000, 001).
  await acceptDossier(db, asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" })), candidature.id, 2, {}, inCandidatureInstruction);
  const assessment = await createSelfAssessment(db, { legalEntityFiness: ej.finess, createdById: referent.id, status: "VALIDATED" });
  const { id } = await startDossier(db, referent, { guichetId: depositGuichet.id, carrierFiness: ej.finess }, inDeposit);
  for (const kind of ["NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION"] as const) {
    const file = await createStoredFile(db, referent.id);
    await attachDocument(db, referent, id, { kind, fileId: file.id, legalEntities: [ej.finess] }, inDeposit);
  }
  const draft = {
    attestations: { targetsReached: true, expensesTruthful: true },
    parts: [{ legalEntityFiness: ej.finess, nru: assessment.nru, expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 }, mandatoryObjectiveMet: null, objectivesReached: [], requested: 3_000_000 }],
  };
  const { version } = await saveDepositDraft(db, referent, id, 0, draft, inDeposit);
  await submitDossier(db, referent, id, version, inDeposit);
  const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  return { ej, referent, instructor, id, version: version + 1, draft };
}

function recordingNotifier() {
  const events: string[] = [];
  const notify: DossierNotifier = async (_tx, event) => {
    events.push(event.kind);
    return 1;
  };
  return { events, notify };
}

describe("ARS instruction", () => {
  it("accepts with the capped amount by default (30 000 €: expenses below the 39 050 € ceiling)", async () => {
    const { instructor, referent, id, version, ej } = await submittedDeposit();
    const { events, notify } = recordingNotifier();
    await acceptDossier(db, instructor, id, version, {}, inInstruction, notify);
    const dossier = await getDossierForUser(db, referent, id);
    expect(dossier.status).toBe("ACCEPTED");
    expect(dossier.legalEntities.find((part) => part.legalEntityFiness === ej.finess)?.decidedCents).toBe(3_000_000n);
    expect(events).toEqual(["ACCEPTED"]);
  });

  it("never accepts more than the capped amount", async () => {
    const { instructor, id, version, ej } = await submittedDeposit();
    const error = (await acceptDossier(db, instructor, id, version, { amounts: { [ej.finess]: 3_000_001 } }, inInstruction).catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[`amounts.${ej.finess}`]?.[0]).toMatch(/ne peut dépasser 30\s000,00\s€/);
    await acceptDossier(db, instructor, id, version, { amounts: { [ej.finess]: 2_500_000 }, reasons: { [ej.finess]: "Dépenses éditeurs non justifiées." } }, inInstruction);
  });

  it("refuses with a required reason", async () => {
    const { instructor, referent, id, version } = await submittedDeposit();
    await expect(refuseDossier(db, instructor, id, version, { reason: "  " }, inInstruction)).rejects.toBeInstanceOf(ValidationError);
    const { events, notify } = recordingNotifier();
    await refuseDossier(db, instructor, id, version, { reason: "Note de cadrage hors modèle national." }, inInstruction, notify);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(dossier.status).toBe("REFUSED");
    expect(dossier.events.find((event) => event.type === "REFUSE")?.message).toBe("Note de cadrage hors modèle national.");
    expect(events).toEqual(["REFUSED"]);
    await expect(saveDepositDraft(db, referent, id, version + 1, { attestations: { targetsReached: true, expensesTruthful: true }, parts: [] }, inInstruction)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("request changes → the establishment corrects and resubmits → the request is answered; a withdrawn request gives the dossier back", async () => {
    const { instructor, referent, id, version, draft, ej } = await submittedDeposit();
    const { events, notify } = recordingNotifier();
    await expect(requestChanges(db, instructor, id, version, { message: "" }, inInstruction)).rejects.toBeInstanceOf(ValidationError);
    const requested = await requestChanges(
      db,
      instructor,
      id,
      version,
      { message: "Merci de corriger les dépenses.", points: [{ key: `parts.${ej.finess}.expenses.rh_internes`, label: "RH internes", reason: "INCORRECT", comment: "Montant non justifié" }] },
      inInstruction,
      notify,
    );
    expect(requested.status).toBe("CHANGES_REQUESTED");
    expect(await db.changeRequest.count({ where: { dossierId: id, status: "OPEN" } })).toBe(1);
    // After the deposit window, the establishment may still answer a request until the end of instruction.
    const saved = await saveDepositDraft(db, referent, id, requested.version, { ...draft, parts: [{ ...draft.parts[0]!, expenses: { ...draft.parts[0]!.expenses, rh_internes: 900_000 }, requested: 2_900_000 }] }, inInstruction);
    const resubmitted = await submitDossier(db, referent, id, saved.version, inInstruction, notify);
    expect(resubmitted.sequence).toBe(2);
    expect(await db.changeRequest.count({ where: { dossierId: id, status: "ANSWERED" } })).toBe(1);
    expect(events).toEqual(["CHANGES_REQUESTED", "RESUBMITTED"]);

    const again = await requestChanges(db, instructor, id, saved.version + 1, { message: "Encore un point." }, inInstruction);
    const withdrawn = await withdrawChangeRequest(db, instructor, id, again.version, inInstruction);
    expect(withdrawn.status).toBe("SUBMITTED");
    expect(await db.changeRequest.count({ where: { dossierId: id, status: "WITHDRAWN" } })).toBe(1);
  });

  it("two instructors deciding at once: exactly one succeeds, the other gets a clear conflict", async () => {
    const { instructor, id, version } = await submittedDeposit();
    const colleague = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const results = await Promise.allSettled([
      acceptDossier(db, instructor, id, version, {}, inInstruction),
      refuseDossier(db, colleague, id, version, { reason: "Incomplet" }, inInstruction),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ConflictError);
    expect((failure.reason as ConflictError).userMessage).toMatch(/a changé depuis l'affichage/);
    expect(await db.dossierEvent.count({ where: { dossierId: id, type: { in: ["ACCEPT", "REFUSE"] } } })).toBe(1);
  });

  it("a stale page (the establishment resubmitted meanwhile) cannot decide", async () => {
    const { instructor, id, version } = await submittedDeposit();
    await requestChanges(db, instructor, id, version, { message: "Complément" }, inInstruction);
    await expect(acceptDossier(db, instructor, id, version, {}, inInstruction)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("an instructor of another region, or a referent, cannot act", async () => {
    const { referent, id, version } = await submittedDeposit();
    const other = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
    await expect(acceptDossier(db, other, id, version, {}, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refuseDossier(db, referent, id, version, { reason: "x" }, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });

  it("no decision after the end of instruction (15 September, Paris time)", async () => {
    const { instructor, id, version } = await submittedDeposit();
    await expect(acceptDossier(db, instructor, id, version, {}, afterInstruction)).rejects.toBeInstanceOf(DeadlinePassedError);
    await expect(acceptDossier(db, instructor, id, version, {}, new Date("2026-09-15T21:59:00Z"))).resolves.toMatchObject({ status: "ACCEPTED" });
  });
});

describe("the ANS instructs the CaRE relèves, with the common steps", () => {
  it("requests changes, withdraws the request, accepts; refuses another with its reason — each step recorded as the ANS's", async () => {
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    const care = await careGuichet(db);
    const { ej, referent } = await establishment(db, "93", "CH CaRE Provence");
    const { id } = await directDossier(db, { guichet: care, carrierFiness: ej.finess, referent, status: "SUBMITTED" });
    const { notify, events } = recordingNotifier();
    const asked = await requestChanges(db, ans, id, 0, { message: "Joignez l'état financier signé." }, inInstruction, notify);
    expect(asked).toEqual({ status: "CHANGES_REQUESTED", version: 1 });
    const withdrawn = await withdrawChangeRequest(db, ans, id, asked.version, inInstruction);
    expect(withdrawn.status).toBe("SUBMITTED");
    await expect(acceptDossier(db, ans, id, withdrawn.version, {}, inInstruction, notify)).resolves.toEqual({ status: "ACCEPTED", version: 3 });
    expect(events).toEqual(["CHANGES_REQUESTED", "ACCEPTED"]);
    const history = await db.dossierEvent.findMany({ where: { dossierId: id }, orderBy: { id: "asc" } });
    expect(history.map((event) => [event.type, event.actorRole])).toEqual([
      ["REQUEST_CHANGES", "ANS_INSTRUCTOR"],
      ["WITHDRAW_CHANGE_REQUEST", "ANS_INSTRUCTOR"],
      ["ACCEPT", "ANS_INSTRUCTOR"],
    ]);

    const other = await establishment(db, "53", "Clinique CaRE Bretagne");
    const second = await directDossier(db, { guichet: care, carrierFiness: other.ej.finess, referent: other.referent, status: "SUBMITTED" });
    await expect(refuseDossier(db, ans, second.id, 0, { reason: "" }, inInstruction)).rejects.toBeInstanceOf(ValidationError);
    await expect(refuseDossier(db, ans, second.id, 0, { reason: "Dépenses hors périmètre CaRE." }, inInstruction)).resolves.toMatchObject({ status: "REFUSED" });
  });

  it("the ANS may not decide a HOP'EN2 deposit; the ARS of the region may not decide a CaRE releve; the DNS decides nothing", async () => {
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    const { instructor, id, version } = await submittedDeposit();
    await expect(acceptDossier(db, ans, id, version, {}, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestChanges(db, ans, id, version, { message: "x" }, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);

    const care = await careGuichet(db);
    const { ej, referent } = await establishment(db, "84", "CH CaRE Alpha");
    const releve = await directDossier(db, { guichet: care, carrierFiness: ej.finess, referent, status: "SUBMITTED" });
    await expect(acceptDossier(db, instructor, releve.id, 0, {}, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refuseDossier(db, instructor, releve.id, 0, { reason: "x" }, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptDossier(db, asCurrentUser(await createUser(db, { role: "DNS_ADMIN" })), releve.id, 0, {}, inInstruction)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: releve.id } })).status).toBe("SUBMITTED");
  });
});
