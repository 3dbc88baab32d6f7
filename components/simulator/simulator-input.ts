import { z } from "zod";
import { type Cents, type CombinedActivityInput } from "@/lib/funding";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "@/lib/dossiers/objectives";
import type { LegalEntityCombinedActivity } from "@/lib/reference/combined-activity-of";
import type { LegalEntitySummary } from "@/lib/reference/legal-entity-summary";

export {
  parseEuroAmount,
  parseWholeNumber,
  parseFiness,
  EURO_MESSAGES,
  HEADCOUNT_MESSAGES,
  ACTIVITY_MESSAGES,
  FINESS_MESSAGES,
  type ParseResult,
  type EuroParseError,
  type WholeNumberParseError,
  type FinessParseError,
} from "@/lib/funding/text-input";
import {
  parseEuroAmount,
  parseWholeNumber,
  parseFiness,
  EURO_MESSAGES,
  HEADCOUNT_MESSAGES,
  ACTIVITY_MESSAGES,
  FINESS_MESSAGES,
  type ParseResult,
} from "@/lib/funding/text-input";

/*
 * PURE: what the simulator's fields accept, and the reading of the whole form into parsed
 * values. The page shows errors and results from this one reading of what is on screen, so a
 * result can never outlive the input it was computed from.
 */

const countFr = new Intl.NumberFormat("fr-FR");

// ------------------------------------------------------------------ bounds

/**
 * Source 000's tiers cap nothing: past the 10 000th agent each agent adds 32 €, so any count
 * gives an amount. An EJ is bounded by reality instead: the largest French EJ counts about
 * 100 000 agents; twice that leaves room for any real one and refuses a typing slip.
 */
export const SIMULATOR_MAX_HEADCOUNT = 200_000;

/**
 * One activity count of one year (days, sessions, stays). The largest category, D, starts at
 * 230 000 MCO days (source 001): 10 million of any activity is far beyond any establishment.
 */
export const SIMULATOR_MAX_ACTIVITY_COUNT = 10_000_000;

export const HEADCOUNT_LIMIT_MESSAGE = `L'effectif ne peut pas dépasser ${countFr.format(SIMULATOR_MAX_HEADCOUNT)} agents (la plus grande entité juridique de France en compte environ ${countFr.format(100_000)}) : vérifiez le nombre saisi.`;
export const ACTIVITY_LIMIT_MESSAGE = `Saisissez un nombre d'au plus ${countFr.format(SIMULATOR_MAX_ACTIVITY_COUNT)} pour une année.`;

// ------------------------------------------------------------------ one field

/** A field as read from the screen: nothing typed yet, refused (with why), or its value. */
export type FieldReading<T> = { state: "empty" } | { state: "invalid"; message: string } | { state: "valid"; value: T };

const EMPTY: FieldReading<never> = { state: "empty" };

function isBlank(raw: unknown): boolean {
  return typeof raw !== "string" || raw.trim() === "";
}

/** Parses a non-blank field, then applies the simulator's upper bound. */
function readBounded<E extends string>(
  raw: unknown,
  parse: (text: string) => ParseResult<number, E>,
  messages: Readonly<Record<E, string>>,
  max: number,
  limitMessage: string,
  tooLarge: E,
): FieldReading<number> {
  if (isBlank(raw)) return EMPTY;
  const result = parse(raw as string);
  if (!result.ok) return { state: "invalid", message: result.error === tooLarge ? limitMessage : messages[result.error] };
  if (result.value > max) return { state: "invalid", message: limitMessage };
  return { state: "valid", value: result.value };
}

/** Headcount: a whole number of agents, 0 to SIMULATOR_MAX_HEADCOUNT. */
export function readHeadcount(raw: unknown): FieldReading<number> {
  return readBounded(raw, parseWholeNumber, HEADCOUNT_MESSAGES, SIMULATOR_MAX_HEADCOUNT, HEADCOUNT_LIMIT_MESSAGE, "TOO_LARGE");
}

/**
 * Declared expenses of a year, in cents, bounded like every amount of the portal (parseEuroAmount,
 * MAX_EURO_AMOUNT_CENTS): far above what a ceiling lets an EJ receive, so no bound of its own.
 */
export function readYearExpenses(raw: unknown): FieldReading<Cents> {
  if (isBlank(raw)) return EMPTY;
  const result = parseEuroAmount(raw as string);
  return result.ok ? { state: "valid", value: result.value } : { state: "invalid", message: EURO_MESSAGES[result.error] };
}

/** An activity count: blank reads as 0 (no such activity), else a whole number up to the bound. */
export function readActivityCount(raw: unknown): FieldReading<number> {
  return readBounded(raw, parseWholeNumber, ACTIVITY_MESSAGES, SIMULATOR_MAX_ACTIVITY_COUNT, ACTIVITY_LIMIT_MESSAGE, "TOO_LARGE");
}

/** A zod field for a FINESS (the look-up form and its server action). */
function parsedField<T, E extends string>(parse: (raw: string) => ParseResult<T, E>, messages: Readonly<Record<E, string>>, missing: string) {
  return z.string({ error: missing }).transform((raw, ctx): T => {
    const result = parse(raw);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: messages[result.error] });
      return z.NEVER;
    }
    return result.value;
  });
}

export const finessField = parsedField(parseFiness, FINESS_MESSAGES, FINESS_MESSAGES.EMPTY);
export const finessFormSchema = z.object({ finess: finessField });
export type FinessFormInput = z.input<typeof finessFormSchema>;
export type FinessFormOutput = z.output<typeof finessFormSchema>;

