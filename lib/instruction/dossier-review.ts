/**
 * The data of an instructor's dossier page (`/ars/dossiers/[id]`, `/ans/dossiers/[id]`): what was transmitted
 * (latest snapshot) per EJ, with its documents, the quoted self-assessment and
 * its scores and the amounts of lib/funding; every submission with what changed
 * since the previous one; the history of transitions and change requests; and
 * the model of the action panel.
 */
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { dossierScope, type DossierRow } from "@/lib/dossiers/dossier-view";
import { decisionCaps } from "@/lib/dossiers/instruction";
import { validatedCodes } from "@/lib/dossiers/kinds/milestone-deposit/objective-verdicts";
import { canReadDossier } from "@/lib/dossiers/policy";
import { loadDossier } from "@/lib/dossiers/service";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ChangeRequestStatus, DossierStatus, Role } from "@/lib/generated/prisma/enums";
import { scoresSchema, type Scores } from "@/lib/self-assessment/scoring";
import { buildInstructionModel, readChangeRequestPoints, type ChangeRequestPoint, type InstructionModel } from "./instruction-model";
import { diffSnapshots, type SnapshotDiff } from "./snapshot-diff";
import { quotedNrus, readSnapshot, transmittedParts, type QuotedAssessment, type TransmittedPart } from "./transmitted";

export interface ReviewSubmission {
  sequence: number;
  submittedAt: Date;
  submittedBy: { name: string; email: string };
  snapshot: DossierSnapshot;
  /** What changed since the previous submission; null for the first one. */
  changes: SnapshotDiff | null;
}

export interface ReviewAssessment {
  id: string;
  nru: string;
  legalEntityFiness: string;
  validatedOn: CalendarDate | null;
  scores: Scores | null;
}

export interface ReviewPart extends TransmittedPart {
  /** The self-assessment the NRU designates (even when it is not usable), with its scores. */
  assessment: ReviewAssessment | null;
  decided: number | null;
  /** The ARS's reason for deciding less than the cap (lib/instruction/award.ts); null otherwise. */
  partialAwardReason: string | null;
  documents: DossierSnapshot["documents"];
}

export interface ReviewChangeRequest {
  id: string;
  message: string;
  points: ChangeRequestPoint[];
  status: ChangeRequestStatus;
  createdAt: Date;
  createdBy: string;
  closedAt: Date | null;
  /** The resubmission that answered it, and which of its points it touched. */
  answeredBy: { sequence: number; touched: string[] } | null;
}

export interface ReviewEvent {
  id: string;
  at: Date;
  type: string;
  actor: string;
  actorRole: Role;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  message: string | null;
}

export interface DossierReview {
  row: DossierRow;
  /** The latest submission (what the ARS instructs). */
  transmitted: { snapshot: DossierSnapshot; parts: ReviewPart[] } | null;
  submissions: ReviewSubmission[];
  changeRequests: ReviewChangeRequest[];
  /** Status transitions (creation, submissions, requests, decisions), oldest first. */
  events: ReviewEvent[];
  instruction: InstructionModel;
  today: CalendarDate;
}

/**
 * 404 for an unknown dossier and for a draft (never transmitted: no instructor's,
 * whoever asks), 403 outside the user's scope (the read policy of
 * lib/dossiers/policy: an ARS instructor of another region, or on a CaRE relève;
 * an ANS instructor on anything but a CaRE relève).
 */
