import { EXPENSE_CATEGORIES, type Cents } from "@/lib/funding";
import { EXPENSE_COLUMNS } from "./expense-columns";
import type { DossierRow } from "./dossier-view";
import { partHeadcount } from "./dossier-view";

/**
 * The immutable record of one submission: what was transmitted to the ARS,
 * with each document's SHA-256. Plain JSON (amounts in cents as numbers).
 */
export interface DossierSnapshot {
  dossierNumber: string;
  guichet: { code: string; label: string; year: number; kind: string };
  carrier: { finess: string; name: string; regionCode: string; regionName: string };
  sequence: number;
  submittedAt: string;
  submittedBy: { id: string; name: string; email: string };
  /** The version the submitter saw: a repeated click with the same version is the same submission. */
  fromVersion: number;
  /** What was transmitted: the dossier (absent in older snapshots), or an AAP project's June-2027 proofs. */
  step?: "dossier" | "proof";
  data: unknown;
  parts: {
    legalEntityFiness: string;
    name: string;
    headcount: number;
    nru: string | null;
    expenses: Record<string, Cents | null>;
    mandatoryObjectiveMet: boolean | null;
    objectivesReached: string[];
    requested: Cents | null;
  }[];
  documents: {
    id: string;
    fileId: string;
    kind: string;
    objectiveCode: string | null;
    name: string;
    sizeBytes: number;
    sha256: string;
    mediaType: string;
    legalEntities: string[];
    /** ClamAV's verdict when transmitted (CLEAN, or NOT_SCANNED without an antivirus); absent before issue 14. */
    scanStatus?: "CLEAN" | "NOT_SCANNED";
  }[];
}

const toCents = (value: bigint | null): Cents | null => (value === null ? null : Number(value));

export function buildSnapshot(
  row: DossierRow,
  submission: { sequence: number; submittedAt: Date; submittedBy: { id: string; name: string; email: string }; fromVersion: number },
): DossierSnapshot {
  return {
    dossierNumber: row.number,
    guichet: { code: row.guichet.code, label: row.guichet.label, year: row.guichet.year, kind: row.guichet.kind },
    carrier: { finess: row.carrier.finess, name: row.carrier.name, regionCode: row.carrier.regionCode, regionName: row.carrier.region.name },
    sequence: submission.sequence,
    submittedAt: submission.submittedAt.toISOString(),
    submittedBy: submission.submittedBy,
    fromVersion: submission.fromVersion,
    data: row.data,
    parts: row.legalEntities.map((part) => ({
      legalEntityFiness: part.legalEntityFiness,
      name: part.legalEntity.name,
      headcount: partHeadcount(part),
      nru: part.selfAssessment?.nru ?? null,
      expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, toCents(part[EXPENSE_COLUMNS[category]])])),
      mandatoryObjectiveMet: part.mandatoryObjectiveMet,
      objectivesReached: part.objectivesReached,
      requested: toCents(part.requestedCents),
    })),
    documents: row.documents.map((document) => ({
      id: document.id,
      fileId: document.fileId,
      kind: document.kind,
      objectiveCode: document.objectiveCode,
      name: document.file.originalName,
      sizeBytes: Number(document.file.sizeBytes),
      sha256: document.file.sha256,
      // A transmission holds only files found clean, or unscanned without an antivirus (lib/dossiers/document-scan.ts).
      scanStatus: document.file.scanStatus === "CLEAN" ? ("CLEAN" as const) : ("NOT_SCANNED" as const),
      mediaType: document.file.mediaType,
      legalEntities: document.legalEntities.map((link) => link.legalEntityFiness),
    })),
  };
}
