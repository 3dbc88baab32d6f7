import type { Database } from "@/lib/db/client";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { LegalStatus } from "@/lib/generated/prisma/client";
import { REGIONS } from "@/lib/reference/regions";
import { cell, parseCsvLine } from "./csv";
import { EMPTY_FILE_MESSAGE, FINESS_FLAT_COLUMNS, headerMismatchMessage, truncatedMessage } from "./detect";
import { ImportFileError } from "./errors";
import { regionOfDepartement, regionOfPostalCode } from "./regions";
import { ImportContext, runImport, type ImportMeta, type ImportReport, type Transaction } from "./run";

/** One EG as read from either FINESS format. */
export interface EgRecord {
  finess: string;
  legalEntityFiness: string;
  name: string;
  category: string;
  categoryLabel: string | null;
  aggregateCategory: string;
  aggregateLabel: string | null;
  sphCode: string;
  postalCode: string | null;
  city: string | null;
  regionCode: string;
}

/**
 * Legal status of an EJ, derived from its EG because the EJ file (cs1100501, `statutjuridique`)
 * is not available. Rule, strongest signal first:
 * 1. SPH code of an EG ("service public hospitalier", only on health establishments):
 *    1 "Etablissement public de santé" → PUBLIC; 2/3 "PSPH par intégration/concession",
 *    6 "ESPIC", 7 "privé non lucratif non déclaré d'intérêt collectif" → PRIVATE_NON_PROFIT;
 * 2. else the agrégat category: 1101 CHR, 1102 CH, 1106 hôpitaux locaux → PUBLIC;
 *    1104 CLCC (all ESPIC) → PRIVATE_NON_PROFIT;
 * 3. else PRIVATE_FOR_PROFIT.
 * Limits: an EJ whose EG carry no SPH code (0/9/empty: médico-social, 1103/1109/1110/1111/1205…)
 * falls to rule 3 even when it is an association or a public body (e.g. a public EHPAD, an
 * associative CSAPA); the EJ status of the programme must be checked against the EJ file when
 * an admin has it. Among the EG of one EJ the strongest signal wins, ties go to the first EG.
 */
const PUBLIC_SIGNAL = { status: "PUBLIC", strength: 2 } as const;
const NON_PROFIT_SIGNAL = { status: "PRIVATE_NON_PROFIT", strength: 2 } as const;
const PUBLIC_AGGREGATE_SIGNAL = { status: "PUBLIC", strength: 1 } as const;
const NON_PROFIT_AGGREGATE_SIGNAL = { status: "PRIVATE_NON_PROFIT", strength: 1 } as const;
const FOR_PROFIT_SIGNAL = { status: "PRIVATE_FOR_PROFIT", strength: 0 } as const;

export function legalStatusSignal(sphCode: string, aggregateCategory: string): { readonly status: LegalStatus; readonly strength: number } {
  if (sphCode === "1") return PUBLIC_SIGNAL;
  if (sphCode === "2" || sphCode === "3" || sphCode === "6" || sphCode === "7") return NON_PROFIT_SIGNAL;
  if (aggregateCategory === "1101" || aggregateCategory === "1102" || aggregateCategory === "1106") return PUBLIC_AGGREGATE_SIGNAL;
  if (aggregateCategory === "1104") return NON_PROFIT_AGGREGATE_SIGNAL;
  return FOR_PROFIT_SIGNAL;
}

interface EjDraft {
  /** EJ name: no EJ raison sociale in the EG files — the name of its first health EG (agrégat 1xxx), else its first EG. */
  name: string;
  representativeIsHealth: boolean;
  status: LegalStatus;
  strength: number;
  category: string;
  categoryLabel: string | null;
  regionCode: string;
  /** Health EG (agrégat 1xxx) of the EJ in the file, and those in agrégat 1203 "Dialyse ambulatoire". */
  healthSites: number;
  dialysisSites: number;
}

/**
 * Source 002 annex 2: a (private) dialysis centre is identified by its FINESS juridique. FINESS
 * has no such flag for an EJ; one is taken as a dialysis centre when most of its health EG in the
 * file are dialysis units (agrégat 1203: catégories 141 "Centre de dialyse", 146 "Structure
 * d'alternative à la dialyse en centre"). So a dialysis association that also runs an HAD is one
 * (AUB Santé: 8 of 9 in Côtes-d'Armor), a hospital that also runs a dialysis unit is not.
 */
