/**
 * National follow-up for DNS admins: per guichet, a table by region (reference
 * EJ, eligible EJ, candidatures, dossiers by status, sums of ceilings and
 * amounts), the drill-down of one region, and the export rows. Every figure
 * comes from a handful of grouped queries whatever the number of EJ; only the
 * ceiling (a tiered rule of lib/funding) is applied per EJ in JS, on SAE
 * headcounts aggregated in SQL.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { calendarDateFromDb, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { ELIGIBLE_EJ_CATEGORIES, hospiconnectAnnualCeiling, type Cents } from "@/lib/funding";
import type { DossierStatus, GuichetKind, Programme } from "@/lib/generated/prisma/enums";
import { quotedNrus, readSnapshot, transmittedParts, type QuotedAssessment } from "@/lib/instruction/transmitted";
import { guichetPhase, type GuichetDates, type GuichetPhase } from "@/lib/guichets/guichet-state";
import { assertAdmin } from "./accounts";
import { defaultFollowUpGuichet } from "./follow-up-default-guichet";
import {
  DECIDED_YEARS,
  FOLLOW_UP_STATUSES,
  emptyStatusCounts,
  emptySums,
  sumPartsByRegion,
  totalOf,
  type FollowUpExportRecord,
  type RegionFollowUp,
  type TransmittedPartFacts,
} from "./follow-up-rows";

export interface FollowUpGuichet {
  id: string;
  code: string;
  label: string;
  kind: GuichetKind;
  programme: Programme;
  year: number;
}

const guichetSelect = { id: true, code: true, label: true, kind: true, programme: true, year: true } as const;

export interface FollowUpGuichetChoice extends FollowUpGuichet, GuichetDates {
  phase: GuichetPhase;
}

/**
 * The guichets the admin can follow (latest opening first) and the one the
 * page opens on for `today` (a Paris calendar day of the portal's clock): the
 * guichet in progress, else the last closed one, never one still to come
 * (lib/admin/follow-up-default-guichet.ts); null when every guichet is to come.
 */
export async function followUpGuichets(db: Database, actor: CurrentUser, today: CalendarDate): Promise<{ guichets: FollowUpGuichetChoice[]; defaultGuichetId: string | null }> {
  assertAdmin(actor);
  const rows = await db.guichet.findMany({
    select: { ...guichetSelect, opensOn: true, closesOn: true, instructionEndsOn: true },
    orderBy: [{ opensOn: "desc" }, { code: "asc" }],
  });
  const guichets = rows.map((row) => {
    const dates: GuichetDates = { opensOn: calendarDateFromDb(row.opensOn), closesOn: calendarDateFromDb(row.closesOn), instructionEndsOn: calendarDateFromDb(row.instructionEndsOn) };
    return { ...row, ...dates, phase: guichetPhase(dates, today) };
  });
  return { guichets, defaultGuichetId: defaultFollowUpGuichet(guichets, today)?.id ?? null };
}

async function loadGuichet(db: Database, guichetId: string): Promise<FollowUpGuichet> {
  const guichet = await db.guichet.findUnique({ where: { id: guichetId }, select: guichetSelect });
  if (!guichet) throw new NotFoundError(`guichet ${guichetId}`, "Ce guichet est introuvable.");
  return guichet;
}

/** The candidature guichet the selected one follows: itself, else the latest of its programme up to its year. */
async function candidatureGuichetOf(db: Database, guichet: FollowUpGuichet): Promise<FollowUpGuichet | null> {
  if (guichet.kind === "CANDIDATURE") return guichet;
  return db.guichet.findFirst({
    where: { programme: guichet.programme, kind: "CANDIDATURE", year: { lte: guichet.year } },
    orderBy: [{ year: "desc" }, { opensOn: "desc" }],
    select: guichetSelect,
  });
}

interface PartRow {
  dossierId: string;
  number: string;
  status: DossierStatus;
  finess: string;
  name: string;
  regionCode: string;
  requested: bigint | null;
  decided: bigint | null;
  headcount: bigint;
  /** CaRE: the EJ's envelope and its eligible (external) expenses declared. */
  envelope: bigint | null;
  external: bigint | null;
}

