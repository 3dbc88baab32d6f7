import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import type { DossierDocumentKind, DossierStatus, FileScanStatus } from "@/lib/generated/prisma/enums";
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import { guichetPhase } from "@/lib/guichets/guichet-state";
import { candidatureDraftSchema, depositDraftSchema, type CandidatureDraft, type DepositDraft } from "./dossier-input";
import { partHeadcount, validatedOn, type DossierRow } from "./dossier-view";
import { deadlineAllows, isEditable } from "./machine";
import type { ChangePoint } from "./instruction";
import { buildCareReleveFormState, type CareReleveFormState } from "./kinds/care-releve/form-state";
import { validatedCodes } from "./kinds/milestone-deposit/objective-verdicts";
import { emptyDepositPart, type KnownSelfAssessment } from "./submission-rules";

/** Everything the dossier page hands to its client forms: plain, serialisable data. */
export interface DossierFormModel {
  id: string;
  number: string;
  status: DossierStatus;
  version: number;
  kind: "CANDIDATURE" | "MILESTONE_DEPOSIT" | "CARE_RELEVE";
  year: number;
  guichet: { label: string; opensOn: CalendarDate; closesOn: CalendarDate; instructionEndsOn: CalendarDate };
  carrier: { finess: string; name: string; isGhtSupport: boolean; ghtName: string | null };
  /** Editable now: the status allows it and the deadline has not passed (server clock). */
  editable: boolean;
  candidature: CandidatureDraft | null;
  deposit: DepositDraft | null;
  /** A CaRE relève: its draft and each EJ's envelope (lib/dossiers/kinds/care-releve). */
  care: CareReleveFormState | null;
  parts: {
    finess: string;
    name: string;
    headcount: number;
    siteCount: number;
    validatedAssessments: { nru: string; validatedOn: CalendarDate }[];
    /** 2027–2028 deposits: the objectives the ARS validated for this EJ the year before (source 000's carry-over); null otherwise. */
    previousValidated: string[] | null;
  }[];
  documents: { id: string; kind: DossierDocumentKind; objectiveCode: string | null; name: string; sizeBytes: number; sha256: string; fileId: string; legalEntities: string[]; scanStatus: FileScanStatus }[];
  submissions: { sequence: number; submittedAt: string }[];
  /** The portal's date (server clock, Paris), which the NRU rule compares with. */
  today: CalendarDate;
  /**
   * The self-assessments the submission rules may need, as the server found them: every validated
   * one of the dossier's EJ, and the ones the saved draft quotes (of any EJ or status), so that the
   * form runs the server's rules on the same facts.
   */
  knownAssessments: KnownSelfAssessment[];
  /** The NRUs looked up on the server: an NRU outside this list is not known to exist or not yet. */
  checkedNrus: string[];
  /** The ARS's open request for changes, shown next to the fields it points at. */
  openChangeRequest: { message: string; createdAt: string; points: ChangePoint[] } | null;
  /** The last request the establishment answered by transmitting again, while the ARS instructs the answer. */
  answeredChangeRequest: { message: string; createdAt: string; answeredAt: string; points: ChangePoint[] } | null;
  /** The ARS decision, once taken. */
  decision: { status: "ACCEPTED" | "REFUSED"; decidedAt: string; reason: string | null; amounts: { finess: string; name: string; decided: number | null }[] } | null;
}

