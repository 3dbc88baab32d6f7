import { FundingInputError, assertFiniteNumber, assertNonNegativeInteger, assertSafeResult } from "./errors";

/** Money is always an integer number of euro cents (a safe integer). */
export type Cents = number;

export const CENTS_PER_EURO = 100;

/** Whole euros → cents, checked. */
export function euros(amount: number): Cents {
  assertFiniteNumber(amount, "euros");
  if (!Number.isInteger(amount)) {
    throw new FundingInputError("NOT_INTEGER", `euros() takes whole euros, got ${amount}`);
  }
  return assertSafeResult(amount * CENTS_PER_EURO, "euros");
}

/** Validates an amount in cents: non-negative safe integer. */
export function assertCents(value: unknown, label: string): asserts value is Cents {
  assertNonNegativeInteger(value, label);
}

/** Exact sum of cent amounts (integers only, overflow checked). */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const [i, amount] of amounts.entries()) {
    assertCents(amount, `amounts[${i}]`);
    total = assertSafeResult(total + amount, "sum of amounts");
  }
  return total;
}

/** Integer percent of an amount, floored to the cent (exact BigInt arithmetic). */
export function percentOfFloor(amount: Cents, percent: number): Cents {
  assertCents(amount, "amount");
  assertNonNegativeInteger(percent, "percent");
  return Number((BigInt(amount) * BigInt(percent)) / 100n);
}

/** Integer percent of an amount, rounded half-up to the cent (exact BigInt arithmetic). */
export function percentOfHalfUp(amount: Cents, percent: number): Cents {
  assertCents(amount, "amount");
  assertNonNegativeInteger(percent, "percent");
  return Number((BigInt(amount) * BigInt(percent) * 2n + 100n) / 200n);
}

/** a × b / c for non-negative integers, rounded half-up, exact (BigInt). */
export function mulDivHalfUp(a: bigint, b: bigint, c: bigint): bigint {
  if (a < 0n || b < 0n || c <= 0n) {
    throw new FundingInputError("OUT_OF_RANGE", "mulDivHalfUp takes a, b ≥ 0 and c > 0");
  }
  return (a * b * 2n + c) / (2n * c);
}

const EUR_FR = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/**
 * French display of an amount in cents, e.g. 3_905_000 → "39 050,00 €" (narrow no-break
 * space as group separator, no-break space before €, as produced by Intl fr-FR).
 * The decimal string is built from the integer, so no float division can blur the cents.
 */
export function formatEuros(cents: Cents): string {
  assertFiniteNumber(cents, "cents");
  if (!Number.isSafeInteger(cents)) {
    throw new FundingInputError("NOT_INTEGER", `cents must be a safe integer, got ${cents}`);
  }
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const rest = abs % CENTS_PER_EURO;
  const whole = (abs - rest) / CENTS_PER_EURO; // exact: abs - rest is a multiple of 100
  const literal = `${sign}${whole}.${String(rest).padStart(2, "0")}` as `${number}`;
  return EUR_FR.format(literal);
}
