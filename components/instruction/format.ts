import { formatCalendarDate, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import { documentKindLabel as kindLabel } from "@/lib/dossiers/document-kinds";
import { formatEuros } from "@/lib/funding";
import type { DiffValue, DiffValueKind } from "@/lib/instruction/snapshot-diff";

const sizeFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const integerFormatter = new Intl.NumberFormat("fr-FR");

/** 1536 → "1,5 Ko" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${sizeFormatter.format(bytes / 1024)} Ko`;
  return `${sizeFormatter.format(bytes / (1024 * 1024))} Mo`;
}

export function formatInteger(value: number): string {
  return integerFormatter.format(value);
}

/** An amount in cents, or a dash when it was not entered. */
export function formatCentsOrDash(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "—" : formatEuros(cents);
}

/** "10 février 2026" (Paris day of an instant). */
export function formatParisDay(instant: Date): string {
  return formatCalendarDate(parisDate(instant));
}

/** The days left to instruct, in words. */
export function daysLeftLabel(daysLeft: number | null): string {
  if (daysLeft === null) return "Décidé";
  if (daysLeft === 0) return "Instruction close";
  if (daysLeft === 1) return "Dernier jour";
  return `${daysLeft} jours`;
}

/** The full sentence for a screen reader or a title. */
export function daysLeftSentence(daysLeft: number | null, instructionEndsOn: CalendarDate): string {
  if (daysLeft === null) return "Dossier décidé.";
  const end = formatCalendarDate(instructionEndsOn);
  if (daysLeft === 0) return `Instruction close depuis le ${end}.`;
  if (daysLeft === 1) return `Dernier jour d'instruction (${end}).`;
  return `${daysLeft} jours restants, jusqu'au ${end} inclus.`;
}

/** A value of a field change, in French. */
export function formatDiffValue(value: DiffValue, kind: DiffValueKind): string {
  if (value === null) return "non renseigné";
  if (Array.isArray(value)) return value.length === 0 ? "aucun" : value.join(", ");
  switch (kind) {
    case "cents":
      return typeof value === "number" ? formatEuros(value) : String(value);
    case "integer":
      return typeof value === "number" ? formatInteger(value) : String(value);
    case "boolean":
      return value === true ? "oui" : value === false ? "non" : String(value);
    case "list":
    case "text":
      return String(value);
    default: {
      const unknownKind: never = kind;
      return String(unknownKind);
    }
  }
}

export function documentKindLabel(kind: string, objectiveCode: string | null): string {
  const label = kindLabel(kind);
  return objectiveCode ? `${label} ${objectiveCode}` : label;
}
