/**
 * Realistic dossiers built through lib/dossiers/service (start, save,
 * attach, submit), as establishments do, and lib/dossiers/instruction (request
 * changes, accept, refuse), as the ARS does.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { DepositDraft } from "@/lib/dossiers/dossier-input";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { attachDocument, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { acceptDossier, refuseDossier, requestChanges } from "@/lib/dossiers/instruction";
import { asCurrentUser, createGht, createGuichet, createLegalEntity, createSelfAssessment, createSite, createStoredFile, createUser } from "./factories";

// Demo-like calendar (source 000/003).
export const inCandidature = new Date("2026-02-01T10:00:00Z");
export const inDeposit = new Date("2026-06-01T08:00:00Z");
/** Within the instruction of the candidatures (until 31 March 2026). */
export const inCandidatureInstruction = new Date("2026-03-02T10:00:00Z");

export async function instructionGuichets(db: Database) {
  const candidature = await createGuichet(db, { kind: "CANDIDATURE", year: 2026, opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" });
  const deposit = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
  return { candidature, deposit };
}

/** An EJ of `agents` agents (800 → 39 050 € a year, source 000) with its referent. */
export async function establishment(db: Database, regionCode: string, name: string, agents = 800) {
  const ej = await createLegalEntity(db, { regionCode, name });
  await createSite(db, { legalEntityFiness: ej.finess, staff: [{ year: 2024, salaried: agents - 100, liberal: 100 }] });
  const account = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
  return { ej, referent: asCurrentUser(account, [ej.finess]) };
}

/** A GHT (support + one member) of the region, with the support's referent. */
export async function ghtEstablishment(db: Database, regionCode: string, code: string) {
  const support = await createLegalEntity(db, { regionCode, name: `CH support ${code}` });
  const member = await createLegalEntity(db, { regionCode, name: `CH membre ${code}` });
  await createSite(db, { legalEntityFiness: support.finess, staff: [{ year: 2024, salaried: 1500, liberal: 100 }] });
  await createSite(db, { legalEntityFiness: member.finess, staff: [{ year: 2024, salaried: 300, liberal: 20 }] });
  const ght = await createGht(db, { regionCode, supportFiness: support.finess, memberFiness: [member.finess], code });
  const account = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [support.finess] });
  return { support, member, ght, referent: asCurrentUser(account, [support.finess]) };
}

export function completeTeam(cio = "Julien Moreau") {
  const member = (role: string) => ({ name: `Nom ${role}`, email: `${role}@ch-test.fr` });
  return {
    projectTeam: {
      qualityLead: member("qualite"),
      businessRepresentative: member("metier"),
      hrDirector: member("drh"),
      ciso: member("rssi"),
      cio: { name: cio, email: "dsi@ch-test.fr" },
      programmeReferent: member("referent"),
      signatory: member("signataire"),
    },
    ghtMandateKind: null,
  };
}

/** Starts, completes and (unless `draft`) transmits a candidature. */
export async function candidature(db: Database, referent: CurrentUser, carrierFiness: string, guichetId: string, options: { draft?: boolean; ght?: boolean } = {}) {
  const { id } = await startDossier(db, referent, { guichetId, carrierFiness }, inCandidature);
  const team = completeTeam();
  if (options.ght) {
    const mandate = await createStoredFile(db, referent.id, "mandat-ght.pdf");
    await attachDocument(db, referent, id, { kind: "GHT_MANDATE", fileId: mandate.id, legalEntities: [carrierFiness] }, inCandidature);
  }
  const { version } = await saveCandidatureDraft(db, referent, id, 0, { ...team, ghtMandateKind: options.ght ? "COSTRAT_DECISION" : null }, inCandidature);
  if (!options.draft) await submitDossier(db, referent, id, version, inCandidature);
  return id;
}

/**
 * A transmitted candidature accepted by an instructor of the EJ's region: the yearly deposit
 * needs it (sources 000, 001: a validated candidature; lib/dossiers/start-availability.ts).
 */
export async function acceptedCandidature(db: Database, referent: CurrentUser, carrierFiness: string, guichetId: string, options: { ght?: boolean } = {}) {
  const id = await candidature(db, referent, carrierFiness, guichetId, options);
  const { regionCode } = await db.legalEntity.findUniqueOrThrow({ where: { finess: carrierFiness } });
  const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode }));
  await arsAccepts(db, instructor, id, inCandidatureInstruction);
  return id;
}

export function depositDraft(finess: string, overrides: Partial<DepositDraft["parts"][number]> = {}): DepositDraft {
  const indicators = { "2.1": null, "2.2": null };
  return {
    attestations: { targetsReached: true, expensesTruthful: true },
    parts: [
      {
        legalEntityFiness: finess,
        nru: null,
        expenses: { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 },
        mandatoryObjectiveMet: null,
        objectivesReached: [],
        requested: 3_000_000,
        indicators,
        expenseDates: { firstInvoiceOn: "", lastInvoiceOn: "", lastPaymentOn: "" },
        ...overrides,
      },
    ],
  };
}

/**
 * A complete 2026 deposit of one EJ, ready to submit (after its accepted candidature, with a
 * validated, scored self-assessment, the note de cadrage and the attestation); not submitted.
 */
