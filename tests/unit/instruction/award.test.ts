import { describe, expect, it } from "vitest";
import { checkAward, isPartialAward, PARTIAL_AWARD_REASON_MAX_LENGTH } from "@/lib/instruction/award";

// source 000_1a898dec8b2a4de4.txt: an EJ of 800 agents declaring 30 000 € of expenses has 39 050 € eligible
// in 2026, capped at the 30 000 € declared: the ARS may award at most 3 000 000 cents.
const CAP = 3_000_000;

describe("an ARS award on one EJ (issue 9, §2.10: a partial award needs a reason)", () => {
  it("no amount given: the cap is awarded, with no reason", () => {
    expect(checkAward({ cap: CAP, amount: null })).toEqual({ ok: true, amount: CAP, cap: CAP, reason: null });
    expect(checkAward({ cap: CAP, amount: undefined, reason: "ignoré" })).toEqual({ ok: true, amount: CAP, cap: CAP, reason: null });
  });

  it("the cap itself: no reason needed, and a reason given is not kept", () => {
    expect(checkAward({ cap: CAP, amount: CAP, reason: "Inutile" })).toEqual({ ok: true, amount: CAP, cap: CAP, reason: null });
  });

  it("one cent below the cap is partial: without a reason it is refused, with a French message that names the maximum", () => {
    expect(isPartialAward(CAP - 1, CAP)).toBe(true);
    expect(isPartialAward(CAP, CAP)).toBe(false);
    const refused = checkAward({ cap: CAP, amount: CAP - 1 });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.reasonError).toMatch(/^Indiquez le motif : le montant accordé est inférieur au montant maximal de 30\s000,00\s€\./);
    expect(checkAward({ cap: CAP, amount: 2_500_000, reason: "   \n " }).ok).toBe(false);
  });

  it("a partial award with its reason: kept trimmed", () => {
    expect(checkAward({ cap: CAP, amount: 2_500_000, reason: "  Dépenses éditeurs non justifiées.  " })).toEqual({ ok: true, amount: 2_500_000, cap: CAP, reason: "Dépenses éditeurs non justifiées." });
  });

  it("zero is a partial award too (it needs a reason); a zero cap awards zero without one", () => {
    expect(checkAward({ cap: CAP, amount: 0 }).ok).toBe(false);
    expect(checkAward({ cap: 0, amount: 0 })).toEqual({ ok: true, amount: 0, cap: 0, reason: null });
  });

  it("above the cap, negative or not an integer of cents: refused on the amount", () => {
    expect(checkAward({ cap: CAP, amount: CAP + 1, reason: "x" })).toEqual({ ok: false, amountError: "Le montant accordé ne peut dépasser 30\u202f000,00\u00a0€ (montant éligible écrêté aux dépenses déclarées)." });
    expect(checkAward({ cap: CAP, amount: -1 }).ok).toBe(false);
    expect(checkAward({ cap: CAP, amount: 10.5 }).ok).toBe(false);
  });

  it("a reason of more than 2 000 characters is refused", () => {
    expect(checkAward({ cap: CAP, amount: 1, reason: "a".repeat(PARTIAL_AWARD_REASON_MAX_LENGTH) }).ok).toBe(true);
    const tooLong = checkAward({ cap: CAP, amount: 1, reason: "a".repeat(PARTIAL_AWARD_REASON_MAX_LENGTH + 1) });
    expect(tooLong.ok ? null : tooLong.reasonError).toBe("Le motif compte au plus 2 000 caractères.");
  });
});
