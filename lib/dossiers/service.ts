import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity } from "@/lib/auth/scope";
import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { ConflictError, DeadlinePassedError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "@/lib/errors";
import { EXPENSE_CATEGORIES } from "@/lib/funding";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierDocumentKind, DossierStatus } from "@/lib/generated/prisma/enums";
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import { guichetPhase, GUICHET_PHASE_LABELS, type GuichetDates } from "@/lib/guichets/guichet-state";
import { normalizeNru } from "@/lib/self-assessment/nru";
import { UPLOAD_PURPOSES } from "@/lib/storage/sniff-type";
import { duplicateInSlot, duplicateMessage } from "./document-rules";
import { projectDocumentProblem } from "./kinds/project-call/document-subjects";
import { assertProofEditable } from "./kinds/project-call/proof-window";
import { candidatureDraftSchema, depositDraftSchema, type CandidatureDraft, type DepositDraftInput } from "./dossier-input";
import { carrierSelect, loadStartContext, startAvailability, startRefusalError } from "./start-availability";
import { dossierInclude, dossierScope, documentsOf, type DossierRow } from "./dossier-view";
import { EXPENSE_COLUMNS } from "./expense-columns";
import { deadlineAllows, isEditable, nextStatus } from "./machine";
import { canEditDossier, canReadDossier } from "./policy";
import type { DossierNotificationKind, DossierNotifier } from "./instruction";
import { buildSnapshot, type DossierSnapshot } from "./snapshot";
import { dossierKind } from "./kinds";
import { infectedMessage } from "@/lib/storage/file-scan";
import { documentScanErrors } from "./document-scan";
import { MAX_NOTE_DE_CADRAGE_FILES, type FieldErrors } from "./submission-rules";

const EDITABLE_STATUSES: readonly DossierStatus[] = ["DRAFT", "CHANGES_REQUESTED"];
/** An accepted AAP project's proof deposit is edited in these (lib/dossiers/kinds/project-call/transitions.ts). */
export const PROOF_EDITABLE_STATUSES: readonly DossierStatus[] = ["ACCEPTED", "PROOF_CHANGES_REQUESTED"];

/** Which part of a dossier a write touches: the dossier itself, or an accepted AAP project's proofs. */
export type EditScope = "dossier" | "proof";
const statusesOf = (scope: EditScope) => (scope === "proof" ? PROOF_EDITABLE_STATUSES : EDITABLE_STATUSES);

export async function loadDossier(db: Database | Prisma.TransactionClient, id: string): Promise<DossierRow> {
  const row = await db.dossier.findUnique({ where: { id }, include: dossierInclude });
  if (!row) throw new NotFoundError(`dossier ${id}`, "Ce dossier est introuvable.");
  return row;
}

/** A dossier the user may read (404 when unknown, 403 when out of scope). */
export async function getDossierForUser(db: Database, user: CurrentUser, id: string): Promise<DossierRow> {
  const row = await loadDossier(db, id);
  if (!canReadDossier(user, dossierScope(row))) throw new ForbiddenError();
  return row;
}

/** A dossier the referent may write to now: its scope, status and deadline (the proofs' own, for scope "proof"). */
export async function loadForEdit(db: Database, user: CurrentUser, id: string, at: Date, scope: EditScope = "dossier"): Promise<DossierRow> {
  const row = await loadDossier(db, id);
  if (!canEditDossier(user, dossierScope(row))) throw new ForbiddenError();
  if (scope === "proof") assertProofEditable(row, at);
  else await assertEditable(db, row, at);
  return row;
}

async function assertEditable(db: Database, row: DossierRow, at: Date) {
  if (!isEditable(row.status)) {
    throw new InvalidStateError("Ce dossier a été transmis à l'ARS : il ne peut plus être modifié, sauf si l'ARS demande un complément.");
  }
  // The carrier's own dates: a derogation for its region or for itself may extend the guichet.
  const dates = await effectiveGuichetDates(db, row.guichet, row.carrier);
  const phase = guichetPhase(dates, parisDate(at));
  if (!deadlineAllows(row.status, "EDIT", phase)) throw new DeadlinePassedError(deadlineMessage(row.guichet.label, dates, phase));
}

function deadlineMessage(label: string, dates: GuichetDates, phase: ReturnType<typeof guichetPhase>): string {
  if (phase === "upcoming") return `Le guichet « ${label} » n'est pas encore ouvert (ouverture le ${dates.opensOn.split("-").reverse().join("/")}).`;
  return `Le guichet « ${label} » est fermé depuis le ${dates.closesOn.split("-").reverse().join("/")} (${GUICHET_PHASE_LABELS[phase].toLowerCase()}) : le dépôt n'est plus possible.`;
}

