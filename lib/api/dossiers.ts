/**
 * What the API of the ARS and DNS information systems reads (issue 14 §7): the dossiers of a token's
 * scope, their parts per EJ with their amounts, the decision, and the documents of the last
 * transmission. The scope is in every query's `where` (apiScopeFilter, next to the read policy);
 * a dossier out of scope is "not found", never "forbidden", so that a token cannot learn it exists.
 *
 * Like the instructors' pages and export, figures are those TRANSMITTED (the last submission's
 * snapshot, lib/instruction/transmitted.ts) with the decided amounts of the live parts: the parts
 * come from the export's read model (loadExportInputs, buildExportRecords).
 */
import type { Readable } from "node:stream";
import type { Database } from "@/lib/db/client";
import { dossierStatusLabel } from "@/lib/dossiers/machine";
import { apiScopeFilter, type ApiScope } from "@/lib/dossiers/policy";
import { parisDate } from "@/lib/clock/paris-date";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, StoredFile } from "@/lib/generated/prisma/client";
import { buildExportRecords } from "@/lib/instruction/export-rows";
import { loadExportInputs } from "@/lib/instruction/queue";
import { assertServable, isServable } from "@/lib/storage/file-download";
import type { FileStorage } from "@/lib/storage/file-storage";
import { apiAmount, dossierStatusSchema, type DossierDetail, type DossierList, type DossierListQuery, type DossierSummary } from "./schemas";
import { logWarning } from "@/lib/log/logger";

const summarySelect = {
  id: true,
  number: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  updatedAt: true,
  guichet: { select: { code: true, label: true, programme: true, kind: true, year: true } },
  carrier: { select: { finess: true, name: true, regionCode: true } },
} satisfies Prisma.DossierSelect;

type SummaryRow = Prisma.DossierGetPayload<{ select: typeof summarySelect }>;

