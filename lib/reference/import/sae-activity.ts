import type { Database } from "@/lib/db/client";
import { combinedActivity, type CombinedActivityInput } from "@/lib/funding/combined-activity";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { LegalStatus, SaeBordereau } from "@/lib/generated/prisma/client";
import { finessPmsiOfSite } from "../combined-activity-of";
import { cell, parseCsvLine } from "./csv";
import { EMPTY_FILE_MESSAGE, headerMismatchMessage } from "./detect";
import { ImportFileError } from "./errors";
import { keepKnownSites } from "./known-sites";
import { BATCH_SIZE, runImport, tallyUpsert, type ImportContext, type ImportMeta, type ImportReport, type Transaction } from "./run";

type Component = keyof CombinedActivityInput;

interface BordereauColumns {
  /** Columns summed into each input of `combinedActivity()` (all required in the header). */
  readonly components: Readonly<Partial<Record<Component, readonly string[]>>>;
  /** Summed when the header has them (absent from some years). */
  readonly optional?: Readonly<Partial<Record<Component, readonly string[]>>>;
  /** Only this line of each FI counts: the file also has detail lines that add up to it. */
  readonly totalLine?: { readonly column: string; readonly value: string };
  /** Not summed: required only so that no other SAE file's header passes for this bordereau. */
  readonly identifiedBy?: readonly string[];
}

/** Keys of every SAE bordereau line (README §2 of the shared data). */
export const SAE_ACTIVITY_KEYS = { bordereau: "BOR", year: "AN", site: "FI", legalEntity: "FI_EJ" } as const;

/**
 * How the DREES SAE activity bordereaux (2022 and 2023 headers) become the inputs of
 * `combinedActivity()` (source 002 annex 2 equivalences: 1 séance MCO, dont dialyse = 0.5 journée
 * MCO; 1 hospitalisation de jour de chirurgie ambulatoire = 1.5; 1 journée SMR, PSY, HAD ou USLD = 0.5;
 * 1 hospitalisation de jour hors chirurgie ambulatoire = 1). Columns are found by NAME.
 *
 * - MCO: mcoDays = JOU_MCO (full-hospitalisation days, = JOU_MED + JOU_CHI + JOU_OBS on every 2022
 *   line); mcoSessions = SEA_MCO; ambulatorySurgeryStays = SEJHP_CHI (partial-hospitalisation stays
 *   in surgery); otherDayHospitalStays = SEJHP_MED + SEJHP_OBS (= SEJHP_MCO − SEJHP_CHI on every
 *   2022 line). SEJ0_* (0-night stays in full hospitalisation) carry no day and are left out.
 *   Dialysis: the DIALYSE bordereau is NOT added. SEA_MCO already holds the in-centre dialysis
 *   séances of an FI that fills MCO (2022: SEA_MCO ≥ the DIALYSE séances for 315 of the 370 FI that
 *   fill both, exactly equal for 37, e.g. 040784860: 14 212 + 3 920 = 18 132); adding DIALYSE would
 *   count them twice. Limit: a dialysis unit that fills only DIALYSE (514 FI in 2022, e.g. the UDM
 *   220020101 of CH Yves Le Foll, 1 041 séances) gets no séances here.
 * - SSR (SMR): smrDays = JOUHC + JOUHP of the SSR_TOT line (full and partial hospitalisation days:
 *   both are "journées SMR" in the PMSI SMR). The SSR_A, SSR_A5x, SSR_E and SSR_E5x lines detail SSR_TOT and are skipped.
 * - PSY: psyDays = full-time days JOU_HTP + JOU_PFT + JOU_AAT + JOU_ACP + JOU_CCU + JOU_HAD (+ JOU_ST,
 *   2022 only) + part-time venues VEN_HDJ + VEN_HDN, of the TOT line (GEN/INF/PEN detail it).
 *   CATTP (VEN_AT) and ambulatory acts are not hospitalisation and are left out.
 *   Limit, for SMR and PSY: their day-hospital days are weighted 0.5 as "journées SMR/PSY"; reading
 *   "hospitalisation de jour hors chirurgie ambulatoire" (1) as covering them too would weigh them 1.
 * - HAD: hadDays = JOU_HAD (JOU_PER, JOU_PAL, JOU_CAN are subsets of it).
 * - USLD: usldDays = JOU.
 * Limits of the whole estimate: the official figure (ANS base) consolidates the PMSI 2022 with the
 * SAE 2022; this one is SAE only (declared, or imputed for the `r` files), so it can differ. An FI
 * is taken as the EG it is in FINESS; its FINESS PMSI then follows `finessPmsi()` without the ATIH
 * declaration exception.
 */
