/**
 * The instruction queue: for an ARS instructor the transmitted dossiers of its
 * region (CaRE relèves aside), for the ANS the transmitted CaRE relèves of every
 * region, for the DNS every transmitted dossier.
 *
 * The scope is part of the SQL `where` (never a filter applied afterwards):
 * `dossierScopeFilter`, the Prisma twin of the read policy of a dossier
 * (lib/dossiers/policy). Drafts are never listed: a dossier the establishment has
 * not transmitted is no instructor's.
 *
 * One page of the queue costs two round trips whatever its size: the page's rows
 * (with their relations, which Prisma loads in batched `IN (…)` queries, never one
 * per row) and the counts by status (one GROUP BY), run concurrently.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { calendarDateFromDb, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { dossierScopeFilter } from "@/lib/dossiers/policy";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import type { ExportDossierInput } from "./export-rows";
import { instructionDaysLeft } from "./instruction-model";
import { QUEUE_PAGE_SIZE, QUEUE_STATUSES, UNDECIDED_STATUSES, type QueueFilters, type QueueStatus } from "./queue-filters";
import { quotedNrus, readSnapshot, type QuotedAssessment } from "./transmitted";

/** The queue is the instructors' (ARS, ANS) and the DNS's, nationally; an establishment never lists it. */
function assertCanListQueue(user: CurrentUser) {
  if (user.role !== "ARS_INSTRUCTOR" && user.role !== "ANS_INSTRUCTOR" && user.role !== "DNS_ADMIN") throw new ForbiddenError(`Role ${user.role} may not list the instruction queue`);
}

/** A queue that spans every region (ANS, DNS): the region filter applies there; an ARS queue is its region's anyway. */
export function isNationalQueue(user: CurrentUser): boolean {
  return user.role === "ANS_INSTRUCTOR" || user.role === "DNS_ADMIN";
}

/** The scope of the queue: the read policy's filter, and never a draft (the DNS reads drafts, never in the queue). */
function queueScope(user: CurrentUser): Prisma.DossierWhereInput[] {
  return [dossierScopeFilter(user), { status: { in: [...QUEUE_STATUSES] } }];
}

/** The `where` of the queue: scope, never drafts, then the filters (the status one only when asked). */
export function queueWhere(user: CurrentUser, filters: QueueFilters, options: { withStatus: boolean } = { withStatus: true }): Prisma.DossierWhereInput {
  const and: Prisma.DossierWhereInput[] = queueScope(user);
  if (options.withStatus && filters.statut) and.push({ status: filters.statut });
  if (filters.region && isNationalQueue(user)) and.push({ carrier: { regionCode: filters.region } });
  if (filters.encours) and.push({ status: { in: [...UNDECIDED_STATUSES] } });
  if (filters.guichet) and.push({ guichet: { code: filters.guichet } });
  if (filters.ej) and.push({ legalEntities: { some: { legalEntityFiness: filters.ej } } });
  if (filters.ght) and.push({ legalEntities: { some: { legalEntity: { OR: [{ ght: { code: filters.ght } }, { supportOf: { code: filters.ght } }] } } } });
  if (filters.q) {
    const q = filters.q;
    and.push({
      OR: [
        { number: { contains: q, mode: "insensitive" } },
        { legalEntities: { some: { legalEntity: { OR: [{ name: { contains: q, mode: "insensitive" } }, { finess: { startsWith: q.toUpperCase() } }] } } } },
      ],
    });
  }
  return { AND: and };
}

/** The order of the queue; the dossier number breaks ties so pages never overlap. */
export function queueOrderBy(filters: QueueFilters): Prisma.DossierOrderByWithRelationInput[] {
  const direction = filters.ordre;
  switch (filters.tri) {
    case "delai":
      // Fewest days left first; within one guichet, the oldest transmission first.
      return [{ guichet: { instructionEndsOn: direction } }, { submittedAt: "asc" }, { number: "asc" }];
    case "numero":
      return [{ number: direction }];
    case "etablissement":
      return [{ carrier: { name: direction } }, { number: "asc" }];
    case "depot":
      return [{ submittedAt: direction }, { number: "asc" }];
    default: {
      const unknownSort: never = filters.tri;
      throw new Error(`Unknown sort ${String(unknownSort)}`);
    }
  }
}

