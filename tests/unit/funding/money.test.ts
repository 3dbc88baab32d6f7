import { describe, expect, it } from "vitest";
import { formatEuros, percentOfFloor, percentOfHalfUp, sumCents, euros } from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

const NNBSP = "\u202f"; // fr-FR group separator
const NBSP = "\u00a0"; // before the € sign

describe("formatEuros", () => {
  it("formats source 000's 800-agent ceiling 39 050 €", () => {
    expect(formatEuros(3_905_000)).toBe(`39${NNBSP}050,00${NBSP}€`);
  });
  it("formats cents and zero", () => {
    expect(formatEuros(1)).toBe(`0,01${NBSP}€`);
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
    expect(formatEuros(2_499_205)).toBe(`24${NNBSP}992,05${NBSP}€`);
  });
  it("keeps every cent of the largest safe integer (no float division)", () => {
    expect(formatEuros(Number.MAX_SAFE_INTEGER)).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`,
    );
  });
  it("formats negative differences", () => {
    expect(formatEuros(-5)).toBe(`-0,05${NBSP}€`);
  });
  it("rejects non-integer or non-finite cents", () => {
    expectCode(() => formatEuros(1.5), "NOT_INTEGER");
    expectCode(() => formatEuros(Number.NaN), "NOT_FINITE");
    expectCode(() => formatEuros(Number.POSITIVE_INFINITY), "NOT_FINITE");
  });
});

describe("cents arithmetic", () => {
  it("euros() converts whole euros", () => {
    expect(euros(39_050)).toBe(3_905_000);
    expectCode(() => euros(1.5), "NOT_INTEGER");
  });
  it("sums exactly where floats would drift", () => {
    // 0.1 € + 0.2 € in floats is 0.30000000000000004; in cents it is 30.
    expect(sumCents([10, 20])).toBe(30);
    expect(sumCents([])).toBe(0);
    expectCode(() => sumCents([Number.MAX_SAFE_INTEGER, 1]), "OUT_OF_RANGE");
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => sumCents([value as number]), code);
  });
  it("percentOfFloor floors, percentOfHalfUp rounds half-up", () => {
    // source 000: 64 % × 39 050 € = 24 992 € (exact)
    expect(percentOfFloor(3_905_000, 64)).toBe(2_499_200);
    expect(percentOfHalfUp(3_905_000, 64)).toBe(2_499_200);
    // 3 cents × 50 % = 1.5 cent
    expect(percentOfFloor(3, 50)).toBe(1);
    expect(percentOfHalfUp(3, 50)).toBe(2);
    // 3 cents × 52 % = 1.56 cent
    expect(percentOfFloor(3, 52)).toBe(1);
    expect(percentOfHalfUp(3, 52)).toBe(2);
    // 1 cent × 40 % = 0.4 cent
    expect(percentOfHalfUp(1, 40)).toBe(0);
  });
});