export const DIALYSIS_AGGREGATE = "1203";
const isDialysisCentre = (draft: Pick<EjDraft, "healthSites" | "dialysisSites">) => draft.dialysisSites * 2 > draft.healthSites;

/**
 * Rows per staging insert (one jsonb parameter each, ≈ 0.6 MB). While one insert runs in
 * PostgreSQL the next batch is parsed: at most one insert in flight, so at most two batches in memory.
 */
const STAGING_BATCH_SIZE = 5_000;
/** EJ per upsert statement (one jsonb parameter each). */
const LEGAL_ENTITY_BATCH_SIZE = 10_000;

const isHealthAggregate = (code: string) => code.startsWith("1");

type Counts = { created: bigint; updated: bigint };

/**
 * Staging writer shared by both FINESS formats: EG rows go to a temporary table (ON COMMIT DROP)
 * in batches, each insert overlapping the parsing of the next batch; the EJ are kept as one small
 * draft per EJ in memory (≈ 47,000), then EJ and Site are upserted at the end. Only the rows that
 * are new or differ (`IS DISTINCT FROM`, on a join with the current rows) are written, and
 * created / updated / unchanged are counted in SQL (one row back per statement, not one per row).
 * Sites absent from the file are left untouched (an extract may cover part of France).
 */
class EgWriter {
  private readonly seen = new Set<string>();
  private readonly ejs = new Map<string, EjDraft>();
  private batch: (string | null)[][] = [];
  private staged = 0;
  /** The staging insert running in PostgreSQL, if any; awaited before the next one is sent. */
  private inFlight: Promise<void> | undefined;

  constructor(private readonly tx: Transaction, private readonly context: ImportContext) {}

  async start(): Promise<void> {
    // A temporary table is not WAL-logged; no key: duplicates are rejected before staging.
    await this.tx.$executeRawUnsafe(
      `CREATE TEMP TABLE import_site (finess varchar(9) NOT NULL, name text NOT NULL, category varchar(3) NOT NULL, category_label text,
        legal_entity_finess varchar(9) NOT NULL, postal_code varchar(5), city text) ON COMMIT DROP`,
    );
    await this.tx.$executeRaw`INSERT INTO "Region" (code, name) SELECT * FROM unnest(${REGIONS.map((r) => r.code)}::text[], ${REGIONS.map((r) => r.name)}::text[]) ON CONFLICT (code) DO NOTHING`;
  }

  /**
   * Runs the reading loop; if it fails while a staging insert is still running, waits for that
   * insert (its own outcome ignored) so that the transaction is rolled back with nothing in flight.
   */
  async reading(loop: () => Promise<void>): Promise<void> {
    try {
      await loop();
    } catch (error) {
      await this.inFlight?.catch(() => undefined);
      this.inFlight = undefined;
      throw error;
    }
  }

  add(line: number, record: EgRecord): void {
    if (this.seen.has(record.finess)) {
      this.context.reject(line, `FINESS EG ${record.finess} en double dans le fichier (seule la première ligne est importée)`);
      return;
    }
    this.seen.add(record.finess);
    const signal = legalStatusSignal(record.sphCode, record.aggregateCategory);
    const health = isHealthAggregate(record.aggregateCategory);
    const dialysis = record.aggregateCategory === DIALYSIS_AGGREGATE ? 1 : 0;
    const draft = this.ejs.get(record.legalEntityFiness);
    if (!draft) {
      this.ejs.set(record.legalEntityFiness, {
        name: record.name, representativeIsHealth: health, status: signal.status, strength: signal.strength,
        category: record.aggregateCategory, categoryLabel: record.aggregateLabel, regionCode: record.regionCode,
        healthSites: health ? 1 : 0, dialysisSites: dialysis,
      });
    } else {
      if (health) draft.healthSites += 1;
      draft.dialysisSites += dialysis;
      if (health && !draft.representativeIsHealth) {
        draft.name = record.name;
        draft.representativeIsHealth = true;
        draft.category = record.aggregateCategory;
        draft.categoryLabel = record.aggregateLabel;
        draft.regionCode = record.regionCode;
      }
      if (signal.strength > draft.strength) {
        draft.status = signal.status;
        draft.strength = signal.strength;
      }
    }
    this.batch.push([record.finess, record.name, record.category, record.categoryLabel, record.legalEntityFiness, record.postalCode, record.city]);
  }

