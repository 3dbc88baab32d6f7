/**
 * PURE: the arithmetic and the export rows of the national follow-up. The
 * database part (lib/admin/national-follow-up.ts) loads per-EJ facts in a few
 * grouped queries; here they are summed per region and turned into CSV/XLSX
 * rows, with the conventions of the ARS export (lib/instruction/export-rows.ts).
 */
import { hospiconnectAnnualCeiling, type Cents } from "@/lib/funding";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { CSV_LINE_END, CSV_SEPARATOR, csvEuros, safeText } from "@/lib/instruction/export-rows";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";

export const FOLLOW_UP_STATUSES: readonly DossierStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "REFUSED"];

/** One EJ in a transmitted (not DRAFT) dossier of the selected guichet. */
export interface TransmittedPartFacts {
  finess: string;
  regionCode: string;
  /** SAE headcount (2024 > 2023 > 2022 per EG, summed over the EJ's EG). */
  headcount: number;
  requested: Cents | null;
  /** Ceiling × rate of the year as transmitted (deposits), the eligible expenses declared (CaRE relèves); null elsewhere. */
  eligible: Cents | null;
  decided: Cents | null;
  /** The ceiling when it is not the HospiConnect one of the headcount: a CaRE relève's envelope (0 without one). */
  ceiling?: Cents;
}

export interface RegionCounts {
  legalEntities: number;
  eligibleLegalEntities: number;
  candidatures: number;
  byStatus: Record<DossierStatus, number>;
}

export interface RegionSums {
  legalEntitiesInDossiers: number;
  ceilings: Cents;
  requested: Cents;
  eligible: Cents;
  decided: Cents;
}

export type RegionFollowUp = { code: string; name: string } & RegionCounts & RegionSums;

export function emptyStatusCounts(): Record<DossierStatus, number> {
  return { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, ACCEPTED: 0, REFUSED: 0, PROOF_SUBMITTED: 0, PROOF_CHANGES_REQUESTED: 0, OBJECTIVES_VALIDATED: 0, OBJECTIVES_NOT_MET: 0 };
}

export function emptySums(): RegionSums {
  return { legalEntitiesInDossiers: 0, ceilings: 0, requested: 0, eligible: 0, decided: 0 };
}

/** Sums per region: the ceiling of each EJ from its headcount (source 000), then the amounts. */
export function sumPartsByRegion(parts: readonly TransmittedPartFacts[]): Map<string, RegionSums> {
  const sums = new Map<string, RegionSums>();
  for (const part of parts) {
    const sum = sums.get(part.regionCode) ?? emptySums();
    sum.legalEntitiesInDossiers += 1;
    sum.ceilings += part.ceiling ?? hospiconnectAnnualCeiling(part.headcount);
    sum.requested += part.requested ?? 0;
    sum.eligible += part.eligible ?? 0;
    sum.decided += part.decided ?? 0;
    sums.set(part.regionCode, sum);
  }
  for (const sum of sums.values()) {
    for (const key of ["ceilings", "requested", "eligible", "decided"] as const) {
      if (!Number.isSafeInteger(sum[key])) throw new RangeError(`sum of ${key} is not a safe integer`);
    }
  }
  return sums;
}

export function totalOf(regions: readonly RegionFollowUp[]): RegionCounts & RegionSums {
  const total = { legalEntities: 0, eligibleLegalEntities: 0, candidatures: 0, byStatus: emptyStatusCounts(), ...emptySums() };
  for (const region of regions) {
    for (const key of ["legalEntities", "eligibleLegalEntities", "candidatures", "legalEntitiesInDossiers", "ceilings", "requested", "eligible", "decided"] as const) total[key] += region[key];
    for (const status of FOLLOW_UP_STATUSES) total.byStatus[status] += region.byStatus[status];
  }
  return total;
}

// ---------------------------------------------------------------- export

export const DECIDED_YEARS = [2026, 2027, 2028] as const;

export interface FollowUpExportRecord {
  finess: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** Status of the EJ's dossier in the selected guichet; null = no dossier. */
  status: DossierStatus | null;
  /** Decided amount per milestone year (accepted deposits of the programme). */
  decidedByYear: Record<(typeof DECIDED_YEARS)[number], Cents | null>;
}

export const FOLLOW_UP_EXPORT_HEADERS: readonly string[] = [
  "FINESS EJ",
  "Raison sociale EJ",
  "Code région",
  "Région",
  "Statut du dossier",
  ...DECIDED_YEARS.map((year) => `Montant décidé ${year} (€)`),
];

export const FOLLOW_UP_EXPORT_WIDTHS: readonly number[] = [12, 40, 8, 28, 22, 18, 18, 18];

export function statusLabel(status: DossierStatus | null): string {
  return status ? DOSSIER_STATUS_LABELS[status] : "Pas de dossier";
}

function csvQuote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function followUpCsvHeader(): string {
  return FOLLOW_UP_EXPORT_HEADERS.map(csvQuote).join(CSV_SEPARATOR) + CSV_LINE_END;
}

export function followUpCsvLine(record: FollowUpExportRecord): string {
  const texts = [record.finess, record.name, record.regionCode, record.regionName, statusLabel(record.status)].map((text) => csvQuote(safeText(text)));
  const amounts = DECIDED_YEARS.map((year) => {
    const value = record.decidedByYear[year];
    return value === null ? "" : csvEuros(value);
  });
  return [...texts, ...amounts].join(CSV_SEPARATOR) + CSV_LINE_END;
}

/** XLSX values: euros as numbers (cents / 100). */
export function followUpXlsxValues(record: FollowUpExportRecord): (string | number | null)[] {
  return [
    safeText(record.finess),
    safeText(record.name),
    record.regionCode,
    safeText(record.regionName),
    statusLabel(record.status),
    ...DECIDED_YEARS.map((year) => {
      const value = record.decidedByYear[year];
      return value === null ? null : value / 100;
    }),
  ];
}