// ------------------------------------------------------------------ objectives (source 000)

export { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE };

const OBJECTIVE_CODES = new Set<string>(HOSPICONNECT_OBJECTIVES.map((objective) => objective.code));

/**
 * Objectives 1.1 to 2.2 ticked, from the checkbox group (an array of codes). Only known codes
 * count, each once: the count is 0 to 6 whatever the browser sends.
 */
export function objectivesReachedOf(raw: unknown): number {
  const ticked = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  return new Set(ticked.filter((code): code is string => typeof code === "string" && OBJECTIVE_CODES.has(code))).size;
}

// ------------------------------------------------------------------ the HospiConnect form

/** Raw values of the HospiConnect tab, as the inputs hold them. */
export interface HospiconnectFormInput {
  headcount: string;
  y2026: { milestoneComplete: boolean; declaredExpenses: string };
  y2027: { mandatoryObjectiveMet: boolean; objectives: string[]; declaredExpenses: string };
  y2028: { mandatoryObjectiveMet: boolean; objectives: string[]; declaredExpenses: string };
}

/** The form opens empty: no headcount, no expenses, nothing ticked (the user's own figures only). */
export const HOSPICONNECT_FORM_DEFAULTS: HospiconnectFormInput = {
  headcount: "",
  y2026: { milestoneComplete: false, declaredExpenses: "" },
  y2027: { mandatoryObjectiveMet: false, objectives: [], declaredExpenses: "" },
  y2028: { mandatoryObjectiveMet: false, objectives: [], declaredExpenses: "" },
};

/** What react-hook-form's useWatch gives while typing: any part may still be missing. */
export type HospiconnectFormValues = {
  headcount?: unknown;
  y2026?: { milestoneComplete?: unknown; declaredExpenses?: unknown };
  y2027?: { mandatoryObjectiveMet?: unknown; objectives?: unknown; declaredExpenses?: unknown };
  y2028?: { mandatoryObjectiveMet?: unknown; objectives?: unknown; declaredExpenses?: unknown };
};

export interface MilestoneYearReading {
  milestoneComplete: boolean;
  declaredExpenses: FieldReading<Cents>;
}

export interface ObjectivesYearReading {
  mandatoryObjectiveMet: boolean;
  objectivesReached: number;
  declaredExpenses: FieldReading<Cents>;
}

export interface HospiconnectReading {
  headcount: FieldReading<number>;
  y2026: MilestoneYearReading;
  y2027: ObjectivesYearReading;
  y2028: ObjectivesYearReading;
}

function readObjectivesYear(values: HospiconnectFormValues["y2027"]): ObjectivesYearReading {
  return {
    mandatoryObjectiveMet: values?.mandatoryObjectiveMet === true,
    objectivesReached: objectivesReachedOf(values?.objectives),
    declaredExpenses: readYearExpenses(values?.declaredExpenses),
  };
}

/** Reads the whole HospiConnect tab as it is on screen. */
export function readHospiconnectForm(values: HospiconnectFormValues): HospiconnectReading {
  return {
    headcount: readHeadcount(values.headcount),
    y2026: { milestoneComplete: values.y2026?.milestoneComplete === true, declaredExpenses: readYearExpenses(values.y2026?.declaredExpenses) },
    y2027: readObjectivesYear(values.y2027),
    y2028: readObjectivesYear(values.y2028),
  };
}

// ------------------------------------------------------------------ activité combinée

export type ActivityFormInput = Record<keyof CombinedActivityInput, string>;

export const ACTIVITY_KEYS: readonly (keyof CombinedActivityInput)[] = [
  "mcoDays",
  "mcoSessions",
  "ambulatorySurgeryStays",
  "otherDayHospitalStays",
  "smrDays",
  "psyDays",
  "hadDays",
  "usldDays",
];

/** Every field blank: the user says what activity the establishment has. */
export const ACTIVITY_FORM_DEFAULTS: ActivityFormInput = Object.fromEntries(ACTIVITY_KEYS.map((key) => [key, ""])) as ActivityFormInput;

export type ActivityReading = Record<keyof CombinedActivityInput, FieldReading<number>>;

export function readActivityForm(values: Partial<Record<keyof CombinedActivityInput, unknown>>): ActivityReading {
  return Object.fromEntries(ACTIVITY_KEYS.map((key) => [key, readActivityCount(values[key])])) as ActivityReading;
}

// ------------------------------------------------------------------ the FINESS look-up

/** An EJ found by the simulator, with the activité combinée of its FINESS PMSI (official or SAE estimate). */
export type FoundLegalEntity = LegalEntitySummary & { combinedActivity: LegalEntityCombinedActivity[] };

/** What the server action `lookUpLegalEntity` returns (plain data only). */
export type LegalEntityLookupResult = { ok: true; data: FoundLegalEntity } | { ok: false; message: string };

/** The last look-up answered: the FINESS searched and what the server said. */
export interface LookupOutcome {
  finess: string;
  result: LegalEntityLookupResult;
}

/**
 * The outcome to show under the FINESS field: the last answer, only while the field still
 * holds the FINESS it answered (spaces and case aside). Once the field is edited, neither the
 * EJ found nor the failure message belongs to what is on screen.
 */
export function outcomeForField(fieldValue: unknown, outcome: LookupOutcome | null): LookupOutcome | null {
  if (outcome === null || typeof fieldValue !== "string") return null;
  const parsed = parseFiness(fieldValue);
  return parsed.ok && parsed.value === outcome.finess ? outcome : null;
}
