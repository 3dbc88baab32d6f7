import { expect } from "vitest";
import { FundingInputError } from "../../../lib/funding";

/** Asserts that fn throws a FundingInputError with the given code. */
export function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected FundingInputError ${code}`).toBeInstanceOf(FundingInputError);
  expect(caught).toBeInstanceOf(Error);
  expect((caught as FundingInputError).code).toBe(code);
}

/** Values no numeric input may accept, with the code each must raise. */
export const BAD_NUMBERS: readonly [unknown, string][] = [
  [-1, "NEGATIVE"],
  [1.5, "NOT_INTEGER"],
  [Number.NaN, "NOT_FINITE"],
  [Number.POSITIVE_INFINITY, "NOT_FINITE"],
  [Number.NEGATIVE_INFINITY, "NOT_FINITE"],
  ["12", "NOT_A_NUMBER"],
  [2 ** 53, "OUT_OF_RANGE"],
];
