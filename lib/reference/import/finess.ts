import type { Database } from "@/lib/db/client";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { LegalStatus } from "@/lib/generated/prisma/client";
import { REGIONS } from "@/prisma/seed-data/regions";
import { cell, parseCsvLine } from "./csv";
import { EMPTY_FILE_MESSAGE, FINESS_FLAT_COLUMNS, headerMismatchMessage, truncatedMessage } from "./detect";
import { ImportFileError } from "./errors";
import { regionOfDepartement, regionOfPostalCode } from "./regions";
import { ImportContext, runImport, tallyUpsert, type ImportMeta, type ImportReport, type Transaction } from "./run";

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
export function legalStatusSignal(sphCode: string, aggregateCategory: string): { status: LegalStatus; strength: number } {
  if (sphCode === "1") return { status: "PUBLIC", strength: 2 };
  if (["2", "3", "6", "7"].includes(sphCode)) return { status: "PRIVATE_NON_PROFIT", strength: 2 };
  if (["1101", "1102", "1106"].includes(aggregateCategory)) return { status: "PUBLIC", strength: 1 };
  if (aggregateCategory === "1104") return { status: "PRIVATE_NON_PROFIT", strength: 1 };
  return { status: "PRIVATE_FOR_PROFIT", strength: 0 };
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
}

/** Rows per staging insert (one JSON parameter each). */
const STAGING_BATCH_SIZE = 5_000;

const isHealthAggregate = (code: string) => code.startsWith("1");

/**
 * Staging writer shared by both FINESS formats: EG rows go to a temporary table (ON COMMIT DROP)
 * in batches; the EJ are kept as one small draft per EJ in memory (≈ 47,000), then EJ and Site are
 * upserted at the end, counting created / updated / unchanged with `IS DISTINCT FROM`.
 * Sites absent from the file are left untouched (an extract may cover part of France).
 */
class EgWriter {
  private readonly seen = new Set<string>();
  private readonly ejs = new Map<string, EjDraft>();
  private batch: EgRecord[] = [];

  constructor(private readonly tx: Transaction, private readonly context: ImportContext) {}

  async start(): Promise<void> {
    await this.tx.$executeRawUnsafe(
      `CREATE TEMP TABLE import_site (finess varchar(9) PRIMARY KEY, name text NOT NULL, category varchar(3) NOT NULL, category_label text,
        legal_entity_finess varchar(9) NOT NULL, postal_code varchar(5), city text) ON COMMIT DROP`,
    );
    await this.tx.$executeRaw`INSERT INTO "Region" (code, name) SELECT * FROM unnest(${REGIONS.map((r) => r.code)}::text[], ${REGIONS.map((r) => r.name)}::text[]) ON CONFLICT (code) DO NOTHING`;
  }

  async add(line: number, record: EgRecord): Promise<void> {
    if (this.seen.has(record.finess)) {
      this.context.reject(line, `FINESS EG ${record.finess} en double dans le fichier (seule la première ligne est importée)`);
      return;
    }
    this.seen.add(record.finess);
    const signal = legalStatusSignal(record.sphCode, record.aggregateCategory);
    const health = isHealthAggregate(record.aggregateCategory);
    const draft = this.ejs.get(record.legalEntityFiness);
    if (!draft) {
      this.ejs.set(record.legalEntityFiness, {
        name: record.name, representativeIsHealth: health, status: signal.status, strength: signal.strength,
        category: record.aggregateCategory, categoryLabel: record.aggregateLabel, regionCode: record.regionCode,
      });
    } else {
      if (health && !draft.representativeIsHealth) {
        Object.assign(draft, { name: record.name, representativeIsHealth: true, category: record.aggregateCategory, categoryLabel: record.aggregateLabel, regionCode: record.regionCode });
      }
      if (signal.strength > draft.strength) Object.assign(draft, { status: signal.status, strength: signal.strength });
    }
    this.batch.push(record);
    if (this.batch.length >= STAGING_BATCH_SIZE) await this.flush();
  }