export async function loadDossierReview(db: Database, user: CurrentUser, id: string, at: Date): Promise<DossierReview> {
  const row = await loadDossier(db, id);
  if (row.status === "DRAFT") throw new NotFoundError(`dossier ${id} is a draft`, "Ce dossier n'a pas encore été transmis par l'établissement.");
  if (!canReadDossier(user, dossierScope(row))) throw new ForbiddenError(`User ${user.id} may not read dossier ${id}`);

  const [submissionRows, eventRows, changeRequestRows] = await Promise.all([
    db.dossierSubmission.findMany({ where: { dossierId: id }, orderBy: { sequence: "asc" } }),
    db.dossierEvent.findMany({ where: { dossierId: id, toStatus: { not: null } }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.changeRequest.findMany({ where: { dossierId: id }, orderBy: { createdAt: "asc" } }),
  ]);
  const snapshots = submissionRows.map((submission) => readSnapshot(submission.snapshot));
  const nrus = quotedNrus(snapshots);
  const actorIds = [...new Set([...eventRows.map((event) => event.actorId), ...changeRequestRows.map((request) => request.createdById), ...submissionRows.map((s) => s.submittedById)])];
  const [assessmentRows, actors] = await Promise.all([
    nrus.length > 0
      ? db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { id: true, nru: true, legalEntityFiness: true, status: true, validatedAt: true, scores: true } })
      : Promise.resolve([]),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }),
  ]);
  const actorName = (actorId: string) => actors.find((actor) => actor.id === actorId)?.name ?? "Utilisateur supprimé";
  const quoted: QuotedAssessment[] = assessmentRows.map((assessment) => ({
    nru: assessment.nru ?? "",
    legalEntityFiness: assessment.legalEntityFiness,
    status: assessment.status,
    validatedOn: assessment.validatedAt ? parisDate(assessment.validatedAt) : null,
  }));

  const submissions: ReviewSubmission[] = submissionRows.map((submission, index) => {
    const snapshot = snapshots[index] as DossierSnapshot;
    const previous = index > 0 ? (snapshots[index - 1] as DossierSnapshot) : null;
    const submitter = actors.find((actor) => actor.id === submission.submittedById);
    return {
      sequence: submission.sequence,
      submittedAt: submission.submittedAt,
      submittedBy: submitter ? { name: submitter.name, email: submitter.email } : { name: snapshot.submittedBy.name, email: snapshot.submittedBy.email },
      snapshot,
      changes: previous ? diffSnapshots(previous, snapshot) : null,
    };
  });

  const latest = snapshots.at(-1) ?? null;
  const transmittedList = latest ? transmittedParts(latest, row.guichet, quoted) : [];
  const transmitted = latest
    ? {
        snapshot: latest,
        parts: transmittedList.map((part): ReviewPart => {
          const assessment = part.nru ? assessmentRows.find((candidate) => candidate.nru === part.nru) : undefined;
          const scores = assessment?.scores ? scoresSchema.safeParse(assessment.scores) : null;
          const live = row.legalEntities.find((candidate) => candidate.legalEntityFiness === part.finess);
          return {
            ...part,
            assessment: assessment
              ? {
                  id: assessment.id,
                  nru: assessment.nru ?? "",
                  legalEntityFiness: assessment.legalEntityFiness,
                  validatedOn: assessment.validatedAt ? parisDate(assessment.validatedAt) : null,
                  scores: scores?.success ? scores.data : null,
                }
              : null,
            decided: live?.decidedCents == null ? null : Number(live.decidedCents),
            partialAwardReason: live?.partialAwardReason ?? null,
            documents: latest.documents.filter((document) => document.legalEntities.includes(part.finess)),
          };
        }),
      }
    : null;

  const changeRequests: ReviewChangeRequest[] = changeRequestRows.map((request) => {
    const points = readChangeRequestPoints(request.points);
    // The first resubmission after the request answers it.
    const answer = request.status === "ANSWERED" ? submissions.find((submission) => submission.submittedAt >= request.createdAt && submission.changes) : undefined;
    return {
      id: request.id,
      message: request.message,
      points,
      status: request.status,
      createdAt: request.createdAt,
      createdBy: actorName(request.createdById),
      closedAt: request.closedAt,
      answeredBy: answer?.changes ? { sequence: answer.sequence, touched: points.filter((point) => answer.changes?.touchedKeys.includes(point.key)).map((point) => point.key) } : null,
    };
  });

  const openRequest = changeRequestRows.findLast((request) => request.status === "OPEN") ?? null;
  return {
    row,
    transmitted,
    submissions,
    changeRequests,
    events: eventRows.map((event) => ({
      id: event.id.toString(),
      at: event.at,
      type: event.type,
      actor: actorName(event.actorId),
      actorRole: event.actorRole,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      message: event.message,
    })),
    instruction: buildInstructionModel(row, {
      user,
      at,
      transmitted: transmittedList,
      openChangeRequest: openRequest ? { id: openRequest.id, message: openRequest.message, points: openRequest.points, createdAt: openRequest.createdAt } : null,
      dates: await effectiveGuichetDates(db, row.guichet, row.carrier),
      caps: await decisionCaps(db, row),
      previousValidated: await previousYearValidated(db, row),
    }),
    today: parisDate(at),
  };
}

/** 2027–2028 deposits: per EJ, the objectives the ARS validated in the previous year's accepted deposit (source 000's carry-over). */
async function previousYearValidated(db: Database, row: DossierRow): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (row.guichet.kind !== "MILESTONE_DEPOSIT" || (row.guichet.year !== 2027 && row.guichet.year !== 2028)) return result;
  const parts = await db.dossierLegalEntity.findMany({
    where: {
      legalEntityFiness: { in: row.legalEntities.map((part) => part.legalEntityFiness) },
      dossier: { status: "ACCEPTED", guichet: { kind: "MILESTONE_DEPOSIT", programme: row.guichet.programme, year: row.guichet.year - 1 } },
    },
    select: { legalEntityFiness: true, objectiveVerdicts: true },
  });
  for (const part of parts) result.set(part.legalEntityFiness, validatedCodes(part.objectiveVerdicts));
  return result;
}