export const SAE_ACTIVITY_COLUMNS: Readonly<Record<SaeBordereau, BordereauColumns>> = {
  MCO: {
    components: { mcoDays: ["JOU_MCO"], mcoSessions: ["SEA_MCO"], ambulatorySurgeryStays: ["SEJHP_CHI"], otherDayHospitalStays: ["SEJHP_MED", "SEJHP_OBS"] },
  },
  SSR: { components: { smrDays: ["JOUHC", "JOUHP"] }, totalLine: { column: "GDE", value: "SSR_TOT" } },
  PSY: {
    components: { psyDays: ["JOU_HTP", "JOU_PFT", "JOU_AAT", "JOU_ACP", "JOU_CCU", "JOU_HAD", "VEN_HDJ", "VEN_HDN"] },
    optional: { psyDays: ["JOU_ST"] },
    totalLine: { column: "DIS", value: "TOT" },
  },
  // JOU_HAD alone would also match PSY (its psychiatric HAD); JOU alone BRULES, CHIRCAR and REA.
  HAD: { components: { hadDays: ["JOU_HAD"] }, identifiedBy: ["PLATOT", "SEJ_HAD"] },
  USLD: { components: { usldDays: ["JOU"] }, identifiedBy: ["LIT", "ENT", "DECES"] },
};

const BORDEREAUX = Object.keys(SAE_ACTIVITY_COLUMNS) as SaeBordereau[];
const COMPONENTS: readonly Component[] = ["mcoDays", "mcoSessions", "ambulatorySurgeryStays", "otherDayHospitalStays", "smrDays", "psyDays", "hadDays", "usldDays"];
/** Columns are PostgreSQL `integer`. */
const MAX_COUNT = 2_147_483_647;

function requiredColumns(mapping: BordereauColumns): string[] {
  return [
    ...Object.values(SAE_ACTIVITY_KEYS),
    ...Object.values(mapping.components).flat(),
    ...(mapping.totalLine ? [mapping.totalLine.column] : []),
    ...(mapping.identifiedBy ?? []),
  ];
}

interface Layout {
  bordereau: SaeBordereau;
  width: number;
  keys: Record<keyof typeof SAE_ACTIVITY_KEYS, number>;
  totalLine?: { index: number; value: string };
  /** Per component, the positions of its columns (required and present optional ones). */
  components: [Component, { name: string; index: number }[]][];
}

function describeBordereaux(): string {
  return BORDEREAUX.map((b) => `${b} : ${requiredColumns(SAE_ACTIVITY_COLUMNS[b]).slice(Object.keys(SAE_ACTIVITY_KEYS).length).join(", ")}`).join(" ; ");
}