/**
 * Opens the dossier of an EJ for a guichet, or returns the one it already has
 * (one dossier per EJ and guichet). For a GHT, only the support EJ carries a
 * dossier, for every EJ of the GHT (source 000).
 */
export async function startDossier(db: Database, user: CurrentUser, input: { guichetId: string; carrierFiness: string }, at: Date): Promise<{ id: string }> {
  if (user.role !== "ESTABLISHMENT_REFERENT") throw new ForbiddenError();
  const carrier = await db.legalEntity.findUnique({ where: { finess: input.carrierFiness }, select: { ...carrierSelect, legalStatus: true, isDialysisCentre: true, ght: { select: { ...carrierSelect.ght.select, members: { select: { finess: true } } } } } });
  if (!carrier) throw new NotFoundError(`EJ ${input.carrierFiness}`, "Cette entité juridique est introuvable.");
  if (!canAccessLegalEntity(user, { finess: carrier.finess, regionCode: carrier.regionCode, ghtSupportFiness: carrier.ght?.supportFiness ?? null })) {
    throw new ForbiddenError();
  }
  const guichet = await db.guichet.findUnique({ where: { id: input.guichetId } });
  if (!guichet) throw new NotFoundError(`guichet ${input.guichetId}`, "Ce guichet est introuvable.");

  // The same decision as the pages that offer the button (lib/dossiers/start-availability.ts).
  const today = parisDate(at);
  const facts = (await loadStartContext(db, [carrier], [guichet], today)).factsFor(guichet, carrier);
  const availability = startAvailability(facts);
  if (!availability.canStart) {
    // One dossier per EJ and guichet: starting again opens the existing one.
    if (availability.reason === "DOSSIER_EXISTS" && availability.dossier) return { id: availability.dossier.id };
    throw startRefusalError(availability);
  }
  const { kind } = availability;
  const several = dossierKind(kind).severalPerCarrier;

  // An AAP project has one part, its porteur's EJ (its perimeter is in its data); a HospiConnect
  // dossier one per EJ it covers — every EJ of the GHT for a support establishment.
  // A CaRE relève covers the EJ with an envelope only, each drawing on its own (source 003).
  const members = several
    ? [carrier.finess]
    : kind === "CARE_RELEVE"
      ? [...facts.careEnvelopeHolders]
      : carrier.ght
        ? carrier.ght.members.map((member) => member.finess)
        : [carrier.finess];
  if (!members.includes(carrier.finess) && kind !== "CARE_RELEVE") members.push(carrier.finess);
  members.sort();
  const carrierSlot = several ? ((await db.dossier.aggregate({ where: { guichetId: guichet.id, carrierFiness: carrier.finess }, _max: { carrierSlot: true } }))._max.carrierSlot ?? 0) + 1 : 1;

  const [sequence] = await db.$queryRaw<{ value: bigint }[]>`SELECT nextval('dossier_number_seq') AS value`;
  const number = `${dossierKind(kind).labels.numberPrefix(guichet.year)}-${String(sequence?.value ?? 0).padStart(6, "0")}`;
  try {
    const dossier = await db.$transaction(async (tx) => {
      const created = await tx.dossier.create({
        data: {
          number,
          guichetId: guichet.id,
          carrierFiness: carrier.finess,
          carrierSlot,
          completedById: user.id,
          data: several ? { project: { porteurFinessPmsi: carrier.legalStatus === "PUBLIC" || carrier.isDialysisCentre ? carrier.finess : "" } } : {},
          // An AAP part has no guichet: its EJ may be in two projects (ProjectCallSlot keeps the limit).
          legalEntities: { create: members.map((finess) => ({ legalEntityFiness: finess, guichetId: several ? null : guichet.id })) },
        },
      });
      await tx.dossierEvent.create({
        data: { dossierId: created.id, at, actorId: user.id, actorRole: user.role, type: "CREATED", toStatus: "DRAFT" },
      });
      return created;
    });
    return { id: dossier.id };
  } catch (error) {
    // Two referents starting the same dossier at once: the unique keys keep one, return it.
    if ((error as { code?: string }).code === "P2002") {
      if (several) throw new ConflictError("Un autre projet vient d'être créé pour cet établissement : rechargez la page.");
      const winner = await db.dossier.findUnique({ where: { guichetId_carrierFiness_carrierSlot: { guichetId: guichet.id, carrierFiness: carrier.finess, carrierSlot: 1 } } });
      if (winner) return { id: winner.id };
      throw new InvalidStateError("Une de ces entités juridiques figure déjà dans un autre dossier de ce guichet.");
    }
    throw error;
  }
}