/**
 * Each EJ of the guichet's transmitted (not DRAFT) dossiers with its SAE
 * headcount, in one statement: per EG the value of 2024, else 2023, else 2022
 * (source 000, arrêté of 27 January 2026 annex 2), summed per EJ.
 */
async function transmittedPartRows(db: Database, guichetId: string, regionCode: string | null): Promise<PartRow[]> {
  return db.$queryRaw<PartRow[]>`
    WITH parts AS (
      SELECT p."dossierId", d.number, d.status::text AS status, p."legalEntityFiness" AS finess, e.name, e."regionCode",
             p."requestedCents" AS requested, p."decidedCents" AS decided,
             env."amountCents" AS envelope, p."expensesExternalCents" AS external
      FROM "DossierLegalEntity" p
      JOIN "Dossier" d ON d.id = p."dossierId"
      JOIN "LegalEntity" e ON e.finess = p."legalEntityFiness"
      LEFT JOIN "CareEnvelope" env ON env."legalEntityFiness" = p."legalEntityFiness"
      WHERE p."guichetId" = ${guichetId} AND d.status <> 'DRAFT'
        AND (${regionCode}::varchar IS NULL OR e."regionCode" = ${regionCode}::varchar)
    ), declarations AS (
      -- A listed EG's own row of a year wins over the SAE-only row of that EG and year (lib/reference/sae-staff.ts).
      SELECT DISTINCT ON (site, year) finess, site, year, staff FROM (
        SELECT s."legalEntityFiness" AS finess, c."siteFiness" AS site, c.year, c.salaried + c.liberal AS staff, 0 AS rank
        FROM "SaeStaffCount" c JOIN "Site" s ON s.finess = c."siteFiness"
        WHERE c.year IN (2024, 2023, 2022) AND s."legalEntityFiness" IN (SELECT finess FROM parts)
        UNION ALL
        SELECT u."legalEntityFiness", u."siteFiness", u.year, u.salaried + u.liberal, 1
        FROM "SaeUnlistedStaffCount" u
        WHERE u.year IN (2024, 2023, 2022) AND u."legalEntityFiness" IN (SELECT finess FROM parts)
      ) rows
      ORDER BY site, year, rank
    ), latest AS (
      SELECT DISTINCT ON (site) finess, staff FROM declarations ORDER BY site, year DESC
    ), headcounts AS (
      SELECT finess, SUM(staff)::bigint AS headcount FROM latest GROUP BY finess
    )
    SELECT parts.*, COALESCE(h.headcount, 0)::bigint AS headcount
    FROM parts LEFT JOIN headcounts h ON h.finess = parts.finess
    ORDER BY parts.name, parts.finess`;
}

/**
 * The eligible amount of each EJ as transmitted (deposits only): the latest
 * snapshot of each dossier through lib/instruction's `transmittedParts`, the
 * rule the ARS sees. Two queries for the whole guichet.
 */
async function eligibleByPart(db: Database, guichet: FollowUpGuichet, dossierIds: readonly string[]): Promise<Map<string, Cents | null>> {
  const result = new Map<string, Cents | null>();
  if (guichet.kind !== "MILESTONE_DEPOSIT" || dossierIds.length === 0) return result;
  const submissions = await db.dossierSubmission.findMany({
    where: { dossierId: { in: [...dossierIds] } },
    orderBy: [{ dossierId: "asc" }, { sequence: "desc" }],
    distinct: ["dossierId"],
    select: { dossierId: true, snapshot: true },
  });
  const snapshots = submissions.map((submission) => ({ dossierId: submission.dossierId, snapshot: readSnapshot(submission.snapshot) }));
  const nrus = quotedNrus(snapshots.map((entry) => entry.snapshot));
  const assessments: QuotedAssessment[] =
    nrus.length === 0
      ? []
      : (await db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { nru: true, legalEntityFiness: true, status: true, validatedAt: true } })).map((assessment) => ({
          nru: assessment.nru ?? "",
          legalEntityFiness: assessment.legalEntityFiness,
          status: assessment.status,
          validatedOn: assessment.validatedAt ? parisDate(assessment.validatedAt) : null,
        }));
  for (const { dossierId, snapshot } of snapshots) {
    for (const part of transmittedParts(snapshot, guichet, assessments)) result.set(`${dossierId}/${part.finess}`, part.amounts.eligible);
  }
  return result;
}