/** The bordereau whose required columns the header has — exactly one, else the file is refused. */
function layoutOf(headerText: string): Layout {
  const parsed = parseCsvLine(headerText);
  const names = parsed.ok ? parsed.fields.map((name) => name.trim().toUpperCase()) : [];
  const matches = BORDEREAUX.filter((b) => requiredColumns(SAE_ACTIVITY_COLUMNS[b]).every((column) => names.includes(column)));
  const [bordereau] = matches;
  if (bordereau === undefined || matches.length > 1) {
    const isOtherSae = names.includes("BOR") && names.includes("FI") && names.includes("AN") && !names.includes("EFFSAL_TOT");
    // describeFirstLine() sends any SAE file but SYGEN to the staff import: say what this import needs instead.
    if (isOtherSae) {
      throw new ImportFileError(
        `Ce fichier n'est pas un bordereau SAE d'activité MCO, SSR, PSY, HAD ou USLD : son en-tête (colonnes ${names.slice(0, 6).join(", ")}…) est celui d'un autre bordereau SAE, qui ne porte pas les journées, séances et séjours de l'activité combinée, ou d'un de ces bordereaux auquel il manque des colonnes. Colonnes attendues, en plus de BOR, AN, FI, FI_EJ — ${describeBordereaux()}. Rien n'a été importé.`,
      );
    }
    throw new ImportFileError(headerMismatchMessage("un bordereau SAE d'activité (MCO, SSR, PSY, HAD ou USLD, colonnes BOR, AN, FI, FI_EJ, …)", headerText));
  }
  const mapping = SAE_ACTIVITY_COLUMNS[bordereau];
  const at = (column: string) => names.indexOf(column);
  const components = COMPONENTS.flatMap((component): [Component, { name: string; index: number }[]][] => {
    const columns = [...(mapping.components[component] ?? []), ...(mapping.optional?.[component] ?? []).filter((column) => names.includes(column))];
    return columns.length ? [[component, columns.map((name) => ({ name, index: at(name) }))]] : [];
  });
  return {
    bordereau,
    width: names.length,
    keys: { bordereau: at(SAE_ACTIVITY_KEYS.bordereau), year: at(SAE_ACTIVITY_KEYS.year), site: at(SAE_ACTIVITY_KEYS.site), legalEntity: at(SAE_ACTIVITY_KEYS.legalEntity) },
    totalLine: mapping.totalLine ? { index: at(mapping.totalLine.column), value: mapping.totalLine.value } : undefined,
    components,
  };
}

/** An activity count: empty = 0; an integer, "12.0" accepted (decimal point of the SAE files). */
function count(value: string): number | "invalid" {
  const text = value.trim();
  if (text === "") return 0;
  if (!/^[0-9]+(\.0+)?$/.test(text)) return "invalid";
  return Number.parseInt(text, 10);
}

const emptyInput = (): CombinedActivityInput => ({ mcoDays: 0, mcoSessions: 0, ambulatorySurgeryStays: 0, otherDayHospitalStays: 0, smrDays: 0, psyDays: 0, hadDays: 0, usldDays: 0 });

interface ActivityRow {
  line: number;
  site: string;
  year: number;
  input: CombinedActivityInput;
}

/** The components of one line, or the French reason why it is rejected. */
function lineInput(fields: string[], layout: Layout): CombinedActivityInput | string {
  const input = emptyInput();
  for (const [component, columns] of layout.components) {
    let sum = 0;
    for (const column of columns) {
      const value = count(cell(fields, column.index));
      if (value === "invalid") return `valeur « ${cell(fields, column.index).trim()} » de ${column.name} invalide : un nombre entier positif ou nul est attendu`;
      sum += value;
    }
    if (sum > MAX_COUNT) return `valeur de ${columns.map((c) => c.name).join(" + ")} trop grande (${sum})`;
    input[component] = sum;
  }
  return input;
}

/**
 * One DREES SAE activity bordereau (MCO, SSR, PSY, HAD or USLD — recognised by its header, columns
 * by name): stores each FI's contribution in SaeActivity, then recomputes, in the same transaction,
 * the activité combinée estimate (isEstimate = true) of every FINESS PMSI it touches, summed over all
 * the bordereaux stored for that year. An official figure (isEstimate = false) is never overwritten.
 */