/** Saves a candidature draft (partial answers allowed). Returns the new version. */
export async function saveCandidatureDraft(db: Database, user: CurrentUser, id: string, expectedVersion: number, draft: CandidatureDraft, at: Date): Promise<{ version: number }> {
  const row = await loadForEdit(db, user, id, at);
  if (row.guichet.kind !== "CANDIDATURE") throw new InvalidStateError("Ce dossier n'est pas une candidature.");
  const data = candidatureDraftSchema.parse(draft);
  return updateDraft(db, user, id, expectedVersion, at, { data: { candidature: data } });
}

/** Saves a deposit draft: the form as typed (nothing lost), mirrored into the per-EJ columns. */
export async function saveDepositDraft(db: Database, user: CurrentUser, id: string, expectedVersion: number, draft: DepositDraftInput, at: Date): Promise<{ version: number }> {
  const row = await loadForEdit(db, user, id, at);
  if (row.guichet.kind !== "MILESTONE_DEPOSIT") throw new InvalidStateError("Ce dossier n'est pas un dépôt de preuves.");
  const parsed = depositDraftSchema.parse(draft);
  // NRUs are stored as the portal issues them (upper case, no spaces), so "ie-2026-…" is found too.
  const data = { ...parsed, parts: parsed.parts.map((part) => ({ ...part, nru: part.nru ? normalizeNru(part.nru) : null })) };
  const known = new Set(row.legalEntities.map((part) => part.legalEntityFiness));
  for (const part of data.parts) {
    if (!known.has(part.legalEntityFiness)) throw new ForbiddenError(`EJ ${part.legalEntityFiness} is not part of dossier ${id}`);
  }
  const nrus = data.parts.map((part) => part.nru).filter((nru): nru is string => Boolean(nru));
  const assessments = await db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { id: true, nru: true, legalEntityFiness: true } });
  return updateDraft(db, user, id, expectedVersion, at, { data: { deposit: data } }, async (tx) => {
    for (const part of data.parts) {
      // Only an NRU of this EJ is linked; anything else stays as typed in `data` and is reported on submission.
      const assessment = assessments.find((candidate) => candidate.nru === part.nru && candidate.legalEntityFiness === part.legalEntityFiness);
      await tx.dossierLegalEntity.update({
        where: { dossierId_legalEntityFiness: { dossierId: id, legalEntityFiness: part.legalEntityFiness } },
        data: {
          selfAssessmentId: assessment?.id ?? null,
          ...Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [EXPENSE_COLUMNS[category], part.expenses[category] === null ? null : BigInt(part.expenses[category])])),
          mandatoryObjectiveMet: part.mandatoryObjectiveMet,
          objectivesReached: part.objectivesReached,
          requestedCents: part.requested === null ? null : BigInt(part.requested),
        },
      });
    }
  });
}

/** One transaction: the dossier row is updated only if nobody saved since `expectedVersion`. */
export async function updateDraft(
  db: Database,
  user: CurrentUser,
  id: string,
  expectedVersion: number,
  at: Date,
  changes: { data: Prisma.InputJsonValue },
  more?: (tx: Prisma.TransactionClient) => Promise<void>,
  scope: EditScope = "dossier",
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const updated = await tx.dossier.updateMany({
      where: { id, version: expectedVersion, status: { in: [...statusesOf(scope)] } },
      data: { data: changes.data, version: { increment: 1 }, updatedAt: at },
    });
    if (updated.count === 0) throw await staleOrLocked(tx, id, scope);
    await more?.(tx);
    // Every action on a dossier is audited, draft saves included (who, when, which version).
    // Last statement before the commit: the audit chain's lock is held from here to the end only.
    await recordAudit(tx, { at, actor: user, action: "dossier.draft.saved", subject: auditSubject.dossier(id), before: { version: expectedVersion }, after: { version: expectedVersion + 1 } });
    return { version: expectedVersion + 1 };
  });
}

