/**
 * NRU (numéro de référence unique) of a validated IE self-assessment, quoted in the deposit of a
 * dossier (source 003: "Identifie la référence de l'autoévaluation maturité IE à prendre en
 * compte"; each self-assessment is tied to one FINESS EJ).
 *
 * Format: `IE-<year>-<FINESS EJ>-<sequence>`, e.g. `IE-2026-998400402-000042`:
 * - year: the year of validation, in Paris time (validated on 1 January 2027 at 00:30 in Paris
 *   is 2027 even though it is still 2026 in UTC);
 * - FINESS EJ: 9 characters (2A/2B for Corsica);
 * - sequence: from the PostgreSQL sequence `self_assessment_nru_seq`, zero-padded to 6 digits
 *   (more digits once it passes 999 999). Unique across all years and EJ; the column is unique too.
 * PURE: no I/O.
 */
import { parisDate } from "@/lib/clock";

const NRU_PATTERN = /^IE-(\d{4})-([0-9][0-9A-Z][0-9]{7})-(\d{6,})$/;

export interface NruParts {
  year: number;
  legalEntityFiness: string;
  sequence: number;
}

export function formatNru(parts: NruParts): string {
  const { year, legalEntityFiness, sequence } = parts;
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`NRU year out of range: ${year}`);
  if (!/^[0-9][0-9A-Z][0-9]{7}$/.test(legalEntityFiness)) throw new RangeError(`Not a FINESS EJ: ${legalEntityFiness}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`NRU sequence must be a positive integer: ${sequence}`);
  return `IE-${year}-${legalEntityFiness}-${String(sequence).padStart(6, "0")}`;
}

/** The NRU of a self-assessment validated at `validatedAt` (year in Paris time). */
export function nruFor(validatedAt: Date, legalEntityFiness: string, sequence: number): string {
  return formatNru({ year: Number(parisDate(validatedAt).slice(0, 4)), legalEntityFiness, sequence });
}

/** What a user typed, tidied: surrounding spaces removed, upper case (Corsica "2a" → "2A"). */
export function normalizeNru(input: string): string {
  return input.trim().toUpperCase();
}

/** The parts of a well-formed NRU (after normalisation), or null. */
export function parseNru(input: string): NruParts | null {
  const match = NRU_PATTERN.exec(normalizeNru(input));
  if (!match) return null;
  const [, year, legalEntityFiness, sequence] = match;
  if (year === undefined || legalEntityFiness === undefined || sequence === undefined) return null;
  const parts = { year: Number(year), legalEntityFiness, sequence: Number(sequence) };
  if (parts.year < 2000 || !Number.isSafeInteger(parts.sequence) || parts.sequence < 1) return null;
  // Canonical form only: "IE-2026-…-0000042" (7 digits for 42) is not an NRU the portal issued.
  return formatNru(parts) === normalizeNru(input) ? parts : null;
}

export function isValidNru(input: string): boolean {
  return parseNru(input) !== null;
}

export const NRU_FORMAT_HINT = "Le NRU a la forme IE-2026-123456789-000042 (année, FINESS de l'entité juridique, numéro).";