function toNumber(value: bigint | null): number | null {
  return value === null ? null : Number(value);
}

async function partFacts(db: Database, guichet: FollowUpGuichet, regionCode: string | null) {
  const rows = await transmittedPartRows(db, guichet.id, regionCode);
  const eligible = await eligibleByPart(db, guichet, [...new Set(rows.map((row) => row.dossierId))]);
  // A CaRE relève is followed against the EJ's envelope and its eligible expenses (source 003), not the HOP'EN2 ceiling.
  const care = guichet.kind === "CARE_RELEVE";
  return rows.map((row) => ({
    row,
    facts: {
      finess: row.finess,
      regionCode: row.regionCode,
      headcount: Number(row.headcount),
      requested: toNumber(row.requested),
      eligible: care ? toNumber(row.external) : (eligible.get(`${row.dossierId}/${row.finess}`) ?? null),
      decided: toNumber(row.decided),
      ...(care ? { ceiling: toNumber(row.envelope) ?? 0 } : {}),
    } satisfies TransmittedPartFacts,
  }));
}

export interface NationalFollowUp {
  guichet: FollowUpGuichet;
  candidatureGuichet: FollowUpGuichet | null;
  regions: RegionFollowUp[];
  total: ReturnType<typeof totalOf>;
}

export async function nationalFollowUp(db: Database, actor: CurrentUser, guichetId: string): Promise<NationalFollowUp> {
  assertAdmin(actor);
  const guichet = await loadGuichet(db, guichetId);
  const candidatureGuichet = await candidatureGuichetOf(db, guichet);
  const [regions, entities, eligibleEntities, candidatures, statuses, parts] = await Promise.all([
    db.region.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    db.legalEntity.groupBy({ by: ["regionCode"], _count: { _all: true } }),
    db.legalEntity.groupBy({ by: ["regionCode"], where: { category: { in: [...ELIGIBLE_EJ_CATEGORIES] } }, _count: { _all: true } }),
    candidatureGuichet
      ? db.$queryRaw<{ regionCode: string; count: bigint }[]>`
          SELECT e."regionCode", COUNT(*)::bigint AS count FROM "Dossier" d JOIN "LegalEntity" e ON e.finess = d."carrierFiness"
          WHERE d."guichetId" = ${candidatureGuichet.id} AND d.status <> 'DRAFT' GROUP BY e."regionCode"`
      : Promise.resolve([]),
    db.$queryRaw<{ regionCode: string; status: DossierStatus; count: bigint }[]>`
      SELECT e."regionCode", d.status::text AS status, COUNT(*)::bigint AS count FROM "Dossier" d JOIN "LegalEntity" e ON e.finess = d."carrierFiness"
      WHERE d."guichetId" = ${guichet.id} GROUP BY e."regionCode", d.status`,
    partFacts(db, guichet, null),
  ]);
  const sums = sumPartsByRegion(parts.map((part) => part.facts));
  const countIn = (rows: { regionCode: string; _count: { _all: number } }[], code: string) => rows.find((row) => row.regionCode === code)?._count._all ?? 0;
  const result: RegionFollowUp[] = regions.map((region) => {
    const byStatus = emptyStatusCounts();
    for (const row of statuses) if (row.regionCode === region.code && FOLLOW_UP_STATUSES.includes(row.status)) byStatus[row.status] = Number(row.count);
    return {
      ...region,
      legalEntities: countIn(entities, region.code),
      eligibleLegalEntities: countIn(eligibleEntities, region.code),
      candidatures: Number(candidatures.find((row) => row.regionCode === region.code)?.count ?? 0),
      byStatus,
      ...(sums.get(region.code) ?? emptySums()),
    };
  });
  return { guichet, candidatureGuichet, regions: result, total: totalOf(result) };
}

