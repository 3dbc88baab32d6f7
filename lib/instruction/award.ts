/**
 * PURE: the rule of an ARS award on one EJ of a yearly deposit, shared by the
 * server (lib/dossiers/instruction.ts, which decides) and the action panel
 * (which only says it early, next to the field).
 *
 * - The cap is the eligible amount of the year capped at the declared expenses
 *   (source 000_1a898dec8b2a4de4.txt: « écrêtement aux dépenses déclarées »);
 *   an award never exceeds it.
 * - An award below the cap is a partial award: the ARS must say why (issue 9,
 *   §2.10). The reason is stored with the decision, shown to the establishment
 *   on its dossier and written in the acceptance e-mail.
 * - An award equal to the cap carries no reason.
 */
import { formatEuros, type Cents } from "@/lib/funding";

export const PARTIAL_AWARD_REASON_MAX_LENGTH = 2000;

export type AwardCheck =
  | { ok: true; amount: Cents; cap: Cents; reason: string | null }
  | { ok: false; amountError?: string; reasonError?: string };

export function awardAboveCapMessage(cap: Cents): string {
  return `Le montant accordé ne peut dépasser ${formatEuros(cap)} (montant éligible écrêté aux dépenses déclarées).`;
}

export function partialAwardReasonMissingMessage(cap: Cents): string {
  return `Indiquez le motif : le montant accordé est inférieur au montant maximal de ${formatEuros(cap)}. Ce motif est communiqué à l'établissement.`;
}

export const PARTIAL_AWARD_REASON_TOO_LONG = "Le motif compte au plus 2 000 caractères.";

/** An award below the cap needs a reason. */
export function isPartialAward(amount: Cents, cap: Cents): boolean {
  return amount < cap;
}

/**
 * Checks the award of one EJ. `amount` null or undefined means "the cap" (the
 * default award); the reason is trimmed, and kept only for a partial award.
 */
export function checkAward(input: { cap: Cents; amount: Cents | null | undefined; reason?: string | null }): AwardCheck {
  const amount = input.amount ?? input.cap;
  if (!Number.isSafeInteger(amount) || amount < 0) return { ok: false, amountError: "Montant invalide : indiquez un montant positif en euros." };
  if (amount > input.cap) return { ok: false, amountError: awardAboveCapMessage(input.cap) };
  if (!isPartialAward(amount, input.cap)) return { ok: true, amount, cap: input.cap, reason: null };
  const reason = (input.reason ?? "").trim();
  if (reason.length === 0) return { ok: false, reasonError: partialAwardReasonMissingMessage(input.cap) };
  if (reason.length > PARTIAL_AWARD_REASON_MAX_LENGTH) return { ok: false, reasonError: PARTIAL_AWARD_REASON_TOO_LONG };
  return { ok: true, amount, cap: input.cap, reason };
}
