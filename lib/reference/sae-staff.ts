import { legalEntityHeadcount, siteHeadcount, type SaeDeclaration } from "@/lib/funding";

/** An SAE staff row of an EG the FINESS register in use does not list, kept for its FI_EJ. */
export interface UnlistedStaffRow extends SaeDeclaration {
  siteFiness: string;
}

/** The SAE staff of one EG of an EJ, whether the FINESS register lists it or not. */
export interface SiteStaffCounts<Site> {
  /** The listed EG (Site row), or null for an EG known only from the SAE's FI_EJ. */
  site: Site | null;
  finess: string;
  staffCounts: SaeDeclaration[];
}

/**
 * The EG of an EJ with their SAE staff (issue 12 §6): the listed EG, then those the SAE attaches
 * to the EJ by FI_EJ although the register does not list them (the register can be older than
 * the SAE). Should the register list such an EG later, its rows join that EG's — a year the
 * listed EG declares itself wins, so that no year counts twice.
 */
export function withUnlistedSites<Site extends { finess: string; staffCounts: SaeDeclaration[] }>(
  sites: readonly Site[],
  unlisted: readonly UnlistedStaffRow[],
): SiteStaffCounts<Site>[] {
  const result: SiteStaffCounts<Site>[] = sites.map((site) => ({ site, finess: site.finess, staffCounts: site.staffCounts.map(declaration) }));
  const byFiness = new Map(result.map((entry) => [entry.finess, entry]));
  for (const row of [...unlisted].sort((a, b) => a.siteFiness.localeCompare(b.siteFiness) || a.year - b.year)) {
    let entry = byFiness.get(row.siteFiness);
    if (!entry) {
      entry = { site: null, finess: row.siteFiness, staffCounts: [] };
      byFiness.set(row.siteFiness, entry);
      result.push(entry);
    }
    if (!entry.staffCounts.some((count) => count.year === row.year)) entry.staffCounts.push(declaration(row));
  }
  return result;
}

/** Source 000's headcount of an EJ: every EG's staff, listed or known from the SAE only. */
export function headcountWithUnlisted(sites: readonly { finess: string; staffCounts: SaeDeclaration[] }[], unlisted: readonly UnlistedStaffRow[]): number {
  return legalEntityHeadcount(withUnlistedSites(sites, unlisted).map((entry) => siteHeadcount(entry.staffCounts)));
}

function declaration({ year, salaried, liberal }: SaeDeclaration): SaeDeclaration {
  return { year, salaried, liberal };
}
