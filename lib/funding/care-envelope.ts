import { FundingInputError, assertSafeResult } from "./errors";
import { assertCents, type Cents } from "./money";

/**
 * Source 003 (HOP'EN2 vs CaRE comparison): CaRE is "une enveloppe unique sur la durée du
 * programme qui peut être consommée en 1, 2 ou 3 fois, lors des guichets annuels"
 * (2026–2028), and "le montant attribué correspond aux dépenses éligibles effectivement
 * engagées et déclarées auprès de l'ANS".
 *
 * The envelope itself is an input: source 003 only says it is "le montant plafond défini sur
 * la base des ES éligibles" and shows it pre-filled in the form (e.g. 39 380,00 €); it gives no
 * formula, so the portal takes the figure published for the EJ.
 */
export const CARE_MAX_RELEVES = 3;

export interface CareDrawsResult {
  /** Amount drawn at each relève, in order. */
  draws: Cents[];
  /** Expenses declared at each relève that the envelope could not cover. */
  uncovered: Cents[];
  totalDrawn: Cents;
  /** What is left of the envelope after the last relève. */
  remaining: Cents;
}

/**
 * Draws on the CaRE envelope: each relève gets min(expenses declared for it, what remains).
 * Unlike HOP'EN2, what is not drawn one year stays available the next (single envelope).
 */
export function careDraws(envelope: Cents, relevesExpenses: Cents[]): CareDrawsResult {
  assertCents(envelope, "envelope");
  if (!Array.isArray(relevesExpenses)) {
    throw new FundingInputError("MISSING_INPUT", "relevesExpenses must be an array");
  }
  if (relevesExpenses.length > CARE_MAX_RELEVES) {
    throw new FundingInputError(
      "TOO_MANY_RELEVES",
      `CaRE is drawn in at most ${CARE_MAX_RELEVES} relèves, got ${relevesExpenses.length}`,
    );
  }
  let remaining = envelope;
  const draws: Cents[] = [];
  const uncovered: Cents[] = [];
  for (const [i, expenses] of relevesExpenses.entries()) {
    assertCents(expenses, `relevesExpenses[${i}]`);
    const draw = Math.min(expenses, remaining);
    draws.push(draw);
    uncovered.push(expenses - draw);
    remaining -= draw;
  }
  return { draws, uncovered, totalDrawn: assertSafeResult(envelope - remaining, "total drawn"), remaining };
}
