import { hospiconnectAnnualCeiling, legalEntityHeadcount, siteHeadcount, type Cents } from "@/lib/funding";
import type { LegalStatus } from "@/lib/generated/prisma/enums";

/** SAE years that count for the ceiling, most recent first (source 000). */
export const SAE_YEARS_FOR_CEILING = [2024, 2023, 2022] as const;

export interface SiteStaff {
  finess: string;
  name: string;
  category: string;
  categoryLabel: string | null;
  city: string | null;
  staffCounts: { year: number; salaried: number; liberal: number }[];
  /** False for an EG the FINESS register in use does not list, whose SAE line names this EJ (FI_EJ). */
  listedInFiness: boolean;
}

export interface SiteSummary extends Omit<SiteStaff, "staffCounts"> {
  headcount: number;
  /** The SAE year retained for this EG, or null when none of 2024/2023/2022 is declared. */
  saeYear: number | null;
  staffCounts: { year: number; salaried: number; liberal: number }[];
}

export interface LegalEntitySummary {
  finess: string;
  name: string;
  legalStatus: LegalStatus;
  category: string;
  categoryLabel: string | null;
  regionCode: string;
  regionName: string;
  ght: { code: string; name: string; supportFiness: string; isSupport: boolean } | null;
  sites: SiteSummary[];
  headcount: number;
  annualCeiling: Cents;
}

export function retainedSaeYear(staffCounts: { year: number }[]): number | null {
  return SAE_YEARS_FOR_CEILING.find((year) => staffCounts.some((count) => count.year === year)) ?? null;
}

export function summarizeSite(site: SiteStaff): SiteSummary {
  const staffCounts = [...site.staffCounts].sort((a, b) => b.year - a.year);
  return {
    ...site,
    staffCounts,
    headcount: siteHeadcount(site.staffCounts),
    saeYear: retainedSaeYear(site.staffCounts),
  };
}

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  PUBLIC: "Public",
  PRIVATE_NON_PROFIT: "Privé non lucratif",
  PRIVATE_FOR_PROFIT: "Privé lucratif",
};

export function headcountAndCeiling(sites: SiteSummary[]): { headcount: number; annualCeiling: Cents } {
  const headcount = legalEntityHeadcount(sites.map((site) => site.headcount));
  return { headcount, annualCeiling: hospiconnectAnnualCeiling(headcount) };
}
