/** Machine-readable reasons for rejecting an input. */
export type FundingErrorCode =
  | "NOT_A_NUMBER"
  | "NOT_FINITE"
  | "NOT_INTEGER"
  | "NEGATIVE"
  | "OUT_OF_RANGE"
  | "NOT_HALF_DAY"
  | "UNKNOWN_YEAR"
  | "UNKNOWN_CATEGORY"
  | "UNKNOWN_OBJECTIVE"
  | "DUPLICATE_YEAR"
  | "MISSING_INPUT"
  | "EMPTY"
  | "TOO_MANY_RELEVES"
  | "INVALID_DATE"
  | "INVALID_FINESS"
  | "INVALID_CODE";

/** Thrown on any bad input: the library never returns a number it cannot vouch for. */
export class FundingInputError extends Error {
  readonly code: FundingErrorCode;

  constructor(code: FundingErrorCode, message: string) {
    super(message);
    this.name = "FundingInputError";
    this.code = code;
  }
}

/** Rejects NaN, Infinity and non-numbers (JS callers, parsed forms). */
export function assertFiniteNumber(value: unknown, label: string): asserts value is number {
  if (typeof value !== "number") {
    throw new FundingInputError("NOT_A_NUMBER", `${label} must be a number`);
  }
  if (!Number.isFinite(value)) {
    throw new FundingInputError("NOT_FINITE", `${label} must be finite, got ${String(value)}`);
  }
}

/** Non-negative safe integer (counts, headcounts, cents). */
export function assertNonNegativeInteger(value: unknown, label: string): asserts value is number {
  assertFiniteNumber(value, label);
  if (!Number.isInteger(value)) {
    throw new FundingInputError("NOT_INTEGER", `${label} must be an integer, got ${value}`);
  }
  if (value < 0) {
    throw new FundingInputError("NEGATIVE", `${label} must not be negative, got ${value}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new FundingInputError("OUT_OF_RANGE", `${label} exceeds the safe integer range`);
  }
}

/** Guards sums/products so an overflow never becomes a silently wrong amount. */
export function assertSafeResult(value: number, label: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new FundingInputError("OUT_OF_RANGE", `${label} exceeds the safe integer range`);
  }
  return value;
}

export function assertBoolean(value: unknown, label: string): asserts value is boolean {
  if (value === undefined) {
    throw new FundingInputError("MISSING_INPUT", `${label} is required`);
  }
  if (typeof value !== "boolean") {
    throw new FundingInputError("MISSING_INPUT", `${label} must be true or false`);
  }
}