async function staleOrLocked(tx: Prisma.TransactionClient, id: string, scope: EditScope) {
  const current = await tx.dossier.findUnique({ where: { id }, select: { status: true } });
  if (current && !statusesOf(scope).includes(current.status)) {
    return new InvalidStateError("Ce dossier a été transmis à l'ARS entre-temps : il ne peut plus être modifié.");
  }
  return new ConflictError();
}

/**
 * Links an uploaded file to the dossier for one or more of its EJ (one note de
 * cadrage may serve several EJ of a GHT, source 000). Only the uploader's own files.
 */
export async function attachDocument(
  db: Database,
  user: CurrentUser,
  id: string,
  input: { kind: DossierDocumentKind; fileId: string; legalEntities: string[]; objectiveCode?: string | null },
  at: Date,
): Promise<{ documentId: string }> {
  const scope = documentScope(input.kind);
  const row = await loadForEdit(db, user, id, at, scope);
  const file = await db.storedFile.findUnique({ where: { id: input.fileId } });
  if (!file || file.uploadedById !== user.id) throw new NotFoundError(`file ${input.fileId}`, "Ce fichier est introuvable : déposez-le à nouveau.");
  if (file.scanStatus === "INFECTED") throw new InvalidStateError(infectedMessage(file.originalName, file.scanSignature));
  const parts = new Set(row.legalEntities.map((part) => part.legalEntityFiness));
  // An AAP project's documents belong to the project, kept on its porteur's part.
  const targets = input.kind === "GHT_MANDATE" || row.guichet.kind === "PROJECT_CALL" ? [row.carrierFiness] : [...new Set(input.legalEntities)];
  if (targets.length === 0) throw new ValidationError({ legalEntities: ["Choisissez au moins une entité juridique concernée par ce document."] });
  for (const finess of targets) if (!parts.has(finess)) throw new ForbiddenError(`EJ ${finess} not in dossier`);
  if (input.kind === "OBJECTIVE_PROOF" && !input.objectiveCode) throw new ValidationError({ objectiveCode: ["Indiquez l'objectif que ce document prouve."] });
  if (SUBJECT_DOCUMENT_KINDS.includes(input.kind) && !input.objectiveCode) throw new ValidationError({ objectiveCode: ["Indiquez ce que ce document concerne."] });
  const objectiveCode = input.kind === "OBJECTIVE_PROOF" || SUBJECT_DOCUMENT_KINDS.includes(input.kind) ? (input.objectiveCode ?? null) : null;
  // A project's documents are its own (GHT validations, partners' letters, targets' proofs); the AAP's are a project's only.
  const problem = row.guichet.kind === "PROJECT_CALL" ? await projectDocumentProblem(db, row, input.kind, objectiveCode) : SUBJECT_DOCUMENT_KINDS.includes(input.kind) ? "Ce type de document est propre aux projets de l'appel à projets." : null;
  if (problem) throw new ValidationError({ [input.kind]: [problem] }, problem);
  for (const finess of targets) {
    // source 003: "Cet espace accepte 20 fichiers maximum" (10 for the CaRE financial template), per EJ and kind of document.
    const maxFiles = input.kind === "CARE_FINANCIAL_STATEMENT" ? UPLOAD_PURPOSES.CARE_FINANCIAL_STATEMENT.maxFiles : MAX_NOTE_DE_CADRAGE_FILES;
    if (documentsOf(row, finess, input.kind).length >= maxFiles) {
      throw new ValidationError({ [input.kind]: [`${maxFiles} fichiers au maximum pour ce document : regroupez-les dans une archive ZIP.`] });
    }
  }
  return db.$transaction(async (tx) => {
    await lockEditable(tx, id, at, scope);
    // Read under the lock: two copies attached at the same moment cannot both pass.
    const slot = await tx.dossierDocument.findMany({ where: { dossierId: id, kind: input.kind }, include: { file: true, legalEntities: true } });
    const duplicate = duplicateInSlot(
      slot.map((document) => ({ ...document, name: document.file.originalName, sha256: document.file.sha256, legalEntities: document.legalEntities.map((link) => link.legalEntityFiness) })),
      { kind: input.kind, objectiveCode, legalEntities: targets, sha256: file.sha256 },
    );
    if (duplicate) throw new ValidationError({ [input.kind]: [duplicateMessage(file.originalName, duplicate)] }, duplicateMessage(file.originalName, duplicate));
    const document = await tx.dossierDocument.create({
      data: {
        dossierId: id,
        kind: input.kind,
        objectiveCode,
        fileId: file.id,
        legalEntities: { create: targets.map((finess) => ({ dossierId: id, legalEntityFiness: finess })) },
      },
    });
    await tx.dossierEvent.create({
      data: { dossierId: id, at, actorId: user.id, actorRole: user.role, type: "DOCUMENT_ADDED", details: { documentId: document.id, kind: input.kind, name: file.originalName, sha256: file.sha256, legalEntities: targets } },
    });
    return { documentId: document.id };
  });
}