export async function buildDossierFormModel(db: Database, row: DossierRow, at: Date): Promise<DossierFormModel> {
  const dates = await effectiveGuichetDates(db, row.guichet, row.carrier);
  const phase = guichetPhase(dates, parisDate(at));
  const kind = row.guichet.kind === "CANDIDATURE" || row.guichet.kind === "CARE_RELEVE" ? row.guichet.kind : "MILESTONE_DEPOSIT";
  const data = (row.data ?? {}) as { candidature?: unknown; deposit?: unknown };
  const assessments = await db.selfAssessment.findMany({
    where: { legalEntityFiness: { in: row.legalEntities.map((part) => part.legalEntityFiness) }, status: "VALIDATED" },
    select: { nru: true, legalEntityFiness: true, validatedAt: true },
    orderBy: { validatedAt: "desc" },
  });
  const [changeRequest, answered, refusal] = await Promise.all([
    row.status === "CHANGES_REQUESTED" ? db.changeRequest.findFirst({ where: { dossierId: row.id, status: "OPEN" }, orderBy: { createdAt: "desc" } }) : null,
    row.status === "SUBMITTED" ? db.changeRequest.findFirst({ where: { dossierId: row.id, status: "ANSWERED" }, orderBy: { createdAt: "desc" } }) : null,
    row.status === "REFUSED" ? db.dossierEvent.findFirst({ where: { dossierId: row.id, type: "REFUSE" }, orderBy: { at: "desc" } }) : null,
  ]);
  let deposit: DepositDraft | null = null;
  if (kind === "MILESTONE_DEPOSIT") {
    const stored = depositDraftSchema.parse(data.deposit ?? { parts: [] });
    // Every EJ of the dossier has its part in the form, even before the first save.
    deposit = {
      attestations: stored.attestations,
      parts: row.legalEntities.map(
        (part) => stored.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness) ?? emptyDepositPart(part.legalEntityFiness),
      ),
    };
  }
  const care = kind === "CARE_RELEVE" ? await buildCareReleveFormState(db, row) : null;
  const previous =
    kind === "MILESTONE_DEPOSIT" && (row.guichet.year === 2027 || row.guichet.year === 2028)
      ? await db.dossierLegalEntity.findMany({
          where: {
            legalEntityFiness: { in: row.legalEntities.map((part) => part.legalEntityFiness) },
            dossier: { status: "ACCEPTED", guichet: { kind: "MILESTONE_DEPOSIT", programme: row.guichet.programme, year: row.guichet.year - 1 } },
          },
          select: { legalEntityFiness: true, objectiveVerdicts: true },
        })
      : null;
  const quotedNrus = [...(deposit?.parts ?? []), ...(care?.draft.parts ?? [])].map((part) => part.nru).filter((nru): nru is string => Boolean(nru));
  const known = [
    ...assessments.flatMap((assessment) => (assessment.nru ? [knownAssessment({ ...assessment, nru: assessment.nru, status: "VALIDATED" })] : [])),
    ...(await lookUpSelfAssessments(db, quotedNrus)),
  ];
  const knownAssessments = [...new Map(known.map((assessment) => [assessment.nru, assessment])).values()];
  // The answer is instructed once the dossier is transmitted again after the request.
  const answeredAt = answered?.closedAt ?? null;
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
    care,
    parts: row.legalEntities.map((part) => ({
      finess: part.legalEntityFiness,
      name: part.legalEntity.name,
      headcount: partHeadcount(part),
      siteCount: part.legalEntity.sites.length,
      validatedAssessments: assessments
        .filter((assessment) => assessment.legalEntityFiness === part.legalEntityFiness && assessment.nru)
        .map((assessment) => ({ nru: assessment.nru ?? "", validatedOn: validatedOn(assessment.validatedAt) ?? "" })),
      previousValidated: previous ? validatedCodes(previous.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness)?.objectiveVerdicts ?? null) : null,
    })),
    documents: formDocuments(row),
    submissions: formSubmissions(row),
    today: parisDate(at),
    knownAssessments,
    checkedNrus: [...new Set([...knownAssessments.map((assessment) => assessment.nru), ...quotedNrus])],
    openChangeRequest: changeRequest
      ? { message: changeRequest.message, createdAt: changeRequest.createdAt.toISOString(), points: changeRequest.points as unknown as ChangePoint[] }
      : null,
    answeredChangeRequest:
      answered && answeredAt
        ? { message: answered.message, createdAt: answered.createdAt.toISOString(), answeredAt: answeredAt.toISOString(), points: answered.points as unknown as ChangePoint[] }
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

/** A dossier's documents and transmissions as every form shows them (plain, serialisable). */
export function formDocuments(row: DossierRow): DossierFormModel["documents"] {
  return row.documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    objectiveCode: document.objectiveCode,
    name: document.file.originalName,
    sizeBytes: Number(document.file.sizeBytes),
    sha256: document.file.sha256,
    scanStatus: document.file.scanStatus,
    fileId: document.fileId,
    legalEntities: document.legalEntities.map((link) => link.legalEntityFiness),
  }));
}

export function formSubmissions(row: DossierRow): DossierFormModel["submissions"] {
  return row.submissions.map((submission) => ({ sequence: submission.sequence, submittedAt: submission.submittedAt.toISOString() }));
}

function knownAssessment(assessment: { nru: string; legalEntityFiness: string; status: "DRAFT" | "VALIDATED"; validatedAt: Date | null }): KnownSelfAssessment {
  return { nru: assessment.nru, legalEntityFiness: assessment.legalEntityFiness, status: assessment.status, validatedOn: validatedOn(assessment.validatedAt) };
}

/**
 * The self-assessments that bear these NRUs (at most one each), for the NRU rule of a deposit:
 * the form asks after each save of a draft, so that it checks an NRU just typed as the server will.
 */
export async function lookUpSelfAssessments(db: Database, nrus: readonly string[]): Promise<KnownSelfAssessment[]> {
  const wanted = [...new Set(nrus.filter(Boolean))].slice(0, 100);
  if (wanted.length === 0) return [];
  const rows = await db.selfAssessment.findMany({ where: { nru: { in: wanted } }, select: { nru: true, legalEntityFiness: true, status: true, validatedAt: true } });
  return rows.filter((row): row is typeof row & { nru: string } => row.nru !== null).map(knownAssessment);
}