  /** Sends the batch once it is full (called between two blocks of lines). */
  async flushWhenFull(): Promise<void> {
    if (this.batch.length >= STAGING_BATCH_SIZE) await this.flush();
  }

  /** Sends the current batch without waiting for it to be written (the previous insert is awaited first). */
  private async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (!rows.length) return;
    this.staged += rows.length;
    // One jsonb parameter per batch: far cheaper to bind than seven text[] parameters, parsed once (json would be re-parsed per field).
    const payload = JSON.stringify(rows);
    await this.settle();
    const insert = (async () => {
      await this.tx.$executeRaw`INSERT INTO import_site
        SELECT e->>0, e->>1, e->>2, e->>3, e->>4, e->>5, e->>6 FROM jsonb_array_elements(${payload}::jsonb) AS e`;
    })();
    insert.catch(() => undefined); // Reported when awaited by the next flush or by settle().
    this.inFlight = insert;
  }

  private async settle(): Promise<void> {
    const insert = this.inFlight;
    this.inFlight = undefined;
    await insert;
  }

  async finish(): Promise<void> {
    await this.flush();
    // One statement at a time on the transaction's connection: node-pg queues concurrent queries
    // today but deprecates it (removed in pg 9), and the round trips saved are a few milliseconds.
    await this.settle();
    const entries = [...this.ejs.entries()];
    for (let start = 0; start < entries.length; start += LEGAL_ENTITY_BATCH_SIZE) {
      const slice = entries.slice(start, start + LEGAL_ENTITY_BATCH_SIZE);
      const payload = JSON.stringify(slice.map(([finess, d]) => [finess, d.name, d.status, d.category, d.categoryLabel, d.regionCode, isDialysisCentre(d)]));
      // The name of an existing EJ is kept (it may have been corrected by hand): not compared, not updated.
      const [summary] = await this.tx.$queryRaw<Counts[]>`
        WITH source AS (
          SELECT e->>0 AS finess, e->>1 AS name, (e->>2)::"LegalStatus" AS legal_status, e->>3 AS category, e->>4 AS category_label, e->>5 AS region_code,
            (e->>6)::boolean AS dialysis
          FROM jsonb_array_elements(${payload}::jsonb) AS e),
        up AS (
          INSERT INTO "LegalEntity" (finess, name, "legalStatus", category, "categoryLabel", "regionCode", "isDialysisCentre", "updatedAt")
          SELECT s.finess, s.name, s.legal_status, s.category, s.category_label, s.region_code, s.dialysis, now()
          FROM source s LEFT JOIN "LegalEntity" l ON l.finess = s.finess
          WHERE l.finess IS NULL
            OR (l."legalStatus", l.category, l."categoryLabel", l."regionCode", l."isDialysisCentre") IS DISTINCT FROM (s.legal_status, s.category, s.category_label, s.region_code, s.dialysis)
          ON CONFLICT (finess) DO UPDATE SET "legalStatus" = EXCLUDED."legalStatus", category = EXCLUDED.category,
            "categoryLabel" = EXCLUDED."categoryLabel", "regionCode" = EXCLUDED."regionCode", "isDialysisCentre" = EXCLUDED."isDialysisCentre", "updatedAt" = now()
          WHERE ("LegalEntity"."legalStatus", "LegalEntity".category, "LegalEntity"."categoryLabel", "LegalEntity"."regionCode", "LegalEntity"."isDialysisCentre")
            IS DISTINCT FROM (EXCLUDED."legalStatus", EXCLUDED.category, EXCLUDED."categoryLabel", EXCLUDED."regionCode", EXCLUDED."isDialysisCentre")
          RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`;
      this.tally("legalEntities", slice.length, summary);
    }
    if (!this.staged) return;
    const [summary] = await this.tx.$queryRaw<Counts[]>`
      WITH up AS (
        INSERT INTO "Site" (finess, name, category, "categoryLabel", "legalEntityFiness", "postalCode", city, "updatedAt")
        SELECT i.finess, i.name, i.category, i.category_label, i.legal_entity_finess, i.postal_code, i.city, now()
        FROM import_site i LEFT JOIN "Site" s ON s.finess = i.finess
        WHERE s.finess IS NULL
          OR (s.name, s.category, s."categoryLabel", s."legalEntityFiness", s."postalCode", s.city)
            IS DISTINCT FROM (i.name, i.category, i.category_label, i.legal_entity_finess, i.postal_code, i.city)
        ON CONFLICT (finess) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, "categoryLabel" = EXCLUDED."categoryLabel",
          "legalEntityFiness" = EXCLUDED."legalEntityFiness", "postalCode" = EXCLUDED."postalCode", city = EXCLUDED.city, "updatedAt" = now()
        WHERE ("Site".name, "Site".category, "Site"."categoryLabel", "Site"."legalEntityFiness", "Site"."postalCode", "Site".city)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category, EXCLUDED."categoryLabel", EXCLUDED."legalEntityFiness", EXCLUDED."postalCode", EXCLUDED.city)
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`;
    this.tally("", this.staged, summary);
  }

  /** created / updated / unchanged of `total` source rows (keys prefixed like `legalEntitiesCreated`, as tallyUpsert does). */
  private tally(prefix: string, total: number, summary: Counts | undefined): void {
    const created = Number(summary?.created ?? 0);
    const updated = Number(summary?.updated ?? 0);
    const key = (name: string) => (prefix ? `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}` : name);
    this.context.add(key("created"), created);
    this.context.add(key("updated"), updated);
    this.context.add(key("unchanged"), total - created - updated);
  }
}