/** Decided amounts per EJ and milestone year: accepted deposits of the programme, one grouped query. */
async function decidedByYear(db: Database, programme: Programme, regionCode: string | null) {
  return db.$queryRaw<{ finess: string; name: string; regionCode: string; year: number; decided: bigint }[]>`
    SELECT p."legalEntityFiness" AS finess, e.name, e."regionCode", g.year, SUM(p."decidedCents")::bigint AS decided
    FROM "DossierLegalEntity" p
    JOIN "Dossier" d ON d.id = p."dossierId"
    JOIN "Guichet" g ON g.id = d."guichetId"
    JOIN "LegalEntity" e ON e.finess = p."legalEntityFiness"
    WHERE g.programme = ${programme}::"Programme" AND g.kind = 'MILESTONE_DEPOSIT' AND d.status = 'ACCEPTED' AND p."decidedCents" IS NOT NULL
      AND (${regionCode}::varchar IS NULL OR e."regionCode" = ${regionCode}::varchar)
    GROUP BY p."legalEntityFiness", e.name, e."regionCode", g.year`;
}

export interface RegionEntityRow {
  finess: string;
  name: string;
  dossierId: string;
  dossierNumber: string;
  status: DossierStatus;
  headcount: number;
  ceiling: Cents;
  requested: Cents | null;
  eligible: Cents | null;
  decided: Cents | null;
}

/** One region's EJ in transmitted dossiers of the guichet, with status and amounts. */
export async function regionFollowUp(db: Database, actor: CurrentUser, guichetId: string, regionCode: string) {
  assertAdmin(actor);
  const guichet = await loadGuichet(db, guichetId);
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true } });
  if (!region) throw new NotFoundError(`region ${regionCode}`, "Cette région est introuvable.");
  const parts = await partFacts(db, guichet, region.code);
  const rows: RegionEntityRow[] = parts.map(({ row, facts }) => ({
    finess: row.finess,
    name: row.name,
    dossierId: row.dossierId,
    dossierNumber: row.number,
    status: row.status,
    headcount: facts.headcount,
    ceiling: facts.ceiling ?? hospiconnectAnnualCeiling(facts.headcount),
    requested: facts.requested,
    eligible: facts.eligible,
    decided: facts.decided,
  }));
  return { guichet, region, rows, sums: sumPartsByRegion(parts.map((part) => part.facts)).get(region.code) ?? emptySums() };
}

/**
 * Export rows, per EJ, for one region or all (regionCode null): the EJ with a
 * transmitted dossier in the guichet or a decided amount in the programme, with
 * the status of its dossier in the guichet and the decided amount per year.
 */
export async function followUpExportRecords(db: Database, actor: CurrentUser, guichetId: string, regionCode: string | null): Promise<{ guichet: FollowUpGuichet; records: FollowUpExportRecord[] }> {
  assertAdmin(actor);
  const guichet = await loadGuichet(db, guichetId);
  const [regions, parts, decided] = await Promise.all([
    db.region.findMany({ select: { code: true, name: true } }),
    transmittedPartRows(db, guichet.id, regionCode),
    decidedByYear(db, guichet.programme, regionCode),
  ]);
  const regionName = new Map(regions.map((region) => [region.code, region.name]));
  const records = new Map<string, FollowUpExportRecord>();
  const recordOf = (finess: string, name: string, code: string) => {
    let record = records.get(finess);
    if (!record) {
      record = { finess, name, regionCode: code, regionName: regionName.get(code) ?? "", status: null, decidedByYear: { 2026: null, 2027: null, 2028: null } };
      records.set(finess, record);
    }
    return record;
  };
  for (const part of parts) recordOf(part.finess, part.name, part.regionCode).status = part.status;
  for (const row of decided) {
    const year = DECIDED_YEARS.find((candidate) => candidate === row.year);
    if (year !== undefined) recordOf(row.finess, row.name, row.regionCode).decidedByYear[year] = Number(row.decided);
  }
  const sorted = [...records.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, "fr") || a.finess.localeCompare(b.finess));
  return { guichet, records: sorted };
}
