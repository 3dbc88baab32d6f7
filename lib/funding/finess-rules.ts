import { FundingInputError } from "./errors";

/** FINESS number: 9 characters, department digit + digit or letter (2A/2B Corse) + 7 digits. */
export const FINESS_PATTERN = /^[0-9][0-9A-Z][0-9]{7}$/;

export function isValidFiness(value: unknown): value is string {
  return typeof value === "string" && FINESS_PATTERN.test(value);
}

export function assertFiness(value: unknown, label = "FINESS"): asserts value is string {
  if (!isValidFiness(value)) {
    throw new FundingInputError("INVALID_FINESS", `${label} must be 9 characters [0-9][0-9A-Z][0-9]{7}, got ${JSON.stringify(value)}`);
  }
}

/**
 * Source 002 annex 2, "Les établissements éligibles": categories of the FINESS juridique (EJ)
 * and of the FINESS géographique (EG). Kept as strings, as in the FINESS repository.
 */
export const ELIGIBLE_EJ_CATEGORIES: readonly string[] = [
  "1101", "1102", "1103", "1104", "1106", "1107", "1109", "1110", "1111", "1201", "1203", "1205", "2205",
];

export const ELIGIBLE_EG_CATEGORIES: readonly string[] = [
  "101", "106", "109", "114", "115", "122", "127", "128", "129", "131", "141", "146", "156", "161", "292", "362",
  "355", "365", "366", "412", "415", "425", "430", "444", "697",
];

function normaliseCategory(code: unknown, label: string): string {
  const text = typeof code === "number" && Number.isInteger(code) && code >= 0 ? String(code) : code;
  if (typeof text !== "string" || !/^[0-9]{3,4}$/.test(text)) {
    throw new FundingInputError("INVALID_CODE", `${label} must be a 3- or 4-digit FINESS category code, got ${JSON.stringify(code)}`);
  }
  return text;
}

export function isEligibleEjCategory(code: string | number): boolean {
  return ELIGIBLE_EJ_CATEGORIES.includes(normaliseCategory(code, "EJ category"));
}

export function isEligibleEgCategory(code: string | number): boolean {
  return ELIGIBLE_EG_CATEGORIES.includes(normaliseCategory(code, "EG category"));
}

/**
 * Source 002 annex 2 lists the eligibility conditions cumulatively: a valid authorisation,
 * non-zero PMSI stay activity in 2022, an eligible EJ category and an eligible EG category.
 * Only the two category conditions are checked here; the others are facts from the national base.
 */
export function isEligibleEstablishmentCategory(input: { ejCategory: string | number; egCategory: string | number }): boolean {
  const ej = isEligibleEjCategory(input.ejCategory);
  const eg = isEligibleEgCategory(input.egCategory);
  return ej && eg;
}

export type LegalStatus = "public" | "private_for_profit" | "private_non_profit";
export const LEGAL_STATUSES: readonly LegalStatus[] = ["public", "private_for_profit", "private_non_profit"];

export interface FinessPmsiInput {
  legalStatus: LegalStatus;
  isDialysisCentre: boolean;
  finessEj: string;
  finessEg: string;
  /** Source 002: "(sauf exception selon la déclaration à l'ATIH)" — level actually declared to the ATIH, if it differs. */
  atihDeclaredLevel?: "EJ" | "EG";
}

export interface FinessPmsiResult {
  level: "EJ" | "EG";
  finess: string;
}

/**
 * Source 002 annex 2: the FINESS PMSI is the FINESS juridique for a public establishment or a
 * (private) dialysis centre, and the FINESS géographique for a private establishment (for-profit
 * or non-profit), except as declared to the ATIH — the ATIH declaration, when given, wins.
 */
export function finessPmsi(input: FinessPmsiInput): FinessPmsiResult {
  if (!LEGAL_STATUSES.includes(input.legalStatus)) {
    throw new FundingInputError("UNKNOWN_CATEGORY", `unknown legal status ${String(input.legalStatus)}`);
  }
  if (typeof input.isDialysisCentre !== "boolean") {
    throw new FundingInputError("MISSING_INPUT", "isDialysisCentre must be true or false");
  }
  assertFiness(input.finessEj, "finessEj");
  assertFiness(input.finessEg, "finessEg");
  if (input.atihDeclaredLevel !== undefined && input.atihDeclaredLevel !== "EJ" && input.atihDeclaredLevel !== "EG") {
    throw new FundingInputError("UNKNOWN_CATEGORY", `atihDeclaredLevel must be "EJ" or "EG"`);
  }
  const ruleLevel: "EJ" | "EG" = input.legalStatus === "public" || input.isDialysisCentre ? "EJ" : "EG";
  const level = input.atihDeclaredLevel ?? ruleLevel;
  return { level, finess: level === "EJ" ? input.finessEj : input.finessEg };
}
