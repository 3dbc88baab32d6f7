import { z } from "zod";
import { HOSPICONNECT_OBJECTIVE_COUNT, type CombinedActivityInput } from "@/lib/funding";
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

/** A zod string field parsed by `parse`, with one French message per parse error. */
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

export const euroAmountField = parsedField(parseEuroAmount, EURO_MESSAGES, EURO_MESSAGES.EMPTY);
export const headcountField = parsedField(parseWholeNumber, HEADCOUNT_MESSAGES, HEADCOUNT_MESSAGES.EMPTY);
export const activityCountField = parsedField(parseWholeNumber, ACTIVITY_MESSAGES, ACTIVITY_MESSAGES.EMPTY);
export const finessField = parsedField(parseFiness, FINESS_MESSAGES, FINESS_MESSAGES.EMPTY);

const OBJECTIVES_MESSAGE = `Choisissez un nombre d'objectifs entre 0 et ${HOSPICONNECT_OBJECTIVE_COUNT}.`;

/** Objectives 1.1 to 2.2 reached, from the select: "0" … "6". */
export const objectivesReachedField = z.string({ error: OBJECTIVES_MESSAGE }).transform((raw, ctx): number => {
  const result = parseWholeNumber(raw);
  if (!result.ok || result.value > HOSPICONNECT_OBJECTIVE_COUNT) {
    ctx.addIssue({ code: "custom", message: OBJECTIVES_MESSAGE });
    return z.NEVER;
  }
  return result.value;
});

/** The numbers of objectives the select offers (0 to 6). */
export const OBJECTIVE_COUNT_OPTIONS: readonly number[] = Array.from({ length: HOSPICONNECT_OBJECTIVE_COUNT + 1 }, (_, i) => i);

export const milestoneYearSchema = z.object({
  milestoneComplete: z.boolean(),
  declaredExpenses: euroAmountField,
});

export const objectivesYearSchema = z.object({
  mandatoryObjectiveMet: z.boolean(),
  objectivesReached: objectivesReachedField,
  declaredExpenses: euroAmountField,
});

export const hospiconnectFormSchema = z.object({
  headcount: headcountField,
  y2026: milestoneYearSchema,
  y2027: objectivesYearSchema,
  y2028: objectivesYearSchema,
});

export type HospiconnectFormInput = z.input<typeof hospiconnectFormSchema>;
export type HospiconnectFormOutput = z.output<typeof hospiconnectFormSchema>;
export type MilestoneYearValues = z.output<typeof milestoneYearSchema>;
export type ObjectivesYearValues = z.output<typeof objectivesYearSchema>;

/** Source 000's worked example (800 agents, 2026–2028), shown on first load. */
export const HOSPICONNECT_FORM_DEFAULTS: HospiconnectFormInput = {
  headcount: "800",
  y2026: { milestoneComplete: true, declaredExpenses: "30 000" },
  y2027: { mandatoryObjectiveMet: true, objectivesReached: "3", declaredExpenses: "34 000" },
  y2028: { mandatoryObjectiveMet: true, objectivesReached: "6", declaredExpenses: "50 000" },
};

const activityShape = {
  mcoDays: activityCountField,
  mcoSessions: activityCountField,
  ambulatorySurgeryStays: activityCountField,
  otherDayHospitalStays: activityCountField,
  smrDays: activityCountField,
  psyDays: activityCountField,
  hadDays: activityCountField,
  usldDays: activityCountField,
} satisfies Record<keyof CombinedActivityInput, typeof activityCountField>;

export const activityFormSchema = z.object(activityShape);
export type ActivityFormInput = z.input<typeof activityFormSchema>;
export type ActivityFormOutput = z.output<typeof activityFormSchema>;

export const ACTIVITY_FORM_DEFAULTS: ActivityFormInput = {
  mcoDays: "0",
  mcoSessions: "0",
  ambulatorySurgeryStays: "0",
  otherDayHospitalStays: "0",
  smrDays: "0",
  psyDays: "0",
  hadDays: "0",
  usldDays: "0",
};

export const finessFormSchema = z.object({ finess: finessField });
export type FinessFormInput = z.input<typeof finessFormSchema>;
export type FinessFormOutput = z.output<typeof finessFormSchema>;

/** An EJ found by the simulator, with the activité combinée of its FINESS PMSI (official or SAE estimate). */
export type FoundLegalEntity = LegalEntitySummary & { combinedActivity: LegalEntityCombinedActivity[] };

/** What the server action `lookUpLegalEntity` returns (plain data only). */
export type LegalEntityLookupResult = { ok: true; data: FoundLegalEntity } | { ok: false; message: string };
