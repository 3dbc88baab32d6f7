import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { legalEntityHeadcount, siteHeadcount } from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

// source 000: "effectifs salariés et libéraux déclarés dans la SAE des années 2024, 2023 ou 2022 le cas échéant"
describe("siteHeadcount (source 000_1a898dec8b2a4de4.txt)", () => {
  it("adds salaried and liberal staff of SAE 2024 when declared", () => {
    expect(
      siteHeadcount([
        { year: 2023, salaried: 500, liberal: 0 },
        { year: 2024, salaried: 100, liberal: 20 },
        { year: 2022, salaried: 900, liberal: 9 },
      ]),
    ).toBe(120);
  });
  it("falls back to 2023, then 2022", () => {
    expect(
      siteHeadcount([
        { year: 2022, salaried: 1, liberal: 1 },
        { year: 2023, salaried: 50, liberal: 5 },
      ]),
    ).toBe(55);
    expect(siteHeadcount([{ year: 2022, salaried: 7, liberal: 3 }])).toBe(10);
  });
  it("is 0 when none of 2024, 2023, 2022 is declared; other years are ignored", () => {
    expect(siteHeadcount([])).toBe(0);
    expect(siteHeadcount([{ year: 2021, salaried: 999, liberal: 1 }])).toBe(0);
    expect(
      siteHeadcount([
        { year: 2025, salaried: 10, liberal: 10 },
        { year: 2023, salaried: 3, liberal: 4 },
      ]),
    ).toBe(7);
  });
  it("treats a declared 2024 of zero as filled (no fallback to 2023)", () => {
    expect(
      siteHeadcount([
        { year: 2024, salaried: 0, liberal: 0 },
        { year: 2023, salaried: 100, liberal: 0 },
      ]),
    ).toBe(0);
  });
  it("rejects duplicate declarations of a year", () => {
    expectCode(
      () =>
        siteHeadcount([
          { year: 2024, salaried: 1, liberal: 0 },
          { year: 2024, salaried: 2, liberal: 0 },
        ]),
      "DUPLICATE_YEAR",
    );
    expectCode(
      () =>
        siteHeadcount([
          { year: 2020, salaried: 1, liberal: 0 },
          { year: 2020, salaried: 1, liberal: 0 },
        ]),
      "DUPLICATE_YEAR",
    );
  });
  it("rejects bad numbers in every field", () => {
    for (const [value, code] of BAD_NUMBERS) {
      expectCode(() => siteHeadcount([{ year: 2024, salaried: value as number, liberal: 0 }]), code);
      expectCode(() => siteHeadcount([{ year: 2024, salaried: 0, liberal: value as number }]), code);
      expectCode(() => siteHeadcount([{ year: value as number, salaried: 0, liberal: 0 }]), code);
    }
  });
});

describe("legalEntityHeadcount (source 000: sum of its EG)", () => {
  it("sums the sites", () => {
    expect(legalEntityHeadcount([120, 55, 0])).toBe(175);
    expect(legalEntityHeadcount([])).toBe(0);
  });
  it("rejects bad site headcounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => legalEntityHeadcount([10, value as number]), code);
    expectCode(() => legalEntityHeadcount([Number.MAX_SAFE_INTEGER, 1]), "OUT_OF_RANGE");
  });
  it("property: equals the arithmetic sum and never decreases when a site is added", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50_000 }), { maxLength: 30 }), fc.nat({ max: 50_000 }), (sites, extra) => {
        const total = legalEntityHeadcount(sites);
        let expected = 0;
        for (const s of sites) expected += s;
        expect(total).toBe(expected);
        expect(legalEntityHeadcount([...sites, extra])).toBe(total + extra);
      }),
    );
  });
});
