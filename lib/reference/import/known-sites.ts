import type { ImportContext, Transaction } from "./run";

/**
 * The SAE rows whose FI is a known EG (Site); each other row is reported as a rejected line
 * (counted in `unknownSites`), never fatal: SAE lists entities FINESS may not have (yet).
 */
export async function keepKnownSites<T extends { line: number; site: string }>(tx: Transaction, context: ImportContext, rows: readonly T[]): Promise<T[]> {
  const known = await tx.$queryRaw<{ finess: string }[]>`SELECT finess FROM "Site" WHERE finess = ANY(${[...new Set(rows.map((r) => r.site))]}::text[])`;
  const knownSet = new Set(known.map((r) => r.finess));
  return rows.filter((row) => {
    if (knownSet.has(row.site)) return true;
    context.add("unknownSites", 1);
    context.reject(row.line, `FINESS ${row.site} (FI) inconnu : aucun établissement géographique de ce numéro n'a été importé depuis FINESS`);
    return false;
  });
}