const blank = (value: string | undefined): string | null => {
  const trimmed = value === undefined ? "" : value.trim();
  return trimmed === "" ? null : trimmed;
};

/**
 * Validates the common fields (the record is completed with its region); returns a French reason
 * when the line must be rejected. `where`/`whereValue` say what the region was derived from.
 */
function validateEg(record: Omit<EgRecord, "regionCode">, regionCode: string | undefined, where: string, whereValue: string): string | EgRecord {
  if (!FINESS_PATTERN.test(record.finess)) return `FINESS EG invalide « ${record.finess} »`;
  if (!FINESS_PATTERN.test(record.legalEntityFiness)) return `FINESS EJ invalide « ${record.legalEntityFiness} »`;
  if (!record.name) return "raison sociale vide";
  if (!THREE_DIGITS.test(record.category)) return `catégorie d'établissement invalide « ${record.category} »`;
  if (!FOUR_DIGITS.test(record.aggregateCategory)) return `catégorie d'agrégat invalide « ${record.aggregateCategory} »`;
  if (!regionCode) return `${where} « ${whereValue} » hors des 18 régions ARS (ou invalide) : région introuvable`;
  const complete = record as EgRecord;
  complete.regionCode = regionCode;
  return complete;
}

const THREE_DIGITS = /^[0-9]{3}$/;
const FOUR_DIGITS = /^[0-9]{4}$/;
const FIVE_DIGITS = /^[0-9]{5}$/;

/** `nofinesset;nofinessej;rs;…` — the flat CSV derived from the FHIR extract (README §1.2). UTF-8 or Latin-1. */
export function importFinessFlatCsv(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "FINESS_FLAT_CSV", input, meta, async (tx, source, context) => {
    const writer = new EgWriter(tx, context);
    let header = true;
    const width = FINESS_FLAT_COLUMNS.length;
    await writer.reading(async () => {
      for await (const lines of source.lineBatches()) {
        for (const line of lines) {
          if (header) {
            header = false;
            const parsed = parseCsvLine(line.text);
            if (!parsed.ok || parsed.fields.join(";").replace(/^\ufeff/, "") !== FINESS_FLAT_COLUMNS.join(";")) {
              throw new ImportFileError(headerMismatchMessage("le fichier FINESS à plat (en-tête « nofinesset;nofinessej;rs;… »)", line.text));
            }
            await writer.start();
            continue;
          }
          const f = context.dataFields(line, width);
          if (!f) continue;
          const postalCode = cell(f, 5).trim();
          const result = validateEg(
            {
              finess: cell(f, 0).trim(), legalEntityFiness: cell(f, 1).trim(), name: cell(f, 2).trim(), category: cell(f, 8).trim(), categoryLabel: blank(cell(f, 9)),
              aggregateCategory: cell(f, 10).trim(), aggregateLabel: blank(cell(f, 11)), sphCode: cell(f, 14).trim(),
              postalCode: FIVE_DIGITS.test(postalCode) ? postalCode : null, city: blank(cell(f, 6)),
            },
            regionOfPostalCode(postalCode),
            "code postal",
            postalCode,
          );
          if (typeof result === "string") context.reject(line.number, result);
          else writer.add(line.number, result);
        }
        await writer.flushWhenFull();
      }
    });
    if (header) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient que l'en-tête, aucune ligne d'établissement : rien n'a été importé.");
    await writer.finish();
  });
}

