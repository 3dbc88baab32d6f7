import { now } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { EURO_MESSAGES, parseEuroAmount, parseFiness } from "@/lib/funding/text-input";
import { cell, parseCsvLine } from "./csv";
import { EMPTY_FILE_MESSAGE, headerMismatchMessage } from "./detect";
import { ImportFileError } from "./errors";
import { BATCH_SIZE, runImport, tallyUpsert, type ImportMeta, type ImportReport } from "./run";

/** The columns of the published envelopes (source 003: « Montant plafond au titre du domaine HospiConnect CaRE »). */
export const CARE_ENVELOPE_COLUMNS = ["FINESS EJ", "montant"] as const;

const normaliseHeader = (name: string) => name.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/**
 * `FINESS EJ;montant` — the HospiConnect/CaRE envelope of each EJ, in euros (« 39 380,00 »,
 * « 39380.00 »). Money, so all or nothing: an unknown FINESS, a negative or unreadable amount or a
 * duplicate line fails the whole import — every such line reported, nothing written. A second run of
 * the same file changes nothing (upsert on the EJ); an envelope set by hand is replaced by the
 * published one and its reason cleared.
 */
export function importCareEnvelopesCsv(db: Database, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta): Promise<ImportReport> {
  return runImport(db, "CARE_ENVELOPE_CSV", input, meta, async (tx, source, context) => {
    let header = true;
    const seen = new Map<string, number>();
    let batch: { finess: string; line: number; cents: number }[] = [];
    const known = new Set<string>();
    const flush = async () => {
      const rows = batch;
      batch = [];
      if (!rows.length) return;
      // The EJ must exist in the portal's FINESS reference: unknown ones are reported, not created.
      const found = await tx.legalEntity.findMany({ where: { finess: { in: rows.map((row) => row.finess) } }, select: { finess: true } });
      for (const entity of found) known.add(entity.finess);
      const valid = rows.filter((row) => {
        if (known.has(row.finess)) return true;
        context.reject(row.line, `FINESS EJ ${row.finess} inconnu du référentiel FINESS du portail`);
        return false;
      });
      if (!valid.length || context.counts.rejected > 0) return;
      const returned = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO "CareEnvelope" ("legalEntityFiness", "amountCents", "importRunId", reason, "setById", "setAt")
        SELECT f, c, ${context.runId}, NULL, ${context.startedById}, ${now()}::timestamp
        FROM unnest(${valid.map((row) => row.finess)}::text[], ${valid.map((row) => BigInt(row.cents))}::bigint[]) AS t(f, c)
        ON CONFLICT ("legalEntityFiness") DO UPDATE SET "amountCents" = EXCLUDED."amountCents", "importRunId" = EXCLUDED."importRunId", reason = NULL, "setById" = EXCLUDED."setById", "setAt" = EXCLUDED."setAt"
        WHERE ("CareEnvelope"."amountCents", "CareEnvelope".reason) IS DISTINCT FROM (EXCLUDED."amountCents", NULL)
        RETURNING (xmax = 0) AS inserted`;
      tallyUpsert(context, valid.length, returned);
    };
    for await (const line of source.lines()) {
      if (header) {
        header = false;
        const parsed = parseCsvLine(line.text);
        const names = parsed.ok ? parsed.fields.map(normaliseHeader) : [];
        if (names.length !== 2 || !names[0]?.includes("finess") || !names[1]?.includes("montant")) {
          throw new ImportFileError(headerMismatchMessage("un fichier d'enveloppes HospiConnect/CaRE (en-tête « FINESS EJ;montant »)", line.text));
        }
        continue;
      }
      const fields = context.dataFields(line, 2);
      if (!fields) continue;
      const finess = parseFiness(cell(fields, 0));
      const amount = parseEuroAmount(cell(fields, 1));
      if (!finess.ok) context.reject(line.number, `FINESS EJ invalide « ${cell(fields, 0).trim()} »`);
      else if (!amount.ok) context.reject(line.number, `montant « ${cell(fields, 1).trim()} » refusé : ${EURO_MESSAGES[amount.error]}`);
      else if (seen.has(finess.value)) context.reject(line.number, `FINESS EJ ${finess.value} déjà présent ligne ${seen.get(finess.value)} : une seule enveloppe par EJ`);
      else {
        seen.set(finess.value, line.number);
        batch.push({ finess: finess.value, line: line.number, cents: amount.value });
        if (batch.length >= BATCH_SIZE) await flush();
      }
    }
    if (header) throw new ImportFileError(EMPTY_FILE_MESSAGE);
    if (context.counts.read === 0) throw new ImportFileError("Le fichier ne contient que l'en-tête, aucune ligne : rien n'a été importé.");
    await flush();
    if (context.counts.rejected > 0) {
      throw new ImportFileError(`${context.counts.rejected} ligne(s) refusée(s) (détail ci-dessous) : les enveloppes sont des montants, aucune n'a été importée. Corrigez le fichier puis importez-le à nouveau.`);
    }
  });
}