export function importSaeActivity(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "COMBINED_ACTIVITY_SAE_ESTIMATE", input, meta, async (tx, source, context) => {
    let layout: Layout | undefined;
    const seen = new Set<string>();
    const touched: { site: string; year: number }[] = [];
    let batch: ActivityRow[] = [];
    context.add("unknownSites", 0);
    context.add("detailLines", 0);

    const flush = async () => {
      const rows = batch;
      batch = [];
      if (!rows.length || !layout) return;
      const kept = await keepKnownSites(tx, context, rows);
      if (!kept.length) return;
      const column = (component: Component) => kept.map((r) => r.input[component]);
      const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "SaeActivity" ("siteFiness", year, bordereau, "mcoDays", "mcoSessions", "ambulatorySurgeryStays", "otherDayHospitalStays", "smrDays", "psyDays", "hadDays", "usldDays")
        SELECT s, y, ${layout.bordereau}::"SaeBordereau", a, b, c, d, e, f, g, h
        FROM unnest(${kept.map((r) => r.site)}::text[], ${kept.map((r) => r.year)}::int[], ${column("mcoDays")}::int[], ${column("mcoSessions")}::int[],
          ${column("ambulatorySurgeryStays")}::int[], ${column("otherDayHospitalStays")}::int[], ${column("smrDays")}::int[], ${column("psyDays")}::int[],
          ${column("hadDays")}::int[], ${column("usldDays")}::int[]) AS t(s, y, a, b, c, d, e, f, g, h)
        ON CONFLICT ("siteFiness", year, bordereau) DO UPDATE SET "mcoDays" = EXCLUDED."mcoDays", "mcoSessions" = EXCLUDED."mcoSessions",
          "ambulatorySurgeryStays" = EXCLUDED."ambulatorySurgeryStays", "otherDayHospitalStays" = EXCLUDED."otherDayHospitalStays", "smrDays" = EXCLUDED."smrDays",
          "psyDays" = EXCLUDED."psyDays", "hadDays" = EXCLUDED."hadDays", "usldDays" = EXCLUDED."usldDays"
        WHERE ("SaeActivity"."mcoDays", "SaeActivity"."mcoSessions", "SaeActivity"."ambulatorySurgeryStays", "SaeActivity"."otherDayHospitalStays",
               "SaeActivity"."smrDays", "SaeActivity"."psyDays", "SaeActivity"."hadDays", "SaeActivity"."usldDays")
          IS DISTINCT FROM (EXCLUDED."mcoDays", EXCLUDED."mcoSessions", EXCLUDED."ambulatorySurgeryStays", EXCLUDED."otherDayHospitalStays",
               EXCLUDED."smrDays", EXCLUDED."psyDays", EXCLUDED."hadDays", EXCLUDED."usldDays")
        RETURNING (xmax = 0) AS inserted`;
      tallyUpsert(context, kept.length, returned);
      for (const row of kept) touched.push({ site: row.site, year: row.year });
    };

    for await (const line of source.lines()) {
      if (!layout) {
        layout = layoutOf(line.text);
        continue;
      }
      const f = context.dataFields(line, layout.width);
      if (!f) continue;
      const bor = cell(f, layout.keys.bordereau).trim().toUpperCase();
      if (bor !== layout.bordereau) {
        // A header of one bordereau over lines of another is not an SAE file as distributed.
        throw new ImportFileError(`Ligne ${line.number} : bordereau « ${bor} » (colonne BOR) dans un fichier dont l'en-tête est celui du bordereau ${layout.bordereau}. Un fichier ne doit contenir qu'un bordereau : rien n'a été importé.`);
      }
      if (layout.totalLine && cell(f, layout.totalLine.index).trim() !== layout.totalLine.value) {
        context.add("detailLines", 1);
        continue;
      }
      const site = cell(f, layout.keys.site).trim();
      const yearText = cell(f, layout.keys.year).trim();
      if (!FINESS_PATTERN.test(site)) {
        context.reject(line.number, `FINESS (FI) invalide « ${site} »`);
        continue;
      }
      if (!/^20[0-9]{2}$/.test(yearText)) {
        context.reject(line.number, `année (AN) invalide « ${yearText} »`);
        continue;
      }
      const activity = lineInput(f, layout);
      if (typeof activity === "string") {
        context.reject(line.number, activity);
        continue;
      }
      const key = `${site}/${yearText}`;
      if (seen.has(key)) {
        context.reject(line.number, `FINESS ${site} en double pour l'année ${yearText} (seule la première ligne est importée)`);
        continue;
      }
      seen.add(key);
      batch.push({ line: line.number, site, year: Number(yearText), input: activity });
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (!layout) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient que l'en-tête, aucune ligne : rien n'a été importé.");
    await flush();
    await recomputeEstimates(tx, context, touched);
  });
}

