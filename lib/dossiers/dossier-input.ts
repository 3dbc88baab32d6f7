import { z } from "zod";
import { EURO_MESSAGES, EXPENSE_CATEGORIES, MAX_EURO_AMOUNT_CENTS } from "@/lib/funding";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "./project-team";
import { OBJECTIVE_CODES } from "./objectives";

/**
 * The shapes of what an establishment enters. A draft may be incomplete, so the
 * "draft" schemas accept blanks; completeness is checked only on submission
 * (lib/dossiers/submission-rules.ts), with every missing field listed.
 */

const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au maximum.`).optional().default("");

// A draft keeps whatever was typed (nothing lost); the e-mail format is checked on submission.
export const teamMemberDraftSchema = z.object({
  name: optionalText(200),
  email: optionalText(320),
});

export function isEmailAddress(value: string): boolean {
  return z.email().safeParse(value).success;
}

export const candidatureDraftSchema = z.object({
  projectTeam: z
    .object(
      Object.fromEntries(PROJECT_TEAM_ROLES.map((role) => [role.key, teamMemberDraftSchema.prefault({})])) as Record<
        (typeof PROJECT_TEAM_ROLES)[number]["key"],
        z.ZodPrefault<typeof teamMemberDraftSchema>
      >,
    )
    .prefault({}),
  ghtMandateKind: z.enum(GHT_MANDATE_KINDS.map((kind) => kind.key) as [string, ...string[]]).nullable().optional().default(null),
});

export type CandidatureDraft = z.output<typeof candidatureDraftSchema>;

/** Amounts in cents, as entered (null = not entered yet); the server refuses what the form's parser refuses. */
const centsOrNull = z.number().int("Montant invalide.").nonnegative("Le montant ne peut pas être négatif.").max(MAX_EURO_AMOUNT_CENTS, EURO_MESSAGES.TOO_LARGE).nullable();

/** An indicator in percent (source 000's targets of 2.1 and 2.2), as entered; null = not entered yet. */
const percentOrNull = z.number("Indicateur invalide.").min(0, "Un indicateur ne peut pas être négatif.").max(100, "Un indicateur ne peut pas dépasser 100 %.").nullable();

const isoDateOrEmpty = z.union([z.literal(""), z.iso.date("Date invalide : saisissez-la au format jj/mm/aaaa.")]).default("");

/** The dates the expense rules of lib/funding need (checkExpenseEligibility): the span of the invoices, and in 2028 the last payment. */
export const expenseDatesSchema = z.object({ firstInvoiceOn: isoDateOrEmpty, lastInvoiceOn: isoDateOrEmpty, lastPaymentOn: isoDateOrEmpty });

export const depositPartDraftSchema = z.object({
  legalEntityFiness: z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/),
  nru: z.string().trim().max(60).nullable(),
  expenses: z.object(Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, centsOrNull])) as Record<(typeof EXPENSE_CATEGORIES)[number], typeof centsOrNull>),
  mandatoryObjectiveMet: z.boolean().nullable(),
  objectivesReached: z.array(z.enum(OBJECTIVE_CODES as [string, ...string[]])).max(6),
  /** 2027–2028: the indicator of each objective whose target is a percentage (2.1, 2.2). */
  indicators: z.object({ "2.1": percentOrNull.default(null), "2.2": percentOrNull.default(null) }).prefault({}),
  expenseDates: expenseDatesSchema.prefault({}),
  requested: centsOrNull,
});

export type DepositPartDraft = z.output<typeof depositPartDraftSchema>;

export const depositAttestationsSchema = z.object({
  /** source 003: "J'atteste que mon établissement a atteint les cibles pour l'année N" (GHT: "tous les EJ candidats"). */
  targetsReached: z.boolean().default(false),
  /** source 000/003: expenses contribute to the objectives, from 19/12/2025, declared for one EJ only. */
  expensesTruthful: z.boolean().default(false),
});

export const depositDraftSchema = z.object({
  attestations: depositAttestationsSchema.prefault({}),
  parts: z.array(depositPartDraftSchema).max(100),
});

export type DepositDraft = z.output<typeof depositDraftSchema>;
/** A deposit as a client sends it: what the schema fills in (indicators) may be left out. */
export type DepositDraftInput = z.input<typeof depositDraftSchema>;