  private async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (!rows.length) return;
    // One JSON parameter per batch: far cheaper to bind than seven text[] parameters.
    const payload = JSON.stringify(rows.map((r) => [r.finess, r.name, r.category, r.categoryLabel, r.legalEntityFiness, r.postalCode, r.city]));
    await this.tx.$executeRaw`INSERT INTO import_site
      SELECT e->>0, e->>1, e->>2, e->>3, e->>4, e->>5, e->>6 FROM json_array_elements(${payload}::json) AS e`;
  }

  async finish(): Promise<void> {
    await this.flush();
    const entries = [...this.ejs.entries()];
    for (let start = 0; start < entries.length; start += STAGING_BATCH_SIZE) {
      const slice = entries.slice(start, start + STAGING_BATCH_SIZE);
      const payload = JSON.stringify(slice.map(([finess, d]) => [finess, d.name, d.status, d.category, d.categoryLabel, d.regionCode]));
      const returned = await this.tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "LegalEntity" (finess, name, "legalStatus", category, "categoryLabel", "regionCode", "updatedAt")
        SELECT e->>0, e->>1, (e->>2)::"LegalStatus", e->>3, e->>4, e->>5, now() FROM json_array_elements(${payload}::json) AS e
        ON CONFLICT (finess) DO UPDATE SET "legalStatus" = EXCLUDED."legalStatus", category = EXCLUDED.category,
          "categoryLabel" = EXCLUDED."categoryLabel", "regionCode" = EXCLUDED."regionCode", "updatedAt" = now()
        WHERE ("LegalEntity"."legalStatus", "LegalEntity".category, "LegalEntity"."categoryLabel", "LegalEntity"."regionCode")
          IS DISTINCT FROM (EXCLUDED."legalStatus", EXCLUDED.category, EXCLUDED."categoryLabel", EXCLUDED."regionCode")
        RETURNING (xmax = 0) AS inserted`;
      tallyUpsert(this.context, slice.length, returned, "legalEntities");
    }
    const [summary] = await this.tx.$queryRaw<{ created: bigint; updated: bigint; total: bigint }[]>`
      WITH up AS (
        INSERT INTO "Site" (finess, name, category, "categoryLabel", "legalEntityFiness", "postalCode", city, "updatedAt")
        SELECT finess, name, category, category_label, legal_entity_finess, postal_code, city, now() FROM import_site
        ON CONFLICT (finess) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, "categoryLabel" = EXCLUDED."categoryLabel",
          "legalEntityFiness" = EXCLUDED."legalEntityFiness", "postalCode" = EXCLUDED."postalCode", city = EXCLUDED.city, "updatedAt" = now()
        WHERE ("Site".name, "Site".category, "Site"."categoryLabel", "Site"."legalEntityFiness", "Site"."postalCode", "Site".city)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category, EXCLUDED."categoryLabel", EXCLUDED."legalEntityFiness", EXCLUDED."postalCode", EXCLUDED.city)
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated, (SELECT count(*) FROM import_site) AS total FROM up`;
    if (!summary) return;
    const created = Number(summary.created);
    const updated = Number(summary.updated);
    this.context.add("created", created);
    this.context.add("updated", updated);
    this.context.add("unchanged", Number(summary.total) - created - updated);
  }
}

const blank = (value: string | undefined): string | null => (value === undefined || value.trim() === "" ? null : value.trim());

/** Validates the common fields; returns a French reason when the line must be rejected. */
function validateEg(record: Omit<EgRecord, "regionCode">, regionCode: string | undefined, where: string): string | EgRecord {
  if (!FINESS_PATTERN.test(record.finess)) return `FINESS EG invalide « ${record.finess} »`;
  if (!FINESS_PATTERN.test(record.legalEntityFiness)) return `FINESS EJ invalide « ${record.legalEntityFiness} »`;
  if (!record.name) return "raison sociale vide";
  if (!/^[0-9]{3}$/.test(record.category)) return `catégorie d'établissement invalide « ${record.category} »`;
  if (!/^[0-9]{4}$/.test(record.aggregateCategory)) return `catégorie d'agrégat invalide « ${record.aggregateCategory} »`;
  if (!regionCode) return `${where} hors des 18 régions ARS (ou invalide) : région introuvable`;
  return { ...record, regionCode };
}

/** `nofinesset;nofinessej;rs;…` — the flat CSV derived from the FHIR extract (README §1.2). UTF-8 or Latin-1. */
export function importFinessFlatCsv(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "FINESS_FLAT_CSV", input, meta, async (tx, source, context) => {
    const writer = new EgWriter(tx, context);
    let header = true;
    const width = FINESS_FLAT_COLUMNS.length;
    for await (const line of source.lines()) {
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
          postalCode: /^[0-9]{5}$/.test(postalCode) ? postalCode : null, city: blank(cell(f, 6)),
        },
        regionOfPostalCode(postalCode),
        `code postal « ${postalCode} »`,
      );
      if (typeof result === "string") context.reject(line.number, result);
      else await writer.add(line.number, result);
    }
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
    for await (const line of source.lines()) {
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
        `département « ${departement} »`,
      );
      if (typeof result === "string") context.reject(line.number, result);
      else await writer.add(line.number, result);
    }
    if (manifest) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient aucune ligne structureet : rien n'a été importé.");
    await writer.finish();
  });
}
