import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { DepositDraft } from "@/lib/dossiers/dossier-input";
import { attachDocument, detachDocument, getDossierForUser, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { canDownloadStoredFile } from "@/lib/storage/file-access";
import { ConflictError, DeadlinePassedError, ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import {
  asCurrentUser,
  createGht,
  createRegion,
  createLegalEntity,
  createSelfAssessment,
  createStoredFile,
  createUser,
} from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import {
  acceptedCandidature,
  arsAccepts,
  candidature,
  completeTeam,
  depositDraft,
  establishment,
  inCandidature,
  inCandidatureInstruction,
  inDeposit,
  instructionGuichets,
  readyDeposit as readyDepositOf,
} from "../support/dossier-builders";

let db: Database;
// Demo-like calendar (source 000/003): candidatures until 13 Feb 2026; 2026 deposits 4 May – 26 June, instruction until 15 Sept.
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;
let candidatureGuichet: { id: string };
let depositGuichet: { id: string };
const afterDeposit = new Date("2026-06-26T22:30:00Z"); // 27 June 00:30 in Paris

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  guichets = await instructionGuichets(db);
  ({ candidature: candidatureGuichet, deposit: depositGuichet } = guichets);
});

/** An EJ of 800 agents (source 000 example: 39 050 € a year) with its referent. */
const singleEj = () => establishment(db, "84", "CH Test");
const submittedCandidature = (user: CurrentUser, finess: string) => candidature(db, user, finess, candidatureGuichet.id);
const acceptedCandidatureOf = (user: CurrentUser, finess: string) => acceptedCandidature(db, user, finess, candidatureGuichet.id);

/** A complete 2026 deposit of one EJ, ready to submit; returns the dossier id and its version. */
async function readyDeposit() {
  const { ej, referent } = await singleEj();
  const ready = await readyDepositOf(db, referent, ej.finess, guichets);
  return { ej, referent, ...ready };
}

describe("starting a dossier", () => {
  it("gives an EJ one dossier per guichet, numbered, covering that EJ only", async () => {
    const { ej, referent } = await singleEj();
    const first = await startDossier(db, referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature);
    const again = await startDossier(db, referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature);
    expect(again.id).toBe(first.id);
    const dossier = await getDossierForUser(db, referent, first.id);
    expect(dossier.number).toMatch(/^HC-C2026-\d{6}$/);
    expect(dossier.status).toBe("DRAFT");
    expect(dossier.legalEntities.map((part) => part.legalEntityFiness)).toEqual([ej.finess]);
  });

  it("for a GHT, the support EJ carries every EJ of the GHT; a member EJ cannot carry one (source 000)", async () => {
    const support = await createLegalEntity(db, { regionCode: "84" });
    const member = await createLegalEntity(db, { regionCode: "84" });
    await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess] });
    const supportReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [support.finess] }), [support.finess]);
    const memberReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [member.finess] }), [member.finess]);
    const { id } = await startDossier(db, supportReferent, { guichetId: candidatureGuichet.id, carrierFiness: support.finess }, inCandidature);
    const dossier = await getDossierForUser(db, supportReferent, id);
    expect(dossier.legalEntities.map((part) => part.legalEntityFiness).sort()).toEqual([support.finess, member.finess].sort());
    await expect(startDossier(db, memberReferent, { guichetId: candidatureGuichet.id, carrierFiness: member.finess }, inCandidature)).rejects.toThrow(/établissement support/);
    await expect(getDossierForUser(db, memberReferent, id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses another EJ's referent, an instructor, and a closed guichet", async () => {
    const { ej } = await singleEj();
    const other = await singleEj();
    await expect(startDossier(db, other.referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature)).rejects.toBeInstanceOf(ForbiddenError);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await expect(startDossier(db, instructor, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startDossier(db, other.referent, { guichetId: candidatureGuichet.id, carrierFiness: other.ej.finess }, new Date("2026-02-13T23:30:00Z"))).rejects.toBeInstanceOf(
      DeadlinePassedError,
    );
    expect(await db.dossier.count({ where: { carrierFiness: { in: [ej.finess, other.ej.finess] } } })).toBe(0);
  });

  it("a yearly deposit needs a candidature accepted by the ARS (sources 000, 001), with the reason the dossiers page shows", async () => {
    const { ej, referent } = await singleEj();
    const start = () => startDossier(db, referent, { guichetId: depositGuichet.id, carrierFiness: ej.finess }, inDeposit);
    await expect(start()).rejects.toThrow(/Aucune candidature/);
    const candidatureId = await submittedCandidature(referent, ej.finess);
    await expect(start()).rejects.toThrow(/est en cours d'instruction/);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await arsAccepts(db, instructor, candidatureId, inCandidatureInstruction);
    await expect(start()).resolves.toHaveProperty("id");
  });
});