/** Number of `;`-separated fields of a `structureet` line: 31 + the empty field after the trailing `;`. */
const STRUCTUREET_WIDTH = 32;
const MANIFEST = /^finess;etalab;[^;]*;[0-9]{4}-[0-9]{2}-[0-9]{2};?$/;

/**
 * The official extract `etalab-cs1100507-stock-*.csv` (or cs1100502): manifest line
 * `finess;etalab;<n>;<date>`, `structureet` lines (31 fields + trailing `;`), then
 * `geolocalisation` lines (skipped, counted in `skipped`). Usually ISO-8859-1.
 * Copies re-saved by Excel (dates `dd/mm/yyyy`, SIRET `2,601E+13`) are refused.
 */
export function importFinessStructureet(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "FINESS_STRUCTUREET", input, meta, async (tx, source, context) => {
    const writer = new EgWriter(tx, context);
    let manifest = true;
    context.add("skipped", 0);
    await writer.reading(async () => {
      for await (const lines of source.lineBatches()) {
        for (const line of lines) {
          if (manifest) {
            manifest = false;
            if (!MANIFEST.test(line.text.trim())) {
              throw new ImportFileError(headerMismatchMessage("un extrait FINESS officiel (première ligne « finess;etalab;<n>;<date> »)", line.text));
            }
            await writer.start();
            continue;
          }
          const parsed = parseCsvLine(line.text);
          if (!parsed.ok) {
            context.counts.read += 1;
            context.reject(line.number, parsed.reason);
            continue;
          }
          const f = parsed.fields;
          if (cell(f, 0) === "geolocalisation") {
            context.add("skipped", 1);
            continue;
          }
          context.counts.read += 1;
          if (cell(f, 0) !== "structureet") {
            context.reject(line.number, `type de ligne inconnu « ${cell(f, 0).slice(0, 30)} » (attendu structureet ou geolocalisation)`);
            continue;
          }
          if (f.length !== STRUCTUREET_WIDTH && !(f.length === STRUCTUREET_WIDTH - 1)) {
            if (line.isLast && f.length < STRUCTUREET_WIDTH - 1) throw new ImportFileError(truncatedMessage(line.number, f.length, STRUCTUREET_WIDTH - 1));
            context.reject(line.number, `${f.length} champs au lieu de 31 (+ « ; » final)`);
            continue;
          }
          if ([28, 29, 30].some((i) => /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/.test(cell(f, i))) || /E\+/i.test(cell(f, 22))) {
            throw new ImportFileError(
              `Ligne ${line.number} : dates au format jj/mm/aaaa ou SIRET en notation scientifique — ce fichier a été réenregistré par un tableur et a perdu des données. Importez l'extrait officiel tel que téléchargé.`,
            );
          }
          const routing = cell(f, 15).trim();
          const postal = /^([0-9]{5})\s*(.*)$/.exec(routing);
          const departement = cell(f, 13).trim();
          const result = validateEg(
            {
              finess: cell(f, 1).trim(), legalEntityFiness: cell(f, 2).trim(), name: cell(f, 3).trim(), category: cell(f, 18).trim(), categoryLabel: blank(cell(f, 19)),
              aggregateCategory: cell(f, 20).trim(), aggregateLabel: blank(cell(f, 21)), sphCode: cell(f, 26).trim(),
              postalCode: postal?.[1] ?? null, city: postal ? blank(postal[2]) : blank(routing),
            },
            regionOfDepartement(departement),
            "département",
            departement,
          );
          if (typeof result === "string") context.reject(line.number, result);
          else writer.add(line.number, result);
        }
        await writer.flushWhenFull();
      }
    });
    if (manifest) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient aucune ligne structureet : rien n'a été importé.");
    await writer.finish();
  });
}
