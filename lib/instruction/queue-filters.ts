import { z } from "zod";
import type { DossierStatus } from "@/lib/generated/prisma/enums";

/**
 * The search parameters of the instruction queue (`/ars/dossiers`, `/ans/dossiers`),
 * shared by the page and the export route (`/api/ars/export`, `/api/ans/export`), so an
 * export is exactly the queue as filtered. Parameter names are French: they are
 * visible in the address bar.
 *
 * A value that does not parse is dropped (the filter is ignored) rather than
 * failing the page: a hand-edited URL shows the unfiltered queue, never an error.
 * Drafts are not a queue status: a dossier never transmitted is not the ARS's.
 */

/** Every status after a transmission, an AAP project's proof step included. */
export const QUEUE_STATUSES = [
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "ACCEPTED",
  "REFUSED",
  "PROOF_SUBMITTED",
  "PROOF_CHANGES_REQUESTED",
  "OBJECTIVES_VALIDATED",
  "OBJECTIVES_NOT_MET",
] as const satisfies readonly DossierStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_SORTS = ["delai", "numero", "etablissement", "depot"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  delai: "Jours restants d'instruction",
  numero: "Numéro de dossier",
  etablissement: "Établissement",
  depot: "Date de transmission",
};

/** The statuses of a dossier still awaiting the ARS's decision (the `encours` filter). */
export const UNDECIDED_STATUSES = ["SUBMITTED", "CHANGES_REQUESTED", "PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED"] as const satisfies readonly QueueStatus[];

export const QUEUE_PAGE_SIZE = 50;

const FINESS = /^[0-9][0-9A-Z][0-9]{7}$/;
/** A region (ARS) code of the Region table: two digits, e.g. "84". */
const REGION = /^\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** A repeated key (`?statut=A&statut=B`) keeps its first value; blanks are "no filter". */
function firstNonBlank(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(firstNonBlank, schema.optional()).catch(undefined);

export const queueFiltersSchema = z.object({
  /** Guichet code, e.g. "HOPEN2-JALON-2026". */
  guichet: optional(z.string().regex(CODE)),
  statut: optional(z.enum(QUEUE_STATUSES)),
  /** An EJ of the dossier (carrier or member), exact FINESS EJ. */
  ej: optional(z.string().toUpperCase().regex(FINESS)),
  /** GHT code (SAE), e.g. "84101". */
  ght: optional(z.string().regex(CODE)),
  /** Region of the carrier EJ, e.g. "84": national queues only (ANS, DNS); an ARS queue is its region's anyway. */
  region: optional(z.string().regex(REGION)),
  /** Free text: dossier number, name or FINESS of one of its EJ. */
  q: optional(z.string().max(100)),
  /** "1": only the dossiers awaiting a decision (transmitted, or sent back for changes). */
  encours: optional(z.literal("1")),
  tri: z.preprocess(firstNonBlank, z.enum(QUEUE_SORTS)).catch("delai"),
  ordre: z.preprocess(firstNonBlank, z.enum(["asc", "desc"])).catch("asc"),
  page: z.preprocess(firstNonBlank, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Parses the page's `searchParams` or a request's `URLSearchParams`. Never throws. */
export function parseQueueFilters(input: SearchParamsInput): QueueFilters {
  const record: Record<string, string | string[] | undefined> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else {
    Object.assign(record, input);
  }
  return queueFiltersSchema.parse(record);
}

/** True when a filter narrows the queue (sort and page aside). */
export function hasActiveFilter(filters: QueueFilters): boolean {
  return Boolean(filters.guichet || filters.statut || filters.ej || filters.ght || filters.region || filters.q || filters.encours);
}

/**
 * The query string of `filters` with `changes` applied, defaults left out (short,
 * stable links). Used for the sort headers, the status tabs, the pages and the export links.
 */
export function queueSearchParams(filters: QueueFilters, changes: Partial<QueueFilters> & { format?: "csv" | "xlsx" } = {}): URLSearchParams {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (changes.format) params.set("format", changes.format);
  for (const key of ["guichet", "statut", "ej", "ght", "region", "q", "encours"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.tri !== "delai") params.set("tri", merged.tri);
  if (merged.ordre !== "asc") params.set("ordre", merged.ordre);
  if (merged.page > 1 && !changes.format) params.set("page", String(merged.page));
  return params;
}
