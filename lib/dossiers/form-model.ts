import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { EXPENSE_CATEGORIES } from "@/lib/funding";
import type { DossierDocumentKind, DossierStatus } from "@/lib/generated/prisma/enums";
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import { guichetPhase } from "@/lib/guichets/guichet-state";
import { candidatureDraftSchema, depositDraftSchema, type CandidatureDraft, type DepositDraft } from "./dossier-input";
import { partHeadcount, validatedOn, type DossierRow } from "./dossier-view";
import { deadlineAllows, isEditable } from "./machine";
import { submissionErrors } from "./service";
import type { ChangePoint } from "./instruction";
import type { FieldErrors } from "./submission-rules";

/** Everything the dossier page hands to its client forms: plain, serialisable data. */
export interface DossierFormModel {
  id: string;
  number: string;
  status: DossierStatus;
  version: number;
  kind: "CANDIDATURE" | "MILESTONE_DEPOSIT";
  year: number;
  guichet: { label: string; opensOn: CalendarDate; closesOn: CalendarDate; instructionEndsOn: CalendarDate };
  carrier: { finess: string; name: string; isGhtSupport: boolean; ghtName: string | null };
  /** Editable now: the status allows it and the deadline has not passed (server clock). */
  editable: boolean;
  candidature: CandidatureDraft | null;
  deposit: DepositDraft | null;
  parts: { finess: string; name: string; headcount: number; siteCount: number; validatedAssessments: { nru: string; validatedOn: CalendarDate }[] }[];
  documents: { id: string; kind: DossierDocumentKind; objectiveCode: string | null; name: string; sizeBytes: number; sha256: string; fileId: string; legalEntities: string[] }[];
  submissions: { sequence: number; submittedAt: string }[];
  /** What would block a submission now. */
  pendingErrors: FieldErrors;
  /** The ARS's open request for changes, shown next to the fields it points at. */
  openChangeRequest: { message: string; createdAt: string; points: ChangePoint[] } | null;
  /** The ARS decision, once taken. */
  decision: { status: "ACCEPTED" | "REFUSED"; decidedAt: string; reason: string | null; amounts: { finess: string; name: string; decided: number | null }[] } | null;
}

export async function buildDossierFormModel(db: Database, row: DossierRow, at: Date): Promise<DossierFormModel> {
  const dates = await effectiveGuichetDates(db, row.guichet, row.carrier);
  const phase = guichetPhase(dates, parisDate(at));
  const kind = row.guichet.kind === "CANDIDATURE" ? "CANDIDATURE" : "MILESTONE_DEPOSIT";
  const data = (row.data ?? {}) as { candidature?: unknown; deposit?: unknown };
  const assessments = await db.selfAssessment.findMany({
    where: { legalEntityFiness: { in: row.legalEntities.map((part) => part.legalEntityFiness) }, status: "VALIDATED" },
    select: { nru: true, legalEntityFiness: true, validatedAt: true },
    orderBy: { validatedAt: "desc" },
  });
  const [changeRequest, refusal] = await Promise.all([
    row.status === "CHANGES_REQUESTED" ? db.changeRequest.findFirst({ where: { dossierId: row.id, status: "OPEN" }, orderBy: { createdAt: "desc" } }) : null,
    row.status === "REFUSED" ? db.dossierEvent.findFirst({ where: { dossierId: row.id, type: "REFUSE" }, orderBy: { at: "desc" } }) : null,
  ]);
  let deposit: DepositDraft | null = null;
  if (kind === "MILESTONE_DEPOSIT") {
    const stored = depositDraftSchema.parse(data.deposit ?? { parts: [] });
    // Every EJ of the dossier has its part in the form, even before the first save.
    deposit = {
      attestations: stored.attestations,
      parts: row.legalEntities.map(
        (part) =>
          stored.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness) ?? {
            legalEntityFiness: part.legalEntityFiness,
            nru: null,
            expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, null])) as DepositDraft["parts"][number]["expenses"],
            mandatoryObjectiveMet: null,
            objectivesReached: [],
            requested: null,
          },
      ),
    };
  }
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    kind,
    year: row.guichet.year,
    guichet: { label: row.guichet.label, ...dates },
    carrier: {
      finess: row.carrierFiness,
      name: row.carrier.name,
      isGhtSupport: row.carrier.ght?.supportFiness === row.carrierFiness,
      ghtName: row.carrier.ght?.name ?? null,
    },
    editable: isEditable(row.status) && deadlineAllows(row.status, "EDIT", phase),
    candidature: kind === "CANDIDATURE" ? candidatureDraftSchema.parse(data.candidature ?? {}) : null,
    deposit,
    parts: row.legalEntities.map((part) => ({
      finess: part.legalEntityFiness,
      name: part.legalEntity.name,
      headcount: partHeadcount(part),
      siteCount: part.legalEntity.sites.length,
      validatedAssessments: assessments
        .filter((assessment) => assessment.legalEntityFiness === part.legalEntityFiness && assessment.nru)
        .map((assessment) => ({ nru: assessment.nru ?? "", validatedOn: validatedOn(assessment.validatedAt) ?? "" })),
    })),
    documents: row.documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      objectiveCode: document.objectiveCode,
      name: document.file.originalName,
      sizeBytes: Number(document.file.sizeBytes),
      sha256: document.file.sha256,
      fileId: document.fileId,
      legalEntities: document.legalEntities.map((link) => link.legalEntityFiness),
    })),
    submissions: row.submissions.map((submission) => ({ sequence: submission.sequence, submittedAt: submission.submittedAt.toISOString() })),
    pendingErrors: isEditable(row.status) ? await submissionErrors(db, row, at) : {},
    openChangeRequest: changeRequest
      ? { message: changeRequest.message, createdAt: changeRequest.createdAt.toISOString(), points: changeRequest.points as unknown as ChangePoint[] }
      : null,
    decision:
      (row.status === "ACCEPTED" || row.status === "REFUSED") && row.decidedAt
        ? {
            status: row.status,
            decidedAt: row.decidedAt.toISOString(),
            reason: refusal?.message ?? null,
            amounts: row.legalEntities.map((part) => ({ finess: part.legalEntityFiness, name: part.legalEntity.name, decided: part.decidedCents === null ? null : Number(part.decidedCents) })),
          }
        : null,
  };
}