interface SiteOfEntity {
  finess: string;
  legalEntityFiness: string;
  legalStatus: LegalStatus;
  isDialysisCentre: boolean;
}

/**
 * Recomputes the estimate of every (FINESS PMSI, year) that the stored lines touch: the sum, over
 * every EG of that FINESS PMSI and every bordereau stored for the year, of the components, through
 * `combinedActivity()`. Counts go to estimatesCreated/Updated/Unchanged and officialKept.
 */
async function recomputeEstimates(tx: Transaction, context: ImportContext, touched: readonly { site: string; year: number }[]): Promise<void> {
  context.add("officialKept", 0);
  tallyUpsert(context, 0, [], "estimates");
  if (!touched.length) return;
  // Every EG of the touched EJ: a public EJ's FINESS PMSI gathers all of them.
  const sites = await tx.$queryRaw<SiteOfEntity[]>`
    SELECT s.finess, s."legalEntityFiness", e."legalStatus"::text AS "legalStatus", e."isDialysisCentre"
    FROM "Site" s JOIN "LegalEntity" e ON e.finess = s."legalEntityFiness"
    WHERE s."legalEntityFiness" IN (SELECT "legalEntityFiness" FROM "Site" WHERE finess = ANY(${[...new Set(touched.map((t) => t.site))]}::text[]))`;
  const pmsiOf = new Map(sites.map((site) => [site.finess, finessPmsiOfSite(site).finess]));
  const targets = new Map<string, { finessPmsi: string; year: number; input: CombinedActivityInput }>();
  for (const { site, year } of touched) {
    const finessPmsi = pmsiOf.get(site);
    if (finessPmsi !== undefined) targets.set(`${finessPmsi}/${year}`, { finessPmsi, year, input: emptyInput() });
  }
  const stored = await tx.$queryRaw<({ siteFiness: string; year: number } & CombinedActivityInput)[]>`
    SELECT "siteFiness", year, "mcoDays", "mcoSessions", "ambulatorySurgeryStays", "otherDayHospitalStays", "smrDays", "psyDays", "hadDays", "usldDays"
    FROM "SaeActivity" WHERE "siteFiness" = ANY(${[...pmsiOf.keys()]}::text[]) AND year = ANY(${[...new Set(touched.map((t) => t.year))]}::int[])`;
  for (const row of stored) {
    const target = targets.get(`${pmsiOf.get(row.siteFiness)}/${row.year}`);
    if (!target) continue;
    for (const component of COMPONENTS) target.input[component] += row[component];
  }
  const keys = [...targets.values()];
  const official = await tx.$queryRaw<{ finessPmsi: string; year: number }[]>`
    SELECT c."finessPmsi", c.year FROM "CombinedActivity" c
    JOIN unnest(${keys.map((k) => k.finessPmsi)}::text[], ${keys.map((k) => k.year)}::int[]) AS t(f, y) ON c."finessPmsi" = t.f AND c.year = t.y
    WHERE NOT c."isEstimate"`;
  for (const row of official) targets.delete(`${row.finessPmsi}/${row.year}`);
  context.add("officialKept", official.length);
  const estimates = [...targets.values()].map((t) => ({ ...t, value: combinedActivity(t.input).toFixed(1) }));
  for (let start = 0; start < estimates.length; start += BATCH_SIZE) {
    const rows = estimates.slice(start, start + BATCH_SIZE);
    // The WHERE also guards against an official figure committed since the select above.
    const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "CombinedActivity" ("finessPmsi", year, value, "isEstimate")
      SELECT f, y, v::numeric(14,1), true FROM unnest(${rows.map((r) => r.finessPmsi)}::text[], ${rows.map((r) => r.year)}::int[], ${rows.map((r) => r.value)}::text[]) AS t(f, y, v)
      ON CONFLICT ("finessPmsi", year) DO UPDATE SET value = EXCLUDED.value
      WHERE "CombinedActivity"."isEstimate" AND "CombinedActivity".value IS DISTINCT FROM EXCLUDED.value
      RETURNING (xmax = 0) AS inserted`;
    tallyUpsert(context, rows.length, returned, "estimates");
  }
}
