import { describe, expect, it } from "vitest";
import { depositDraftSchema } from "@/lib/dossiers/dossier-input";
import { EURO_MESSAGES, MAX_EURO_AMOUNT_CENTS, formatEuros, hospiconnectAnnualCeiling, parseEuroAmount } from "@/lib/funding";

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("every euro amount of the portal is bounded (issue 9 §2.6)", () => {
  it("the bound is 10 000 000,00 €, far above the highest yearly HospiConnect ceiling of an EJ (source 000's tiers)", () => {
    expect(MAX_EURO_AMOUNT_CENTS).toBe(1_000_000_000);
    // An EJ of 100 000 agents, bigger than any in France: 6 600 + 200 × 33 + 4 750 × 47 + 5 000 × 33 + 90 000 × 32 = 3 281 450 €.
    expect(hospiconnectAnnualCeiling(100_000)).toBe(328_145_000);
    expect(hospiconnectAnnualCeiling(100_000)).toBeLessThan(MAX_EURO_AMOUNT_CENTS);
  });

  it.each([
    ["10 000 000", 1_000_000_000],
    ["10 000 000,00", 1_000_000_000],
    ["10000000,00 €", 1_000_000_000],
    ["9 999 999,99", 999_999_999],
  ])("%j is accepted (at the limit or below)", (typed, cents) => {
    expect(parseEuroAmount(typed)).toEqual({ ok: true, value: cents });
  });

  it.each(["10 000 000,01", "10000000.01", "10 000 001", "1 000 000 000 000", "99999999999999999999"])("%j is refused: above the limit", (typed) => {
    expect(parseEuroAmount(typed)).toEqual({ ok: false, error: "TOO_LARGE" });
  });

  it("the message says the limit, in French", () => {
    expect(plain(EURO_MESSAGES.TOO_LARGE)).toBe("Le montant ne peut dépasser 10 000 000,00 €.");
    expect(EURO_MESSAGES.TOO_LARGE).toContain(formatEuros(MAX_EURO_AMOUNT_CENTS));
  });

  it("the server refuses too: a deposit draft with one cent above the limit is invalid, with that message", () => {
    const part = (requested: number) => ({
      legalEntityFiness: "998400700",
      nru: null,
      expenses: { rh_internes: 0, prestations_externes: MAX_EURO_AMOUNT_CENTS, depenses_editeurs: 0 },
      mandatoryObjectiveMet: null,
      objectivesReached: [],
      requested,
    });
    expect(depositDraftSchema.safeParse({ parts: [part(MAX_EURO_AMOUNT_CENTS)] }).success).toBe(true);
    const refused = depositDraftSchema.safeParse({ parts: [part(MAX_EURO_AMOUNT_CENTS + 1)] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), plain(issue.message)])).toEqual([["parts.0.requested", "Le montant ne peut dépasser 10 000 000,00 €."]]);
    // The 1 000 000 000 000 € of the issue, as cents.
    expect(depositDraftSchema.safeParse({ parts: [{ ...part(0), expenses: { rh_internes: 100_000_000_000_000, prestations_externes: 0, depenses_editeurs: 0 } }] }).success).toBe(false);
  });
});