export async function readyDeposit(db: Database, referent: CurrentUser, finess: string, guichets: { candidature: { id: string }; deposit: { id: string } }) {
  await acceptedCandidature(db, referent, finess, guichets.candidature.id);
  const assessment = await createSelfAssessment(db, { legalEntityFiness: finess, createdById: referent.id, status: "VALIDATED" });
  await db.selfAssessment.update({
    where: { id: assessment.id },
    data: {
      scores: {
        questionnaireId: "test-questionnaire",
        overall: { percent: 62.5, exact: "5/8" },
        dimensions: [
          { dimensionId: "gouvernance", title: "Gouvernance", percent: 75, exact: "3/4" },
          { dimensionId: "identites", title: "Gestion des identités", percent: 50, exact: "1/2" },
        ],
      },
    },
  });
  const { id } = await startDossier(db, referent, { guichetId: guichets.deposit.id, carrierFiness: finess }, inDeposit);
  const note = await createStoredFile(db, referent.id, "note-de-cadrage.pdf");
  const attestation = await createStoredFile(db, referent.id, "attestation-daf.pdf");
  await attachDocument(db, referent, id, { kind: "NOTE_DE_CADRAGE", fileId: note.id, legalEntities: [finess] }, inDeposit);
  await attachDocument(db, referent, id, { kind: "EXPENSE_ATTESTATION", fileId: attestation.id, legalEntities: [finess] }, inDeposit);
  const { version } = await saveDepositDraft(db, referent, id, 0, depositDraft(finess, { nru: assessment.nru }), inDeposit);
  return { id, version, assessment, note, attestation };
}

/** The same deposit, transmitted to the ARS. */
export async function submittedDeposit(db: Database, referent: CurrentUser, finess: string, guichets: { candidature: { id: string }; deposit: { id: string } }) {
  const ready = await readyDeposit(db, referent, finess, guichets);
  await submitDossier(db, referent, ready.id, ready.version, inDeposit);
  return ready;
}

/** The ARS transitions of lib/dossiers/instruction, on the version the instructor reads. */
export async function arsRequestsChanges(db: Database, instructor: CurrentUser, id: string, at: Date, input: { message: string; points?: { key: string; label: string; reason: "INCORRECT" | "INCOMPLETE" | "OUTDATED"; comment?: string }[] }) {
  const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
  return requestChanges(db, instructor, id, version, input, at);
}

/** An amount below the cap needs a reason (lib/instruction/award.ts): by default each amount given comes with one. */
export async function arsAccepts(db: Database, instructor: CurrentUser, id: string, at: Date, amounts: Record<string, number> = {}, reasons: Record<string, string> = Object.fromEntries(Object.keys(amounts).map((finess) => [finess, "Montant ajusté par l'ARS."]))) {
  const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
  return acceptDossier(db, instructor, id, version, { amounts, reasons }, at);
}

export async function arsRefuses(db: Database, instructor: CurrentUser, id: string, at: Date, reason = "Dossier incomplet.") {
  const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
  return refuseDossier(db, instructor, id, version, { reason }, at);
}

let directSequence = 0;

/**
 * A dossier of one EJ written directly in the database, at `status`, for the guichets whose form the
 * service cannot fill yet (a CaRE relève) or when only its scope matters (who may list, read, instruct
 * it): its part, optionally one document (with its stored file, uploaded by the referent), and, once
 * transmitted, one submission whose snapshot lists that document.
 */
export async function directDossier(
  db: Database,
  input: { guichet: { id: string; code: string; label: string; year: number; kind: string }; carrierFiness: string; referent: CurrentUser; status: DossierStatus; withDocument?: boolean },
) {
  directSequence += 1;
  const submittedAt = input.status === "DRAFT" ? null : inDeposit;
  const carrier = await db.legalEntity.findUniqueOrThrow({ where: { finess: input.carrierFiness }, include: { region: true } });
  const dossier = await db.dossier.create({
    data: {
      number: `TEST-${process.pid}-${String(directSequence).padStart(6, "0")}`,
      guichetId: input.guichet.id,
      carrierFiness: input.carrierFiness,
      completedById: input.referent.id,
      status: input.status,
      submittedAt,
      decidedAt: input.status === "ACCEPTED" || input.status === "REFUSED" ? inCandidatureInstruction : null,
      legalEntities: { create: [{ legalEntityFiness: input.carrierFiness, guichetId: input.guichet.kind === "PROJECT_CALL" ? null : input.guichet.id }] },
    },
  });
  const file = input.withDocument ? await createStoredFile(db, input.referent.id, "etat-financier-care.pdf") : null;
  const document = file
    ? await db.dossierDocument.create({
        data: { dossierId: dossier.id, kind: "CARE_FINANCIAL_STATEMENT", fileId: file.id, legalEntities: { create: [{ dossierId: dossier.id, legalEntityFiness: input.carrierFiness }] } },
      })
    : null;
  if (submittedAt) {
    await db.dossierSubmission.create({
      data: {
        dossierId: dossier.id,
        sequence: 1,
        submittedAt,
        submittedById: input.referent.id,
        snapshot: {
          dossierNumber: dossier.number,
          guichet: { code: input.guichet.code, label: input.guichet.label, year: input.guichet.year, kind: input.guichet.kind },
          carrier: { finess: carrier.finess, name: carrier.name, regionCode: carrier.regionCode, regionName: carrier.region.name },
          sequence: 1,
          submittedAt: submittedAt.toISOString(),
          submittedBy: { id: input.referent.id, name: input.referent.name, email: input.referent.email },
          fromVersion: 0,
          data: {},
          parts: [{ legalEntityFiness: carrier.finess, name: carrier.name, headcount: 0, nru: null, expenses: {}, mandatoryObjectiveMet: null, objectivesReached: [], requested: null }],
          documents:
            file && document
              ? [{ id: document.id, fileId: file.id, kind: document.kind, objectiveCode: null, name: file.originalName, sizeBytes: Number(file.sizeBytes), sha256: file.sha256, mediaType: file.mediaType, legalEntities: [carrier.finess] }]
              : [],
        },
      },
    });
  }
  return { id: dossier.id, number: dossier.number, fileId: file?.id ?? null };
}