describe("candidature", () => {
  it("lists every missing member of the project team and refuses to transmit", async () => {
    const { ej, referent } = await singleEj();
    const { id } = await startDossier(db, referent, { guichetId: candidatureGuichet.id, carrierFiness: ej.finess }, inCandidature);
    const team = completeTeam();
    team.projectTeam.ciso = { name: "", email: "" };
    await saveCandidatureDraft(db, referent, id, 0, team, inCandidature);
    const error = await submitDossier(db, referent, id, 1, inCandidature).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["projectTeam.ciso.email", "projectTeam.ciso.name"]);
    expect((await getDossierForUser(db, referent, id)).status).toBe("DRAFT");
  });
});

describe("2026 deposit", () => {
  it("submits a complete deposit: locked, with an immutable snapshot listing each document's SHA-256", async () => {
    const { referent, id, version } = await readyDeposit();
    const result = await submitDossier(db, referent, id, version, inDeposit);
    expect(result.alreadySubmitted).toBe(false);
    expect(result.sequence).toBe(1);
    expect(result.snapshot.documents.map((document) => document.name).sort()).toEqual(["attestation-daf.pdf", "note-de-cadrage.pdf"]);
    expect(result.snapshot.documents.every((document) => /^[0-9a-f]{64}$/.test(document.sha256))).toBe(true);
    expect(result.snapshot.parts[0]?.requested).toBe(3_000_000);
    const dossier = await getDossierForUser(db, referent, id);
    expect(dossier.status).toBe("SUBMITTED");
    await expect(saveDepositDraft(db, referent, id, dossier.version, depositDraft(dossier.carrierFiness), inDeposit)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("a document removed after a change request stays downloadable by the ARS through the submitted snapshot", async () => {
    const { ej, referent, id, version } = await readyDeposit();
    await submitDossier(db, referent, id, version, inDeposit);
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const outsider = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
    // The ARS asks for changes (the instruction side sets this status).
    await db.dossier.update({ where: { id }, data: { status: "CHANGES_REQUESTED" } });
    const note = (await getDossierForUser(db, referent, id)).documents.find((document) => document.kind === "NOTE_DE_CADRAGE");
    await detachDocument(db, referent, id, note!.id, inDeposit);
    await expect(canDownloadStoredFile(db, instructor, note!.fileId)).resolves.toMatchObject({ id: note!.fileId });
    await expect(canDownloadStoredFile(db, outsider, note!.fileId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(ej.regionCode).toBe("84");
  });

  it("accepts an NRU typed in lower case, as the portal issued it", async () => {
    const { ej, referent, id, version, assessment } = await readyDeposit();
    const next = await saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { nru: `  ${assessment.nru!.toLowerCase()} ` }), inDeposit);
    await expect(submitDossier(db, referent, id, next.version, inDeposit)).resolves.toMatchObject({ sequence: 1 });
  });

  it("a double click submits once", async () => {
    const { referent, id, version } = await readyDeposit();
    const [first, second] = await Promise.all([submitDossier(db, referent, id, version, inDeposit), submitDossier(db, referent, id, version, inDeposit)]);
    expect([first.alreadySubmitted, second.alreadySubmitted].sort()).toEqual([false, true]);
    expect(await db.dossierSubmission.count({ where: { dossierId: id } })).toBe(1);
    const third = await submitDossier(db, referent, id, version, inDeposit);
    expect(third).toMatchObject({ sequence: 1, alreadySubmitted: true });
  });

  it("two referents saving from the same version: the second gets a conflict, nothing overwritten", async () => {
    const { ej, referent, id, version } = await readyDeposit();
    const colleague = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] }), [ej.finess]);
    await saveDepositDraft(db, colleague, id, version, depositDraft(ej.finess, { requested: 100 }), inDeposit);
    await expect(saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { requested: 200 }), inDeposit)).rejects.toBeInstanceOf(ConflictError);
    const part = (await getDossierForUser(db, referent, id)).legalEntities[0];
    expect(part?.requestedCents).toBe(100n);
    // Each save is audited with its author.
    expect(await db.auditEvent.count({ where: { subject: `dossier:${id}`, action: "dossier.draft.saved", actorId: colleague.id } })).toBe(1);
  });

  it("refuses a requested amount above the eligible amount capped at the declared expenses (source 000)", async () => {
    const { ej, referent, id, version, assessment } = await readyDeposit();
    // 30 000 € declared, ceiling 39 050 €: at most 30 000 € can be requested.
    const next = await saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { nru: assessment.nru, requested: 3_000_001 }), inDeposit);
    const error = (await submitDossier(db, referent, id, next.version, inDeposit).catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[`parts.${ej.finess}.requested`]?.[0]).toMatch(/ne peut dépasser 30\s000,00\s€/);
    expect((await getDossierForUser(db, referent, id)).status).toBe("DRAFT");
  });

  it.each([
    ["an NRU of another EJ", "other-ej", /autre entité juridique/],
    ["a draft self-assessment", "draft", /pas validée/],
    ["a self-assessment validated before 1 January of the year", "last-year", /avant le 1er janvier 2026/],
    ["an unknown NRU", "unknown", /Aucune autoévaluation/],
  ])("refuses %s (source 003)", async (_label, kind, message) => {
    const { ej, referent, id, version } = await readyDeposit();
    const other = await singleEj();
    let nru: string | null = "IE-INCONNU";
    if (kind === "other-ej") nru = (await createSelfAssessment(db, { legalEntityFiness: other.ej.finess, createdById: other.referent.id, status: "VALIDATED" })).nru;
    if (kind === "last-year") nru = (await createSelfAssessment(db, { legalEntityFiness: ej.finess, createdById: referent.id, status: "VALIDATED", validatedAt: new Date("2025-12-31T22:30:00Z") })).nru;
    if (kind === "draft") {
      const draft = await createSelfAssessment(db, { legalEntityFiness: ej.finess, createdById: referent.id, status: "DRAFT" });
      nru = `IE-DRAFT-${draft.id.toUpperCase()}`;
      await db.selfAssessment.update({ where: { id: draft.id }, data: { nru } });
    }
    const next = await saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { nru }), inDeposit);
    const error = (await submitDossier(db, referent, id, next.version, inDeposit).catch((caught: unknown) => caught)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[`parts.${ej.finess}.nru`]?.[0]).toMatch(message);
  });

  it("lists a missing note de cadrage, attestation and expenses next to their fields", async () => {
    const { ej, referent } = await singleEj();
    await acceptedCandidatureOf(referent, ej.finess);
    const { id } = await startDossier(db, referent, { guichetId: depositGuichet.id, carrierFiness: ej.finess }, inDeposit);
    const draft = depositDraft(ej.finess, { requested: null, expenses: { rh_internes: null, prestations_externes: 0, depenses_editeurs: 0 } });
    draft.attestations.expensesTruthful = false;
    const { version } = await saveDepositDraft(db, referent, id, 0, draft, inDeposit);
    const error = (await submitDossier(db, referent, id, version, inDeposit).catch((caught: unknown) => caught)) as ValidationError;
    expect(Object.keys(error.fieldErrors).sort()).toEqual(
      [
        "attestations.expensesTruthful",
        `parts.${ej.finess}.expenseAttestation`,
        `parts.${ej.finess}.expenses.rh_internes`,
        `parts.${ej.finess}.noteDeCadrage`,
        `parts.${ej.finess}.nru`,
        `parts.${ej.finess}.requested`,
      ].sort(),
    );
  });

  it("is closed after 26 June, Paris time, for a draft", async () => {
    const { referent, id, version } = await readyDeposit();
    await expect(submitDossier(db, referent, id, version, afterDeposit)).rejects.toBeInstanceOf(DeadlinePassedError);
  });

  it("a derogation for the EJ's region extends its deadline, not another region's", async () => {
    const { referent, id, version } = await readyDeposit();
    const other = await readyDeposit();
    await db.legalEntity.update({ where: { finess: other.ej.finess }, data: { regionCode: "53" } });
    await createRegion(db, "53");
    await db.guichetDerogation.create({
      data: { guichetId: depositGuichet.id, regionCode: "84", closesOn: new Date("2026-07-03T00:00:00Z"), reason: "Panne régionale du portail", createdById: referent.id },
    });
    await expect(submitDossier(db, referent, id, version, afterDeposit)).resolves.toMatchObject({ sequence: 1 });
    await expect(submitDossier(db, other.referent, other.id, other.version, afterDeposit)).rejects.toBeInstanceOf(DeadlinePassedError);
  });

  it("one note de cadrage serves several EJ of a GHT; a removed document no longer counts", async () => {
    const support = await createLegalEntity(db, { regionCode: "84" });
    const member = await createLegalEntity(db, { regionCode: "84" });
    await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess] });
    const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [support.finess] }), [support.finess]);
    await submittedCandidature(referent, support.finess).catch(async () => {
      // A GHT candidature needs the mandate: attach it and submit.
    });
    const candidature = await db.dossier.findFirstOrThrow({ where: { carrierFiness: support.finess } });
    const mandate = await createStoredFile(db, referent.id, "convention-ght.pdf");
    await attachDocument(db, referent, candidature.id, { kind: "GHT_MANDATE", fileId: mandate.id, legalEntities: [] }, inCandidature);
    const team = { ...completeTeam(), ghtMandateKind: "CONVENTION_EXTRACT" };
    const saved = await saveCandidatureDraft(db, referent, candidature.id, (await getDossierForUser(db, referent, candidature.id)).version, team, inCandidature);
    await submitDossier(db, referent, candidature.id, saved.version, inCandidature);
    await arsAccepts(db, asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" })), candidature.id, inCandidatureInstruction);

    const { id } = await startDossier(db, referent, { guichetId: depositGuichet.id, carrierFiness: support.finess }, inDeposit);
    const note = await createStoredFile(db, referent.id, "note-ght.pdf");
    const { documentId } = await attachDocument(db, referent, id, { kind: "NOTE_DE_CADRAGE", fileId: note.id, legalEntities: [support.finess, member.finess] }, inDeposit);
    const dossier = await getDossierForUser(db, referent, id);
    expect(dossier.documents).toHaveLength(1);
    expect(dossier.documents[0]?.legalEntities.map((link) => link.legalEntityFiness).sort()).toEqual([support.finess, member.finess].sort());
    const draft: DepositDraft = { attestations: { targetsReached: true, expensesTruthful: true }, parts: [] };
    const error = (await submitDossier(db, referent, id, (await saveDepositDraft(db, referent, id, 0, draft, inDeposit)).version, inDeposit).catch((caught: unknown) => caught)) as ValidationError;
    expect(Object.keys(error.fieldErrors).some((key) => key.endsWith("noteDeCadrage"))).toBe(false);
    await detachDocument(db, referent, id, documentId, inDeposit);
    const after = await getDossierForUser(db, referent, id);
    expect(after.documents).toHaveLength(0);
  });
});
