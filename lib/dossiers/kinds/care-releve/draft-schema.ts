import { z } from "zod";
import { EURO_MESSAGES, EXPENSE_CATEGORIES, MAX_EURO_AMOUNT_CENTS } from "@/lib/funding";

/**
 * What an establishment enters in a CaRE relève (source 003, « HospiConnect – CaRE – Relève 2026 »).
 * A draft keeps what was typed (blanks allowed); completeness is checked on submission
 * (./rules.ts). An expense line that can never be eligible (an internal-HR or editor expense,
 * an invoice before 30 January 2026) is refused at once, so nothing is saved with it.
 */

const FINESS = /^[0-9][0-9A-Z][0-9]{7}$/;
const text = (max: number) => z.string().trim().max(max, `${max} caractères au maximum.`).default("");
const centsOrNull = z.number().int("Montant invalide.").nonnegative("Le montant ne peut pas être négatif.").max(MAX_EURO_AMOUNT_CENTS, EURO_MESSAGES.TOO_LARGE).nullable();

/** source 003: « Cet espace accepte 10 fichiers maximum »; lines are typed one by one, a generous bound. */
export const MAX_CARE_EXPENSE_LINES = 200;
export const CARE_PRECISIONS_MAX_LENGTH = 5000;

export const careExpenseLineSchema = z.object({
  /** A client-made key, stable across saves (the form's row). */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  legalEntityFiness: z.string().regex(FINESS),
  /** One of the three categories of source 003; only « prestations externes » are eligible to CaRE. */
  category: z.enum(EXPENSE_CATEGORIES as [string, ...string[]]),
  /** What was bought, e.g. « Lecteurs de cartes CPS » (source 003: « MIE, lecteurs »). */
  description: text(300),
  supplier: text(200),
  /** The invoice's number (its purchase order's, if not yet invoiced). */
  invoiceNumber: text(100),
  /** 'YYYY-MM-DD', or '' while not typed. */
  invoiceDate: z.union([z.literal(""), z.iso.date("Date invalide : saisissez-la au format jj/mm/aaaa.")]).default(""),
  amount: centsOrNull,
});

export type CareExpenseLine = z.output<typeof careExpenseLineSchema>;

export const careRelevePartDraftSchema = z.object({
  legalEntityFiness: z.string().regex(FINESS),
  nru: z.string().trim().max(60).nullable(),
  /** « Montant de financement demandé au titre de l'atteinte des cibles N ». */
  requested: centsOrNull,
});

export const careReleveDraftSchema = z.object({
  /** « J'atteste que mon établissement a atteint les cibles pour l'année N » (GHT: « tous les EJ candidats »). */
  targetsReached: z.boolean().default(false),
  parts: z.array(careRelevePartDraftSchema).max(100).default([]),
  expenses: z.array(careExpenseLineSchema).max(MAX_CARE_EXPENSE_LINES, `${MAX_CARE_EXPENSE_LINES} lignes de dépenses au maximum : regroupez les factures d'un même fournisseur.`).default([]),
  /** « Avez-vous des précisions supplémentaires à apporter ? » */
  precisions: text(CARE_PRECISIONS_MAX_LENGTH),
});

export type CareReleveDraft = z.output<typeof careReleveDraftSchema>;
export type CareRelevePartDraft = CareReleveDraft["parts"][number];

/** The draft stored in `Dossier.data.care` (an empty one before the first save). */
export function storedCareDraft(data: unknown): CareReleveDraft {
  return careReleveDraftSchema.parse((data as { care?: unknown } | null)?.care ?? {});
}
