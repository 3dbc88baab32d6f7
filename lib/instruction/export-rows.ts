/**
 * PURE: the rows of the ARS export (CSV and XLSX), one per EJ of each dossier.
 * Values are what was transmitted (latest snapshot, see ./transmitted.ts) with the
 * amounts of lib/funding, plus the ARS's decided amount from the live part and,
 * for an amount below the maximum, the ARS's reason.
 *
 * CSV conventions for French spreadsheets: UTF-8 with a BOM, `;` separator, CRLF
 * line ends, amounts in euros with a comma decimal and no grouping ("39050,00"),
 * dates as DD/MM/YYYY (Europe/Paris day). A text cell that a spreadsheet would
 * read as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import { dossierStatusLabel } from "@/lib/dossiers/machine";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { EXPENSE_CATEGORY_LABELS, type Cents } from "@/lib/funding";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import { transmittedParts, type QuotedAssessment } from "./transmitted";

export interface ExportDossierInput {
  number: string;
  guichet: { code: string; label: string; kind: GuichetKind; year: number };
  status: DossierStatus;
  submittedAt: Date | null;
  decidedAt: Date | null;
  carrierFiness: string;
  /** The EJ of the dossier now, with the ARS's decided amount and the reason of an amount below the maximum. */
  parts: { finess: string; name: string; ghtName: string | null; decided: Cents | null; partialAwardReason?: string | null; decisionCap?: Cents | null; careEnvelope?: Cents | null }[];
  /** The latest submission; null only for a dossier never transmitted (not exported). */
  snapshot: DossierSnapshot | null;
  /** The self-assessments quoted by the snapshot's NRUs. */
  assessments: readonly QuotedAssessment[];
}

export type ExportCellType = "text" | "date" | "integer" | "euros";

export interface ExportRecord {
  finess: string;
  name: string;
  ght: string;
  carrierFiness: string;
  number: string;
  guichet: string;
  status: string;
  submittedOn: CalendarDate | null;
  decidedOn: CalendarDate | null;
  headcount: number | null;
  ceiling: Cents | null;
  expensesInternalHr: Cents | null;
  expensesExternal: Cents | null;
  expensesPublisher: Cents | null;
  requested: Cents | null;
  eligible: Cents | null;
  capped: Cents | null;
  decided: Cents | null;
  partialAwardReason: string;
}

/** A column of an export: its record key, French header, cell type and XLSX width. */
export interface ExportColumn<R> {
  key: keyof R & string;
  header: string;
  type: ExportCellType;
  width: number;
}

export const EXPORT_COLUMNS: readonly ExportColumn<ExportRecord>[] = [
  { key: "finess", header: "FINESS EJ", type: "text", width: 12 },
  { key: "name", header: "Raison sociale EJ", type: "text", width: 40 },
  { key: "ght", header: "GHT", type: "text", width: 30 },
  { key: "carrierFiness", header: "FINESS EJ porteur du dossier", type: "text", width: 14 },
  { key: "number", header: "N° de dossier", type: "text", width: 18 },
  { key: "guichet", header: "Guichet", type: "text", width: 40 },
  { key: "status", header: "Statut", type: "text", width: 20 },
  { key: "submittedOn", header: "Date de transmission", type: "date", width: 14 },
  { key: "decidedOn", header: "Date de décision", type: "date", width: 14 },
  { key: "headcount", header: "Effectif SAE", type: "integer", width: 10 },
  { key: "ceiling", header: "Montant plafond annuel, ou enveloppe CaRE (€)", type: "euros", width: 16 },
  { key: "expensesInternalHr", header: `Dépenses ${EXPENSE_CATEGORY_LABELS.rh_internes} (€)`, type: "euros", width: 16 },
  { key: "expensesExternal", header: `Dépenses ${EXPENSE_CATEGORY_LABELS.prestations_externes} (€)`, type: "euros", width: 16 },
  { key: "expensesPublisher", header: `Dépenses ${EXPENSE_CATEGORY_LABELS.depenses_editeurs} (€)`, type: "euros", width: 16 },
  { key: "requested", header: "Montant demandé (€)", type: "euros", width: 16 },
  { key: "eligible", header: "Montant éligible de l'année, ou dépenses éligibles CaRE (€)", type: "euros", width: 16 },
  { key: "capped", header: "Montant maximal accordable (€)", type: "euros", width: 18 },
  { key: "decided", header: "Montant décidé (€)", type: "euros", width: 16 },
  { key: "partialAwardReason", header: "Motif du montant décidé inférieur au maximal", type: "text", width: 50 },
];

