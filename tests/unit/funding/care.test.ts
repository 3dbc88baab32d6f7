import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CARE_MAX_RELEVES, careDraws } from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

describe("careDraws (source 003_7e8834ec9bc46d44.txt: single envelope, consumed in 1, 2 or 3 relèves)", () => {
  const envelope = 3_938_000; // 39 380,00 € — the "Montant plafond au titre du domaine HospiConnect CaRE" shown in source 003
  it("each relève draws its declared expenses while the envelope lasts", () => {
    expect(careDraws(envelope, [1_000_000, 2_500_000, 1_000_000])).toEqual({
      draws: [1_000_000, 2_500_000, 438_000],
      uncovered: [0, 0, 562_000],
      totalDrawn: 3_938_000,
      remaining: 0,
    });
  });
  it("what is not drawn one year stays available (unlike HOP'EN2)", () => {
    expect(careDraws(envelope, [0, 500_000, 3_438_000])).toEqual({
      draws: [0, 500_000, 3_438_000],
      uncovered: [0, 0, 0],
      totalDrawn: 3_938_000,
      remaining: 0,
    });
  });
  it("a single relève may take the whole envelope, no more", () => {
    expect(careDraws(envelope, [9_999_999])).toEqual({ draws: [3_938_000], uncovered: [6_061_999], totalDrawn: 3_938_000, remaining: 0 });
    expect(careDraws(envelope, [])).toEqual({ draws: [], uncovered: [], totalDrawn: 0, remaining: 3_938_000 });
  });
  it("rejects a fourth relève", () => {
    expect(CARE_MAX_RELEVES).toBe(3);
    expectCode(() => careDraws(envelope, [1, 1, 1, 1]), "TOO_MANY_RELEVES");
  });
  it("rejects bad amounts", () => {
    for (const [value, code] of BAD_NUMBERS) {
      expectCode(() => careDraws(value as number, [1]), code);
      expectCode(() => careDraws(envelope, [1, value as number]), code);
    }
  });
  it("property: draws never exceed the envelope nor the expenses of their relève", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e12 }),
        fc.array(fc.nat({ max: 1e12 }), { maxLength: 3 }),
        (env, expenses) => {
          const r = careDraws(env, expenses);
          let sum = 0;
          r.draws.forEach((d, i) => {
            expect(d).toBeLessThanOrEqual(expenses[i]!);
            expect(d + r.uncovered[i]!).toBe(expenses[i]);
            sum += d;
          });
          expect(sum).toBe(r.totalDrawn);
          expect(r.totalDrawn).toBeLessThanOrEqual(env);
          expect(r.totalDrawn + r.remaining).toBe(env);
          // greedy: the envelope is only left over when every expense was covered
          if (r.remaining > 0) expect(r.uncovered.every((u) => u === 0)).toBe(true);
        },
      ),
    );
  });
});
