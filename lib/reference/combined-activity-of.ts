import type { Database } from "@/lib/db/client";
import { aapCategory, type AapCategory } from "@/lib/funding/aap";
import { finessPmsi, type FinessPmsiResult, type LegalStatus } from "@/lib/funding/finess-rules";
import type { LegalStatus as DbLegalStatus } from "@/lib/generated/prisma/client";

const FUNDING_LEGAL_STATUS: Readonly<Record<DbLegalStatus, LegalStatus>> = {
  PUBLIC: "public",
  PRIVATE_NON_PROFIT: "private_non_profit",
  PRIVATE_FOR_PROFIT: "private_for_profit",
};

/**
 * FINESS PMSI of an EG (source 002 annex 2, `finessPmsi()`): its EJ for a public establishment or a
 * dialysis centre, the EG itself for a private one. The ATIH declaration exception is not known here.
 */
export function finessPmsiOfSite(site: { finess: string; legalEntityFiness: string; legalStatus: DbLegalStatus; isDialysisCentre: boolean }): FinessPmsiResult {
  return finessPmsi({
    legalStatus: FUNDING_LEGAL_STATUS[site.legalStatus],
    isDialysisCentre: site.isDialysisCentre,
    finessEj: site.legalEntityFiness,
    finessEg: site.finess,
  });
}

export interface LegalEntityCombinedActivity {
  finessPmsi: string;
  /** "EJ" when the FINESS PMSI is the EJ itself, else "EG" (with the EG's name). */
  level: "EJ" | "EG";
  siteName: string | null;
  year: number;
  /** Activité combinée in MCO-day equivalents. */
  value: number;
  /** True when estimated from the SAE bordereaux, false for the official figure. */
  isEstimate: boolean;
  /**
   * AAP category (source 001) of this value; null when the value is not a multiple of 0.5, which
   * the source 002 equivalences cannot produce (a mistyped official figure): no category is guessed.
   */
  aapCategory: AapCategory | null;
}

/**
 * The activité combinée rows (official or estimated, every year) that belong to an EJ: those of its
 * FINESS PMSI — the EJ itself for a public establishment or a dialysis centre, each of its EG for a
 * private one. Newest year first, then by FINESS PMSI. An unknown EJ has none.
 */
export async function combinedActivityOfLegalEntity(db: Database, ejFiness: string): Promise<LegalEntityCombinedActivity[]> {
  const ej = await db.legalEntity.findUnique({
    where: { finess: ejFiness },
    select: { finess: true, legalStatus: true, isDialysisCentre: true, sites: { select: { finess: true, name: true } } },
  });
  if (!ej) return [];
  const siteNames = new Map(ej.sites.map((site) => [site.finess, site.name]));
  const ofSite = (finess: string) => finessPmsiOfSite({ finess, legalEntityFiness: ej.finess, legalStatus: ej.legalStatus, isDialysisCentre: ej.isDialysisCentre });
  const pmsi = new Set(ej.sites.map((site) => ofSite(site.finess).finess));
  // A public EJ or a dialysis centre is its own FINESS PMSI even when none of its EG is imported
  // (the EJ number is passed as the EG only to read the level of the rule).
  if (ofSite(ej.finess).level === "EJ") pmsi.add(ej.finess);
  if (!pmsi.size) return [];
  const rows = await db.combinedActivity.findMany({
    where: { finessPmsi: { in: [...pmsi] } },
    orderBy: [{ year: "desc" }, { finessPmsi: "asc" }],
  });
  return rows.map((row) => {
    const value = Number(row.value.toString());
    const isHalfDay = value >= 0 && Number.isInteger(value * 2);
    const level = row.finessPmsi === ej.finess ? "EJ" : "EG";
    return {
      finessPmsi: row.finessPmsi,
      level,
      siteName: level === "EG" ? (siteNames.get(row.finessPmsi) ?? null) : null,
      year: row.year,
      value,
      isEstimate: row.isEstimate,
      aapCategory: isHalfDay ? aapCategory(value).category : null,
    };
  });
}
