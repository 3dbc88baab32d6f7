import { FINESS_PATTERN } from "./finess-rules";
import { formatEuros, type Cents } from "./money";

/*
 * Pure parsing of amounts, counts and FINESS numbers typed in French forms (simulator,
 * deposit form, server actions). Numbers are parsed from the typed string, never through parseFloat, so an amount in
 * euros becomes its exact number of cents.
 */

export type ParseResult<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

export type EuroParseError = "EMPTY" | "NEGATIVE" | "TOO_MANY_DECIMALS" | "FORMAT" | "TOO_LARGE";
export type WholeNumberParseError = "EMPTY" | "NEGATIVE" | "DECIMALS" | "FORMAT" | "TOO_LARGE";
export type FinessParseError = "EMPTY" | "LENGTH" | "FORMAT";

// Thousands separator: space, no-break space or narrow no-break space (what Intl fr-FR prints,
// so a figure copied from the page can be pasted back).
const GROUP = "[ \\u00a0\\u202f]";
// Either plain digits ("30000") or groups of exactly three ("30 000", "1 234 567"): "30 00"
// is rejected rather than guessed.
const INTEGER_PART = `(\\d+|\\d{1,3}(?:${GROUP}\\d{3})+)`;
const WHOLE_NUMBER = new RegExp(`^${INTEGER_PART}$`);
const DECIMAL_NUMBER = new RegExp(`^${INTEGER_PART}[,.](\\d+)$`);
const GROUP_SEPARATORS = new RegExp(GROUP, "g");
const NEGATIVE = /^[-\u2212]\s*\d/;
const TRAILING_EURO = /\s*€$/;

/**
 * The largest amount any form of the portal accepts: 10 000 000,00 €. The highest yearly
 * HospiConnect ceiling of an EJ (source 000's tiers, an EJ of 100 000 agents) is about 3,3 M€
 * and the largest AAP category cap (source 001, category D) 205 000 €, so a real expense, request or award
 * of one EJ stays far below; a bigger figure is a typing error (an extra zero, cents typed as
 * euros). In cents it is 1e9, well within the BigInt columns and Number.MAX_SAFE_INTEGER.
 */
export const MAX_EURO_AMOUNT_CENTS: Cents = 1_000_000_000;

/** Digits → safe integer, or null beyond Number.MAX_SAFE_INTEGER (BigInt keeps the check exact). */
function toSafeInteger(digits: string): number | null {
  const value = BigInt(digits);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/**
 * Amount typed in euros → integer cents. Accepts "30000", "30 000", "30 000,50", "30000.5",
 * an optional trailing "€"; rejects empty, negative, exponent, letters, more than 2 decimals
 * and anything above {@link MAX_EURO_AMOUNT_CENTS}.
 */
export function parseEuroAmount(raw: string): ParseResult<Cents, EuroParseError> {
  const text = raw.trim().replace(TRAILING_EURO, "");
  if (text === "") return { ok: false, error: "EMPTY" };
  if (NEGATIVE.test(text)) return { ok: false, error: "NEGATIVE" };
  let digits: string;
  const whole = WHOLE_NUMBER.exec(text);
  const decimal = whole ? null : DECIMAL_NUMBER.exec(text);
  if (whole?.[1] !== undefined) {
    digits = `${whole[1].replace(GROUP_SEPARATORS, "")}00`;
  } else if (decimal?.[1] !== undefined && decimal[2] !== undefined) {
    if (decimal[2].length > 2) return { ok: false, error: "TOO_MANY_DECIMALS" };
    // Cents are the integer digits followed by the decimals padded to two: no float arithmetic.
    digits = `${decimal[1].replace(GROUP_SEPARATORS, "")}${decimal[2].padEnd(2, "0")}`;
  } else {
    return { ok: false, error: "FORMAT" };
  }
  const cents = toSafeInteger(digits);
  return cents === null || cents > MAX_EURO_AMOUNT_CENTS ? { ok: false, error: "TOO_LARGE" } : { ok: true, value: cents };
}

/** Whole number ≥ 0 (headcount, days, stays); thousands may be separated by spaces. */
export function parseWholeNumber(raw: string): ParseResult<number, WholeNumberParseError> {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "EMPTY" };
  if (NEGATIVE.test(text)) return { ok: false, error: "NEGATIVE" };
  const whole = WHOLE_NUMBER.exec(text);
  if (whole?.[1] === undefined) {
    return { ok: false, error: DECIMAL_NUMBER.test(text) ? "DECIMALS" : "FORMAT" };
  }
  const value = toSafeInteger(whole[1].replace(GROUP_SEPARATORS, ""));
  return value === null ? { ok: false, error: "TOO_LARGE" } : { ok: true, value };
}

/** FINESS (EJ or EG): spaces removed, upper-cased ("2a" → "2A"), then /^[0-9][0-9A-Z][0-9]{7}$/. */
export function parseFiness(raw: string): ParseResult<string, FinessParseError> {
  const text = raw.replace(/\s+/g, "").toUpperCase();
  if (text === "") return { ok: false, error: "EMPTY" };
  if (text.length !== 9) return { ok: false, error: "LENGTH" };
  return FINESS_PATTERN.test(text) ? { ok: true, value: text } : { ok: false, error: "FORMAT" };
}

export const EURO_MESSAGES: Readonly<Record<EuroParseError, string>> = {
  EMPTY: "Saisissez un montant en euros (0 si aucune dépense).",
  NEGATIVE: "Le montant ne peut pas être négatif.",
  TOO_MANY_DECIMALS: "Indiquez au plus deux décimales (les centimes) ; séparez les milliers par une espace, par exemple 12 345,67.",
  FORMAT: "Saisissez un montant en euros, par exemple 30 000 ou 30 000,50.",
  TOO_LARGE: `Le montant ne peut dépasser ${formatEuros(MAX_EURO_AMOUNT_CENTS)}.`,
};

export const HEADCOUNT_MESSAGES: Readonly<Record<WholeNumberParseError, string>> = {
  EMPTY: "Saisissez l'effectif SAE (nombre d'agents).",
  NEGATIVE: "L'effectif ne peut pas être négatif.",
  DECIMALS: "L'effectif est un nombre entier d'agents, sans décimale.",
  FORMAT: "L'effectif doit être un nombre entier d'agents, par exemple 800.",
  TOO_LARGE: "Cet effectif est trop élevé.",
};

export const ACTIVITY_MESSAGES: Readonly<Record<WholeNumberParseError, string>> = {
  EMPTY: "Saisissez un nombre (0 si aucune activité).",
  NEGATIVE: "Le nombre ne peut pas être négatif.",
  DECIMALS: "Saisissez un nombre entier, sans décimale.",
  FORMAT: "Saisissez un nombre entier, par exemple 12 500.",
  TOO_LARGE: "Ce nombre est trop élevé.",
};

export const FINESS_MESSAGES: Readonly<Record<FinessParseError, string>> = {
  EMPTY: "Saisissez un numéro FINESS.",
  LENGTH: "Le numéro FINESS compte 9 caractères, par exemple 998400402.",
  FORMAT: "Le numéro FINESS compte 9 caractères : 2 chiffres (ou 2A, 2B pour la Corse) puis 7 chiffres.",
};