function summaryOf(row: SummaryRow): DossierSummary {
  return {
    id: row.id,
    number: row.number,
    guichet: row.guichet,
    // apiScopeFilter never lets a draft through; the schema says so too.
    status: dossierStatusSchema.parse(row.status),
    statusLabel: dossierStatusLabel(row.status, row.guichet.kind),
    carrier: row.carrier,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function listWhere(scope: ApiScope, query: DossierListQuery): Prisma.DossierWhereInput {
  const and: Prisma.DossierWhereInput[] = [apiScopeFilter(scope)];
  if (query.guichet) and.push({ guichet: { code: query.guichet } });
  if (query.statut) and.push({ status: query.statut });
  return { AND: and };
}

/** One page of the dossiers of `scope`, latest transmitted first: two queries (the page, the count). */
export async function listApiDossiers(db: Database, scope: ApiScope, query: DossierListQuery): Promise<DossierList> {
  const where = listWhere(scope, query);
  const [rows, total] = await Promise.all([
    db.dossier.findMany({ where, select: summarySelect, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.taille, take: query.taille }),
    db.dossier.count({ where }),
  ]);
  return { items: rows.map(summaryOf), page: query.page, pageSize: query.taille, total, totalPages: Math.ceil(total / query.taille) };
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`No dossier ${id} in API scope`, "Aucun dossier de ce numéro d'identifiant n'est accessible avec ce jeton.");
}

/** The documents of the last transmission (the snapshot's list), with each file's live scan status. */
interface TransmittedDocument {
  id: string;
  fileId: string;
  kind: string;
  objectiveCode: string | null;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  legalEntities: string[];
}

/** One dossier of `scope` with its parts, decision and documents; NotFoundError when out of scope. */
export async function getApiDossier(db: Database, scope: ApiScope, id: string): Promise<DossierDetail> {
  const row = await db.dossier.findFirst({ where: { AND: [{ id }, apiScopeFilter(scope)] }, select: summarySelect });
  if (!row) throw notFound(id);
  const [input] = await loadExportInputs(db, [id], [apiScopeFilter(scope)]);
  if (!input) throw notFound(id);
  const documents: TransmittedDocument[] = input.snapshot?.documents ?? [];
  const [files, refusal] = await Promise.all([
    db.storedFile.findMany({ where: { id: { in: documents.map((document) => document.fileId) } }, select: { id: true, scanStatus: true } }),
    row.status === "REFUSED" ? db.dossierEvent.findFirst({ where: { dossierId: id, type: "REFUSE" }, orderBy: { at: "desc" }, select: { message: true } }) : null,
  ]);
  const scanOf = new Map(files.map((file) => [file.id, file.scanStatus]));
  const records = buildExportRecords([input]);
  const decidedCents = records.filter((record) => record.decided !== null).map((record) => record.decided as number);
  return {
    ...summaryOf(row),
    parts: records.map((record) => ({
      finess: record.finess,
      name: record.name,
      ght: record.ght || null,
      headcount: record.headcount,
      ceiling: apiAmount(record.ceiling),
      expenses: { internalHr: apiAmount(record.expensesInternalHr), external: apiAmount(record.expensesExternal), publisher: apiAmount(record.expensesPublisher) },
      requested: apiAmount(record.requested),
      eligible: apiAmount(record.eligible),
      capped: apiAmount(record.capped),
      decided: apiAmount(record.decided),
      partialAwardReason: record.partialAwardReason || null,
    })),
    decision: row.decidedAt
      ? {
          outcome: row.status === "REFUSED" ? "refused" : "accepted",
          decidedAt: row.decidedAt.toISOString(),
          decidedOn: parisDate(row.decidedAt),
          decidedTotal: decidedCents.length > 0 ? apiAmount(decidedCents.reduce((sum, cents) => sum + cents, 0)) : null,
          refusalReason: refusal?.message ?? null,
        }
      : null,
    documents: documents.map((document) => {
      // A file whose row is gone reads as « en cours d'analyse »: listed, never served.
      const scanStatus = scanOf.get(document.fileId) ?? "PENDING";
      return {
        id: document.id,
        kind: document.kind,
        objectiveCode: document.objectiveCode,
        name: document.name,
        mediaType: document.mediaType,
        sizeBytes: document.sizeBytes,
        sha256: document.sha256,
        scanStatus,
        legalEntities: document.legalEntities,
        downloadUrl: isServable({ scanStatus }) ? `/api/v1/dossiers/${encodeURIComponent(id)}/documents/${encodeURIComponent(document.id)}` : null,
      };
    }),
  };
}

export interface OpenedApiDocument {
  file: StoredFile;
  body: Readable;
}

/**
 * The bytes of a document of the last transmission of a dossier of `scope`: NotFoundError for a
 * dossier out of scope or a document it does not list; InvalidStateError for a file the portal
 * does not serve either (infected, or still being scanned: lib/storage/file-download.ts).
 */
export async function openApiDocument(db: Database, scope: ApiScope, dossierId: string, documentId: string, storage: FileStorage): Promise<OpenedApiDocument> {
  const [input] = await loadExportInputs(db, [dossierId], [apiScopeFilter(scope)]);
  if (!input) throw notFound(dossierId);
  const document = input.snapshot?.documents.find((candidate) => candidate.id === documentId);
  if (!document) throw new NotFoundError(`No document ${documentId} in dossier ${dossierId}`, "Ce document ne figure pas dans la dernière transmission du dossier.");
  const file = await db.storedFile.findUnique({ where: { id: document.fileId } });
  if (!file) throw new NotFoundError(`No stored file ${document.fileId}`, "Ce fichier est introuvable.");
  assertServable(file);
  try {
    return { file, body: await storage.get(file.storageKey) };
  } catch (error) {
    // A row without its bytes: an operator must know, the caller reads a plain 404.
    if (error instanceof NotFoundError) logWarning("api-download-missing-object", { fileId: file.id, storageKey: file.storageKey });
    throw error;
  }
}
