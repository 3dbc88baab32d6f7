import type { Database } from "@/lib/db/client";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import { cell, parseCsvLine } from "./csv";
import { COMBINED_ACTIVITY_COLUMNS, EMPTY_FILE_MESSAGE, headerMismatchMessage } from "./detect";
import { ImportFileError } from "./errors";
import { BATCH_SIZE, runImport, tallyUpsert, type ImportMeta, type ImportReport } from "./run";

const normaliseHeader = (name: string) => name.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/**
 * "12 345,5" / "12345.5" → "12345.5"; undefined when invalid. A multiple of 0.5 only: the
 * equivalences of source 002 weigh whole days, séances and stays by 0.5, 1 or 1.5.
 */
export function parseActivityValue(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[0-9]{1,13}(\.[05])?$/.test(compact)) return undefined;
  return compact;
}

/**
 * `FINESS PMSI;année;valeur` — the official activité combinée (ANS base), one line per FINESS PMSI
 * and year, decimal comma or point, at most one decimal. Stored with isEstimate = false (an official
 * figure replaces an SAE estimate of the same FINESS and year).
 */
export function importCombinedActivityCsv(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "COMBINED_ACTIVITY_CSV", input, meta, async (tx, source, context) => {
    let header = true;
    const seen = new Set<string>();
    let batch: { finess: string; year: number; value: string }[] = [];
    const flush = async () => {
      const rows = batch;
      batch = [];
      if (!rows.length) return;
      const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "CombinedActivity" ("finessPmsi", year, value, "isEstimate")
        SELECT f, y, v::numeric(14,1), false FROM unnest(${rows.map((r) => r.finess)}::text[], ${rows.map((r) => r.year)}::int[], ${rows.map((r) => r.value)}::text[]) AS t(f, y, v)
        ON CONFLICT ("finessPmsi", year) DO UPDATE SET value = EXCLUDED.value, "isEstimate" = false
        WHERE ("CombinedActivity".value, "CombinedActivity"."isEstimate") IS DISTINCT FROM (EXCLUDED.value, false)
        RETURNING (xmax = 0) AS inserted`;
      tallyUpsert(context, rows.length, returned);
    };
    for await (const line of source.lines()) {
      if (header) {
        header = false;
        const parsed = parseCsvLine(line.text);
        const names = parsed.ok ? parsed.fields.map(normaliseHeader) : [];
        if (names.join(";") !== COMBINED_ACTIVITY_COLUMNS.map(normaliseHeader).join(";")) {
          throw new ImportFileError(headerMismatchMessage("un fichier d'activité combinée (en-tête « FINESS PMSI;année;valeur »)", line.text));
        }
        continue;
      }
      const f = context.dataFields(line, 3);
      if (!f) continue;
      const finess = cell(f, 0).trim();
      const yearText = cell(f, 1).trim();
      const value = parseActivityValue(cell(f, 2));
      if (!FINESS_PATTERN.test(finess)) context.reject(line.number, `FINESS PMSI invalide « ${finess} »`);
      else if (!/^20[0-9]{2}$/.test(yearText)) context.reject(line.number, `année invalide « ${yearText} »`);
      else if (value === undefined) context.reject(line.number, `valeur invalide « ${cell(f, 2)} » (nombre positif, multiple de 0,5 : 12345 ou 12345,5)`);
      else if (seen.has(`${finess}/${yearText}`)) context.reject(line.number, `FINESS PMSI ${finess} en double pour l'année ${yearText}`);
      else {
        seen.add(`${finess}/${yearText}`);
        batch.push({ finess, year: Number(yearText), value });
        if (batch.length >= BATCH_SIZE) await flush();
      }
    }
    if (header) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient que l'en-tête, aucune ligne : rien n'a été importé.");
    await flush();
  });
}