export async function detachDocument(db: Database, user: CurrentUser, id: string, documentId: string, at: Date): Promise<void> {
  const target = await db.dossierDocument.findFirst({ where: { id: documentId, dossierId: id }, select: { kind: true } });
  const scope = documentScope(target?.kind ?? "NOTE_DE_CADRAGE");
  const row = await loadForEdit(db, user, id, at, scope);
  const document = row.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new NotFoundError(`document ${documentId}`, "Ce document n'est plus dans le dossier.");
  await db.$transaction(async (tx) => {
    await lockEditable(tx, id, at, scope);
    await tx.dossierDocument.delete({ where: { id: documentId } });
    await tx.dossierEvent.create({
      data: { dossierId: id, at, actorId: user.id, actorRole: user.role, type: "DOCUMENT_REMOVED", details: { documentId, kind: document.kind, name: document.file.originalName } },
    });
  });
}

/** Locks the dossier row for the transaction and checks it is still editable (serialises with a submission). */
/** The AAP documents that name what they are about (a GHT, a partner, a target) in `objectiveCode`. */
const SUBJECT_DOCUMENT_KINDS: readonly DossierDocumentKind[] = ["GHT_VALIDATION", "PARTNER_COMMITMENT", "TARGET_PROOF"];

/** A target's proof is deposited after the project's acceptance, the other documents with the dossier. */
function documentScope(kind: DossierDocumentKind): EditScope {
  return kind === "TARGET_PROOF" ? "proof" : "dossier";
}

async function lockEditable(tx: Prisma.TransactionClient, id: string, at: Date, scope: EditScope = "dossier") {
  const locked = await tx.dossier.updateMany({ where: { id, status: { in: [...statusesOf(scope)] } }, data: { updatedAt: at } });
  if (locked.count === 0) throw new InvalidStateError("Ce dossier a été transmis à l'ARS : il ne peut plus être modifié.");
}

/** The field errors that would block a submission now (shown live on the form too): the kind's own rules. */
export async function submissionErrors(db: Database | Prisma.TransactionClient, row: DossierRow, at: Date): Promise<FieldErrors> {
  return { ...(await dossierKind(row.guichet.kind).submissionErrors(db, row, at)), ...documentScanErrors(row) };
}

/**
 * Transmits the dossier to the ARS: one transaction that locks the row only if
 * nobody saved since `expectedVersion`, re-checks completeness on what it locked,
 * writes the immutable snapshot and the history. A repeated click (same
 * version) returns the submission already made.
 */
export async function submitDossier(
  db: Database,
  user: CurrentUser,
  id: string,
  expectedVersion: number,
  at: Date,
  notify: DossierNotifier = async () => 0,
): Promise<{ sequence: number; snapshot: DossierSnapshot; alreadySubmitted: boolean }> {
  const row = await loadDossier(db, id);
  if (!canEditDossier(user, dossierScope(row))) throw new ForbiddenError();
  const previous = await repeatedSubmission(db, id, expectedVersion);
  if (previous) return { ...previous, alreadySubmitted: true };
  await assertEditable(db, row, at);
  const to = nextStatus(row.status, "SUBMIT", user.role);
  if (!to) throw new InvalidStateError("Ce dossier ne peut pas être transmis dans son état actuel.");

  try {
    const result = await transmit(db, user, id, expectedVersion, at, {
      from: row.status,
      to,
      step: "dossier",
      setOnDossier: { submittedAt: at },
      errors: (tx, current) => submissionErrors(tx, current, at),
      notTransmitted: "Le dossier n'a pas été transmis",
      reserve: (tx, current) => dossierKind(current.guichet.kind).onTransmitted?.(tx, current, at) ?? Promise.resolve({}),
      event: (sequence) => (sequence === 1 ? "SUBMITTED" : "RESUBMITTED"),
      notifyKind: (sequence) => (sequence === 1 ? "SUBMITTED" : "RESUBMITTED"),
    }, notify);
    return { ...result, alreadySubmitted: false };
  } catch (error) {
    if (error instanceof ConflictError) {
      const repeated = await repeatedSubmission(db, id, expectedVersion);
      if (repeated) return { ...repeated, alreadySubmitted: true };
    }
    throw error;
  }
}

