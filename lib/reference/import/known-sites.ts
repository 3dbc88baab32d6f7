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

/**
 * Issue 12 §6: the SAE staff rows split by what the FINESS register knows. `listed`: FI is a
 * known EG. `unlisted`: FI is unknown but FI_EJ a known EJ — the register can be older than the
 * SAE, so the line still counts for that EJ and the report lists it as such (`unlistedSites`).
 * Every other row is rejected as {@link keepKnownSites} does.
 */
export async function sortStaffRowsBySite<T extends { line: number; site: string; legalEntity: string }>(
  tx: Transaction,
  context: ImportContext,
  rows: readonly T[],
): Promise<{ listed: T[]; unlisted: T[] }> {
  const sites = await tx.$queryRaw<{ finess: string }[]>`SELECT finess FROM "Site" WHERE finess = ANY(${[...new Set(rows.map((r) => r.site))]}::text[])`;
  const listedSet = new Set(sites.map((r) => r.finess));
  const orphans = rows.filter((row) => !listedSet.has(row.site));
  const entities = orphans.length
    ? await tx.$queryRaw<{ finess: string }[]>`SELECT finess FROM "LegalEntity" WHERE finess = ANY(${[...new Set(orphans.map((r) => r.legalEntity))]}::text[])`
    : [];
  const entitySet = new Set(entities.map((r) => r.finess));
  const unlisted: T[] = [];
  for (const row of orphans) {
    if (entitySet.has(row.legalEntity)) {
      unlisted.push(row);
      context.notice("unlistedSites", row.line, `EG ${row.site} (FI) absent du répertoire FINESS importé : effectifs comptés pour l'EJ ${row.legalEntity} (FI_EJ)`);
    } else {
      context.add("unknownSites", 1);
      context.reject(row.line, `FINESS ${row.site} (FI) inconnu et EJ ${row.legalEntity || "non renseignée"} (FI_EJ) inconnue : ni l'EG ni son EJ n'ont été importés depuis FINESS`);
    }
  }
  return { listed: rows.filter((row) => listedSet.has(row.site)), unlisted };
}
