import { FundingInputError, assertSafeResult } from "./errors";
import { assertCents, type Cents } from "./money";

/**
 * Source 003 (HOP'EN2 vs CaRE comparison): CaRE is "une enveloppe unique sur la durée du
 * programme qui peut être consommée en 1, 2 ou 3 fois, lors des guichets annuels" (2026–2028);
 * "le montant attribué ne peut dépasser le montant maximal correspondant au montant plafond" and
 * "correspond aux dépenses éligibles effectivement engagées et déclarées auprès de l'ANS".
 *
 * The envelope itself is an input: source 003 only says it is "le montant plafond défini sur
 * la base des ES éligibles" and shows it pre-filled in the form (e.g. 39 380,00 €); it gives no
 * formula, so the portal takes the figure the DNS publishes for the EJ.
 */
export const CARE_MAX_RELEVES = 3;

/** What one relève asks: the amount requested and the eligible expenses declared for it. */
export interface CareReleveClaim {
  requested: Cents;
  eligibleExpenses: Cents;
}

/** What is left of the envelope once the amounts already committed (granted, or reserved by relèves under instruction) are taken. */
export function careRemaining(envelope: Cents, committed: readonly Cents[]): Cents {
  assertCents(envelope, "envelope");
  let total = 0;
  for (const [i, amount] of committed.entries()) {
    assertCents(amount, `committed[${i}]`);
    total = assertSafeResult(total + amount, "committed total");
  }
  // The DNS may lower an envelope below what was already granted: nothing remains, never a negative.
  return Math.max(0, envelope - total);
}

/** The most one relève may be granted: min(amount requested, eligible expenses, what remains). */
export function careDrawCap(claim: CareReleveClaim, remaining: Cents): Cents {
  assertCents(claim.requested, "requested");
  assertCents(claim.eligibleExpenses, "eligibleExpenses");
  assertCents(remaining, "remaining");
  return Math.min(claim.requested, claim.eligibleExpenses, remaining);
}

export interface CareDrawsResult {
  /** Amount drawn at each relève, in order. */
  draws: Cents[];
  /** What each relève asked (capped at its eligible expenses) that the envelope could not cover. */
  uncovered: Cents[];
  totalDrawn: Cents;
  /** What is left of the envelope after the last relève. */
  remaining: Cents;
}

/**
 * Draws on the CaRE envelope over the relèves, each granted its cap (careDrawCap). Unlike
 * HOP'EN2, what is not drawn one year stays available the next (single envelope).
 */
export function careDraws(envelope: Cents, releves: readonly CareReleveClaim[]): CareDrawsResult {
  assertCents(envelope, "envelope");
  if (!Array.isArray(releves)) {
    throw new FundingInputError("MISSING_INPUT", "releves must be an array");
  }
  if (releves.length > CARE_MAX_RELEVES) {
    throw new FundingInputError("TOO_MANY_RELEVES", `CaRE is drawn in at most ${CARE_MAX_RELEVES} relèves, got ${releves.length}`);
  }
  let remaining = envelope;
  const draws: Cents[] = [];
  const uncovered: Cents[] = [];
  for (const claim of releves) {
    const draw = careDrawCap(claim, remaining);
    draws.push(draw);
    uncovered.push(Math.min(claim.requested, claim.eligibleExpenses) - draw);
    remaining -= draw;
  }
  return { draws, uncovered, totalDrawn: assertSafeResult(envelope - remaining, "total drawn"), remaining };
}
