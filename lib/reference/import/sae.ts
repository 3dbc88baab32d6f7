import type { Database } from "@/lib/db/client";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import { cell, parseCsvLine } from "./csv";
import { EMPTY_FILE_MESSAGE, headerMismatchMessage } from "./detect";
import { ImportFileError } from "./errors";
import { sortStaffRowsBySite } from "./known-sites";
import { BATCH_SIZE, runImport, tallyUpsert, type ImportMeta, type ImportReport } from "./run";

/**
 * Columns of the DREES SAE `SYGEN_<year>r.csv` (synthesis per surveyed entity) used by the portal.
 * Columns are found by NAME: the 2022 and 2023 headers differ in position (2023 has one more column).
 * Staff rule (arrêté of 27 January 2026, CaRE HospiConnect annex 2, see DESIGN.md):
 *   salaried = EFFSAL_TOT (salaried medical staff) + EFF_TOT_PNM (non-medical staff, all salaried)
 *   liberal  = EFFLIB_TOT (liberal medical staff)
 * An empty cell counts 0; a line with the three cells empty is rejected ("non renseigné") so that the
 * year fall-back of the ceiling rule (2024, else 2023, else 2022) applies to that EG.
 */
export const SYGEN_COLUMNS = {
  /** FINESS of the surveyed entity — normally the EG (Site.finess). */
  site: "FI",
  /** FINESS of its EJ: the EJ of a listed EG comes from FINESS; for an EG FINESS does not list, this one (issue 12 §6). */
  legalEntity: "FI_EJ",
  year: "AN",
  medicalSalaried: "EFFSAL_TOT",
  medicalLiberal: "EFFLIB_TOT",
  nonMedical: "EFF_TOT_PNM",
} as const;

type SygenField = keyof typeof SYGEN_COLUMNS;

interface StaffRow {
  line: number;
  site: string;
  legalEntity: string;
  year: number;
  salaried: number;
  liberal: number;
}

function headcount(value: string): number | null | "invalid" {
  const text = value.trim();
  if (text === "") return null;
  if (!/^[0-9]+(\.0+)?$/.test(text)) return "invalid";
  return Number.parseInt(text, 10);
}

/** `FI;FI_EJ;AN;…;EFFSAL_TOT;…;EFFLIB_TOT;…;EFF_TOT_PNM;…;BOR` — ISO-8859-1 or UTF-8, `;`, header row. */
export function importSaeSygen(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "SAE_SYGEN", input, meta, async (tx, source, context) => {
    let index: Record<SygenField, number> | undefined;
    let width = 0;
    const seen = new Set<string>();
    let batch: StaffRow[] = [];
    context.add("unknownSites", 0);
    context.add("unlistedSites", 0);

    const flush = async () => {
      const rows = batch;
      batch = [];
      if (!rows.length) return;
      const { listed, unlisted } = await sortStaffRowsBySite(tx, context, rows);
      if (listed.length) {
        const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO "SaeStaffCount" ("siteFiness", year, salaried, liberal)
          SELECT * FROM unnest(${listed.map((r) => r.site)}::text[], ${listed.map((r) => r.year)}::int[], ${listed.map((r) => r.salaried)}::int[], ${listed.map((r) => r.liberal)}::int[])
          ON CONFLICT ("siteFiness", year) DO UPDATE SET salaried = EXCLUDED.salaried, liberal = EXCLUDED.liberal
          WHERE ("SaeStaffCount".salaried, "SaeStaffCount".liberal) IS DISTINCT FROM (EXCLUDED.salaried, EXCLUDED.liberal)
          RETURNING (xmax = 0) AS inserted`;
        tallyUpsert(context, listed.length, returned);
        // The register now lists these EG: their SAE-only rows of an earlier import would count twice.
        await tx.$executeRaw`
          DELETE FROM "SaeUnlistedStaffCount" u USING unnest(${listed.map((r) => r.site)}::text[], ${listed.map((r) => r.year)}::int[]) AS l(site, year)
          WHERE u."siteFiness" = l.site AND u.year = l.year`;
      }
      if (unlisted.length) {
        const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO "SaeUnlistedStaffCount" ("siteFiness", "legalEntityFiness", year, salaried, liberal)
          SELECT * FROM unnest(${unlisted.map((r) => r.site)}::text[], ${unlisted.map((r) => r.legalEntity)}::text[], ${unlisted.map((r) => r.year)}::int[], ${unlisted.map((r) => r.salaried)}::int[], ${unlisted.map((r) => r.liberal)}::int[])
          ON CONFLICT ("siteFiness", year) DO UPDATE SET "legalEntityFiness" = EXCLUDED."legalEntityFiness", salaried = EXCLUDED.salaried, liberal = EXCLUDED.liberal
          WHERE ("SaeUnlistedStaffCount"."legalEntityFiness", "SaeUnlistedStaffCount".salaried, "SaeUnlistedStaffCount".liberal)
            IS DISTINCT FROM (EXCLUDED."legalEntityFiness", EXCLUDED.salaried, EXCLUDED.liberal)
          RETURNING (xmax = 0) AS inserted`;
        tallyUpsert(context, unlisted.length, returned);
      }
    };

    for await (const line of source.lines()) {
      if (!index) {
        const parsed = parseCsvLine(line.text);
        const names = parsed.ok ? parsed.fields.map((name) => name.trim().toUpperCase()) : [];
        const found = Object.fromEntries(Object.entries(SYGEN_COLUMNS).map(([key, column]) => [key, names.indexOf(column)])) as Record<SygenField, number>;
        if (Object.values(found).some((position) => position < 0)) {
          throw new ImportFileError(headerMismatchMessage("un bordereau SAE SYGEN (colonnes FI, FI_EJ, AN, EFFSAL_TOT, EFFLIB_TOT, EFF_TOT_PNM)", line.text));
        }
        index = found;
        width = names.length;
        continue;
      }
      const f = context.dataFields(line, width);
      if (!f) continue;
      const site = cell(f, index.site).trim();
      const yearText = cell(f, index.year).trim();
      if (!FINESS_PATTERN.test(site)) {
        context.reject(line.number, `FINESS (FI) invalide « ${site} »`);
        continue;
      }
      if (!/^20[0-9]{2}$/.test(yearText)) {
        context.reject(line.number, `année (AN) invalide « ${yearText} »`);
        continue;
      }
      const salaried = headcount(cell(f, index.medicalSalaried));
      const liberal = headcount(cell(f, index.medicalLiberal));
      const nonMedical = headcount(cell(f, index.nonMedical));
      if (salaried === "invalid" || liberal === "invalid" || nonMedical === "invalid") {
        context.reject(line.number, "effectif non entier dans EFFSAL_TOT, EFFLIB_TOT ou EFF_TOT_PNM");
        continue;
      }
      if (salaried === null && liberal === null && nonMedical === null) {
        context.reject(line.number, `effectifs non renseignés pour ${site} (EFFSAL_TOT, EFFLIB_TOT et EFF_TOT_PNM vides)`);
        continue;
      }
      const key = `${site}/${yearText}`;
      if (seen.has(key)) {
        context.reject(line.number, `FINESS ${site} en double pour l'année ${yearText} (seule la première ligne est importée)`);
        continue;
      }
      seen.add(key);
      batch.push({ line: line.number, site, legalEntity: cell(f, index.legalEntity).trim(), year: Number(yearText), salaried: (salaried ?? 0) + (nonMedical ?? 0), liberal: liberal ?? 0 });
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (!index) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient que l'en-tête, aucune ligne : rien n'a été importé.");
    await flush();
  });
}
