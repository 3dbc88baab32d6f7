import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CARE_MAX_RELEVES, careDrawCap, careDraws, careRemaining } from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

// 39 380,00 € — the « Montant plafond au titre du domaine HospiConnect CaRE » of the form in source 003_7e8834ec9bc46d44.txt
const envelope = 3_938_000;
const claim = (requested: number, eligibleExpenses = requested) => ({ requested, eligibleExpenses });

describe("careDrawCap (source 003_7e8834ec9bc46d44.txt: the amount granted never exceeds the envelope nor the eligible expenses declared)", () => {
  it("is the least of the amount requested, the eligible expenses and what remains", () => {
    expect(careDrawCap(claim(1_500_000, 2_000_000), envelope)).toBe(1_500_000);
    expect(careDrawCap(claim(2_000_000, 1_200_000), envelope)).toBe(1_200_000);
    expect(careDrawCap(claim(3_000_000, 3_000_000), 438_000)).toBe(438_000);
    expect(careDrawCap(claim(0, 3_000_000), envelope)).toBe(0);
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) {
      expectCode(() => careDrawCap(claim(value as number, 1), envelope), code);
      expectCode(() => careDrawCap(claim(1, value as number), envelope), code);
      expectCode(() => careDrawCap(claim(1, 1), value as number), code);
    }
  });
});

describe("careRemaining", () => {
  it("takes what was granted and what relèves under instruction reserve off the envelope", () => {
    expect(careRemaining(envelope, [1_000_000, 2_500_000])).toBe(438_000);
    expect(careRemaining(envelope, [])).toBe(envelope);
  });
  it("never goes below zero when the envelope was lowered after a grant", () => {
    expect(careRemaining(1_000_000, [2_500_000])).toBe(0);
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => careRemaining(envelope, [value as number]), code);
  });
});

describe("careDraws (source 003_7e8834ec9bc46d44.txt: « une enveloppe unique … consommée en 1, 2 ou 3 fois, lors des guichets annuels »)", () => {
  it("three relèves on the 39 380,00 € envelope: the third gets what remains", () => {
    expect(careDraws(envelope, [claim(1_000_000), claim(2_500_000), claim(1_000_000)])).toEqual({
      draws: [1_000_000, 2_500_000, 438_000],
      uncovered: [0, 0, 562_000],
      totalDrawn: 3_938_000,
      remaining: 0,
    });
  });
  it("a relève is capped at its eligible expenses, and what it does not draw stays available the next year (unlike HOP'EN2)", () => {
    // 2026: 15 000 € asked, 9 000 € of eligible expenses → 9 000 €; 2027: nothing; 2028: the rest.
    expect(careDraws(envelope, [claim(1_500_000, 900_000), claim(0, 0), claim(3_038_000, 3_500_000)])).toEqual({
      draws: [900_000, 0, 3_038_000],
      uncovered: [0, 0, 0],
      totalDrawn: 3_938_000,
      remaining: 0,
    });
  });
  it("a single relève may take the whole envelope, no more", () => {
    expect(careDraws(envelope, [claim(9_999_999)])).toEqual({ draws: [3_938_000], uncovered: [6_061_999], totalDrawn: 3_938_000, remaining: 0 });
    expect(careDraws(envelope, [])).toEqual({ draws: [], uncovered: [], totalDrawn: 0, remaining: 3_938_000 });
  });
  it("rejects a fourth relève", () => {
    expect(CARE_MAX_RELEVES).toBe(3);
    expectCode(() => careDraws(envelope, [claim(1), claim(1), claim(1), claim(1)]), "TOO_MANY_RELEVES");
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) {
      expectCode(() => careDraws(value as number, [claim(1)]), code);
      expectCode(() => careDraws(envelope, [claim(1), claim(value as number, 1)]), code);
    }
  });
  it("property: draws never exceed the envelope, the request nor the eligible expenses of their relève", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.array(fc.record({ requested: fc.nat({ max: 1e12 }), eligibleExpenses: fc.nat({ max: 1e12 }) }), { maxLength: 3 }), (env, releves) => {
        const r = careDraws(env, releves);
        let sum = 0;
        r.draws.forEach((d, i) => {
          const asked = Math.min(releves[i]!.requested, releves[i]!.eligibleExpenses);
          expect(d).toBeLessThanOrEqual(asked);
          expect(d + r.uncovered[i]!).toBe(asked);
          sum += d;
        });
        expect(sum).toBe(r.totalDrawn);
        expect(r.totalDrawn).toBeLessThanOrEqual(env);
        expect(r.totalDrawn + r.remaining).toBe(env);
        if (r.remaining > 0) expect(r.uncovered.every((u) => u === 0)).toBe(true);
      }),
    );
  });
});