const queueRowSelect = {
  id: true,
  number: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  guichet: { select: { code: true, label: true, kind: true, year: true, instructionEndsOn: true } },
  carrier: { select: { finess: true, name: true, region: { select: { code: true, name: true } }, ght: { select: { code: true, name: true } } } },
  legalEntities: { select: { legalEntityFiness: true, legalEntity: { select: { name: true } } }, orderBy: { legalEntityFiness: "asc" } },
  changeRequests: { where: { status: "OPEN" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.DossierSelect;

export interface QueueRow {
  id: string;
  number: string;
  status: QueueStatus;
  guichet: { code: string; label: string; kind: GuichetKind; year: number };
  carrier: { finess: string; name: string };
  /** The carrier's region (a national queue shows it). */
  region: { code: string; name: string };
  ght: { code: string; name: string } | null;
  /** Every EJ of the dossier (one, or the EJ of a GHT). */
  parts: { finess: string; name: string }[];
  submittedAt: Date | null;
  decidedAt: Date | null;
  instructionEndsOn: CalendarDate;
  /** Days left to instruct (today counts; 0 once over); null once decided, or in an AAP project's proof step. */
  daysLeft: number | null;
  /** An AAP project whose June-2027 proofs await the ARS (no end date in source 001). */
  proofsToReview: boolean;
  /** When the open change request was sent, if any. */
  changesRequestedAt: Date | null;
}

export interface InstructionQueue {
  rows: QueueRow[];
  /** Dossiers matching the filters (status included). */
  total: number;
  /** Dossiers matching the filters other than the status, by status. */
  counts: Record<QueueStatus, number>;
  page: number;
  pageCount: number;
  pageSize: number;
  today: CalendarDate;
}

function isQueueStatus(status: DossierStatus): status is QueueStatus {
  return (QUEUE_STATUSES as readonly DossierStatus[]).includes(status);
}

/** One page of the queue, its total and its counts by status. `at` is the server's now (lib/clock). */
export async function loadInstructionQueue(db: Database, user: CurrentUser, filters: QueueFilters, at: Date, pageSize = QUEUE_PAGE_SIZE): Promise<InstructionQueue> {
  assertCanListQueue(user);
  const today = parisDate(at);
  const page = filters.page;
  const [rows, groups] = await Promise.all([
    db.dossier.findMany({ where: queueWhere(user, filters), orderBy: queueOrderBy(filters), select: queueRowSelect, skip: (page - 1) * pageSize, take: pageSize }),
    db.dossier.groupBy({ by: ["status"], where: queueWhere(user, filters, { withStatus: false }), _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(QUEUE_STATUSES.map((status) => [status, 0])) as Record<QueueStatus, number>;
  for (const group of groups) if (isQueueStatus(group.status)) counts[group.status] = group._count._all;
  const total = filters.statut ? counts[filters.statut] : QUEUE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return {
    rows: rows.flatMap((row): QueueRow[] => {
      if (!isQueueStatus(row.status)) return []; // unreachable: the where excludes drafts
      const instructionEndsOn = calendarDateFromDb(row.guichet.instructionEndsOn);
      // Only the selection or instruction counts down to the guichet's end; the proof step has no end date.
      const counting = row.status === "SUBMITTED" || row.status === "CHANGES_REQUESTED";
      return [
        {
          id: row.id,
          number: row.number,
          status: row.status,
          guichet: { code: row.guichet.code, label: row.guichet.label, kind: row.guichet.kind, year: row.guichet.year },
          carrier: { finess: row.carrier.finess, name: row.carrier.name },
          region: row.carrier.region,
          ght: row.carrier.ght,
          parts: row.legalEntities.map((part) => ({ finess: part.legalEntityFiness, name: part.legalEntity.name })),
          submittedAt: row.submittedAt,
          decidedAt: row.decidedAt,
          instructionEndsOn,
          daysLeft: counting ? instructionDaysLeft(instructionEndsOn, today) : null,
          proofsToReview: row.status === "PROOF_SUBMITTED",
          changesRequestedAt: row.changeRequests[0]?.createdAt ?? null,
        },
      ];
    }),
    total,
    counts,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    today,
  };
}

export interface QueueFilterOptions {
  guichets: { code: string; label: string }[];
  ghts: { code: string; name: string }[];
  /** The regions to filter on, for a national queue (ANS, DNS); null for an ARS queue (its region only). */
  regions: { code: string; name: string }[] | null;
}

/** The choices of the filter form: the guichets that have dossiers in scope, the GHT of the region (every GHT nationally), the regions nationally. */
export async function loadQueueFilterOptions(db: Database, user: CurrentUser): Promise<QueueFilterOptions> {
  assertCanListQueue(user);
  const national = isNationalQueue(user);
  const [guichets, ghts, regions] = await Promise.all([
    db.guichet.findMany({
      where: { dossiers: { some: { AND: queueScope(user) } } },
      select: { code: true, label: true },
      orderBy: [{ opensOn: "desc" }, { code: "asc" }],
    }),
    db.ght.findMany({
      where: national ? {} : { regionCode: user.regionCode ?? "" },
      select: { code: true, name: true },
      orderBy: { name: "asc" },
    }),
    national ? db.region.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }) : Promise.resolve(null),
  ]);
  return { guichets, ghts, regions };
}

const exportSelect = {
  id: true,
  number: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  carrierFiness: true,
  guichet: { select: { code: true, label: true, kind: true, year: true } },
  legalEntities: {
    select: {
      legalEntityFiness: true,
      decidedCents: true,
      decisionCapCents: true,
      partialAwardReason: true,
      legalEntity: { select: { name: true, ght: { select: { name: true } }, supportOf: { select: { name: true } }, careEnvelope: { select: { amountCents: true } } } },
    },
    orderBy: { legalEntityFiness: "asc" },
  },
  submissions: { select: { snapshot: true }, orderBy: { sequence: "desc" }, take: 1 },
} satisfies Prisma.DossierSelect;

export const EXPORT_BATCH_SIZE = 500;

/**
 * The whole filtered queue for the export, in the queue's order, in batches (so the
 * route streams rows while the next batch loads). The ids are read first in one
 * query, so the export is one consistent list even if dossiers change meanwhile.
 */
export async function queueExportIds(db: Database, user: CurrentUser, filters: QueueFilters): Promise<string[]> {
  assertCanListQueue(user);
  const rows = await db.dossier.findMany({ where: queueWhere(user, filters), orderBy: queueOrderBy(filters), select: { id: true } });
  return rows.map((row) => row.id);
}

export async function* queueExportBatches(db: Database, user: CurrentUser, ids: readonly string[], batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ExportDossierInput[]> {
  assertCanListQueue(user);
  for (let start = 0; start < ids.length; start += batchSize) {
    // The scope again: an id list is never trusted on its own.
    yield await loadExportInputs(db, ids.slice(start, start + batchSize), queueScope(user));
  }
}

/**
 * The export's read model (ExportDossierInput) of the dossiers `ids` that `scope` allows, in the
 * order of `ids` (a dossier out of scope is left out): three queries whatever their number.
 * Shared by the queue's export and the API of the information systems (lib/api/dossiers.ts), so
 * both read the same transmitted figures.
 */
export async function loadExportInputs(db: Database, ids: readonly string[], scope: Prisma.DossierWhereInput[]): Promise<ExportDossierInput[]> {
  const rows = await db.dossier.findMany({
    where: { AND: [{ id: { in: [...ids] } }, ...scope] },
    select: exportSelect,
  });
  const snapshots = new Map(rows.map((row) => [row.id, row.submissions[0] ? readSnapshot(row.submissions[0].snapshot) : null]));
  const nrus = quotedNrus([...snapshots.values()].filter((snapshot) => snapshot !== null));
  const assessments: QuotedAssessment[] =
    nrus.length === 0
      ? []
      : (
          await db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { nru: true, legalEntityFiness: true, status: true, validatedAt: true } })
        ).map((assessment) => ({
          nru: assessment.nru ?? "",
          legalEntityFiness: assessment.legalEntityFiness,
          status: assessment.status,
          validatedOn: assessment.validatedAt ? parisDate(assessment.validatedAt) : null,
        }));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id): ExportDossierInput[] => {
    const row = byId.get(id);
    if (!row) return [];
    const snapshot = snapshots.get(id) ?? null;
    const nrusOfRow = new Set(snapshot?.parts.map((part) => part.nru) ?? []);
    return [
      {
        number: row.number,
        guichet: row.guichet,
        status: row.status,
        submittedAt: row.submittedAt,
        decidedAt: row.decidedAt,
        carrierFiness: row.carrierFiness,
        parts: row.legalEntities.map((part) => ({
          finess: part.legalEntityFiness,
          name: part.legalEntity.name,
          ghtName: (part.legalEntity.ght ?? part.legalEntity.supportOf)?.name ?? null,
          decided: part.decidedCents === null ? null : Number(part.decidedCents),
          decisionCap: part.decisionCapCents === null ? null : Number(part.decisionCapCents),
          careEnvelope: part.legalEntity.careEnvelope ? Number(part.legalEntity.careEnvelope.amountCents) : null,
          partialAwardReason: part.partialAwardReason,
        })),
        snapshot,
        assessments: assessments.filter((assessment) => nrusOfRow.has(assessment.nru)),
      },
    ];
  });
}