/** One record per EJ of each dossier, in the order of the dossiers then of the EJ. */
export function buildExportRecords(dossiers: readonly ExportDossierInput[]): ExportRecord[] {
  return dossiers.flatMap((dossier) => {
    const sent = dossier.snapshot ? transmittedParts(dossier.snapshot, dossier.guichet, dossier.assessments) : [];
    // A CaRE relève (source 003): its ceiling is the EJ's envelope, its eligible amount the external expenses declared, its cap the ANS's at decision.
    const care = dossier.guichet.kind === "CARE_RELEVE";
    return dossier.parts.map((part): ExportRecord => {
      const transmitted = sent.find((candidate) => candidate.finess === part.finess);
      return {
        finess: part.finess,
        name: part.name,
        ght: part.ghtName ?? "",
        carrierFiness: dossier.carrierFiness,
        number: dossier.number,
        guichet: dossier.guichet.label,
        status: dossierStatusLabel(dossier.status, dossier.guichet.kind),
        submittedOn: dossier.submittedAt ? parisDate(dossier.submittedAt) : null,
        decidedOn: dossier.decidedAt ? parisDate(dossier.decidedAt) : null,
        headcount: transmitted?.headcount ?? null,
        ceiling: care ? (part.careEnvelope ?? null) : (transmitted?.amounts.annualCeiling ?? null),
        expensesInternalHr: transmitted?.expenses.rh_internes ?? null,
        expensesExternal: transmitted?.expenses.prestations_externes ?? null,
        expensesPublisher: transmitted?.expenses.depenses_editeurs ?? null,
        requested: transmitted?.requested ?? null,
        eligible: care ? (transmitted?.expenses.prestations_externes ?? null) : (transmitted?.amounts.eligible ?? null),
        capped: care ? (part.decisionCap ?? null) : (transmitted?.amounts.capped ?? null),
        decided: part.decided,
        partialAwardReason: part.partialAwardReason ?? "",
      };
    });
  });
}

/** 3_905_000 → "39050,00"; exact (built from the integer, no float division). */
export function csvEuros(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** "2026-02-10" → "10/02/2026" */
export function csvDate(date: CalendarDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/** Neutralises spreadsheet formulas (OWASP CSV injection) in a text cell. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvQuote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(value: string | number | null, type: ExportCellType): string {
  if (value === null) return "";
  switch (type) {
    case "euros":
      return csvEuros(value as number);
    case "integer":
      return String(value);
    case "date":
      return csvDate(String(value));
    case "text":
      return csvQuote(safeText(String(value)));
    default: {
      const unknownType: never = type;
      throw new Error(`Unknown cell type ${String(unknownType)}`);
    }
  }
}

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
export const CSV_LINE_END = "\r\n";

type Cell = string | number | null;

export function csvHeaderLine<R extends { [K in keyof R]: Cell }>(columns: readonly ExportColumn<R>[] = EXPORT_COLUMNS as unknown as readonly ExportColumn<R>[]): string {
  return columns.map((column) => csvQuote(column.header)).join(CSV_SEPARATOR) + CSV_LINE_END;
}

export function csvLine<R extends { [K in keyof R]: Cell }>(record: R, columns: readonly ExportColumn<R>[] = EXPORT_COLUMNS as unknown as readonly ExportColumn<R>[]): string {
  return columns.map((column) => csvCell(record[column.key], column.type)).join(CSV_SEPARATOR) + CSV_LINE_END;
}

/** The values of an XLSX row: euros as numbers (cents / 100, shown with 2 decimals), dates as UTC-midnight dates. */
export function xlsxValues<R extends { [K in keyof R]: Cell }>(record: R, columns: readonly ExportColumn<R>[] = EXPORT_COLUMNS as unknown as readonly ExportColumn<R>[]): (string | number | Date | null)[] {
  return columns.map((column) => {
    const value = record[column.key];
    if (value === null) return null;
    switch (column.type) {
      case "euros":
        return (value as number) / 100;
      case "date":
        return new Date(`${String(value)}T00:00:00Z`);
      case "integer":
        return value as number;
      case "text":
        return safeText(String(value));
      default: {
        const unknownType: never = column.type;
        throw new Error(`Unknown cell type ${String(unknownType)}`);
      }
    }
  });
}