/** One transmission to the ARS: what moves, what must hold on the locked row, what it is called and announces. */
export interface Transmission {
  from: DossierStatus;
  to: DossierStatus;
  /** The dossier itself, or an AAP project's June-2027 proofs (marked in the snapshot, for the receipt). */
  step: "dossier" | "proof";
  setOnDossier?: { submittedAt?: Date };
  /** What blocks it, re-checked on what the transaction locked. */
  errors(tx: Prisma.TransactionClient, current: DossierRow): Promise<FieldErrors>;
  /** « Le dossier n'a pas été transmis »: how its refusal messages begin. */
  notTransmitted: string;
  /** What the kind reserves once complete (an AAP project's slots); errors roll everything back. */
  reserve?(tx: Prisma.TransactionClient, current: DossierRow): Promise<FieldErrors>;
  event(sequence: number): string;
  notifyKind(sequence: number): DossierNotificationKind;
}

/**
 * The shared steps of every transmission (DESIGN: one transaction): the conditional update on the
 * status and the version the user saw, the re-check under that lock, the immutable snapshot, the
 * history, the answer to an open change request and the e-mails through the outbox.
 */
export async function transmit(db: Database, user: CurrentUser, id: string, expectedVersion: number, at: Date, transmission: Transmission, notify: DossierNotifier) {
  return db.$transaction(async (tx) => {
    const locked = await tx.dossier.updateMany({
      where: { id, version: expectedVersion, status: transmission.from },
      data: { status: transmission.to, version: { increment: 1 }, completedById: user.id, ...transmission.setOnDossier },
    });
    if (locked.count === 0) throw new ConflictError();
    const current = await loadDossier(tx, id);
    // Whatever the step and the kind, no transmission with a file not found clean (lib/dossiers/document-scan.ts).
    const errors = { ...(await transmission.errors(tx, current)), ...documentScanErrors(current) };
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, `${transmission.notTransmitted} : complétez ou corrigez les éléments signalés.`);
    const reserved = (await transmission.reserve?.(tx, current)) ?? {};
    if (Object.keys(reserved).length > 0) throw new ValidationError(reserved, `${transmission.notTransmitted} : ${Object.values(reserved).flat().join(" ")}`);
    const sequence = current.submissions.length + 1;
    const submitter = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, name: true, email: true } });
    const built = buildSnapshot(current, { sequence, submittedAt: at, submittedBy: submitter, fromVersion: expectedVersion });
    const snapshot: DossierSnapshot = transmission.step === "proof" ? { ...built, step: "proof" } : built;
    await tx.dossierSubmission.create({
      data: { dossierId: id, sequence, submittedAt: at, submittedById: user.id, snapshot: snapshot as unknown as Prisma.InputJsonValue },
    });
    await tx.dossierEvent.create({
      data: { dossierId: id, at, actorId: user.id, actorRole: user.role, type: transmission.event(sequence), fromStatus: transmission.from, toStatus: transmission.to, details: { sequence } },
    });
    // A new transmission answers the ARS's open change request.
    await tx.changeRequest.updateMany({ where: { dossierId: id, status: "OPEN" }, data: { status: "ANSWERED", closedAt: at } });
    await notify(tx, { kind: transmission.notifyKind(sequence), dossierId: id });
    return { sequence, snapshot };
  });
}

async function repeatedSubmission(db: Database, id: string, expectedVersion: number) {
  const last = await db.dossierSubmission.findFirst({ where: { dossierId: id }, orderBy: { sequence: "desc" } });
  const snapshot = last?.snapshot as DossierSnapshot | undefined;
  if (last && snapshot?.fromVersion === expectedVersion) return { sequence: last.sequence, snapshot };
  return null;
}

/** The dossiers of the EJ the user acts for (referent) — newest guichet first. */
export async function listDossiersForUser(db: Database, user: CurrentUser) {
  const rows = await db.dossier.findMany({
    where: { carrier: user.role === "DNS_ADMIN" ? {} : { OR: [{ finess: { in: user.linkedLegalEntities } }, { ght: { supportFiness: { in: user.linkedLegalEntities } } }] } },
    include: { guichet: true, carrier: { include: { ght: true } }, legalEntities: { select: { legalEntityFiness: true } } },
    orderBy: [{ guichet: { opensOn: "desc" } }, { number: "asc" }],
  });
  return rows.filter((row) => canReadDossier(user, dossierScope(row)));
}
