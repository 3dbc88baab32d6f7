import { describe, expect, it } from "vitest";
import { daysLeftToDeposit, guichetPhase, isGuichetOpen } from "@/lib/guichets/guichet-state";

// source 003 (003_7e8834ec9bc46d44.txt): 2026 HOP'EN2 deposits from 4 May to 26 June 2026;
// source 000: instruction until 15 September 2026.
const jalon2026 = { opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" };

describe("guichet phase on a Paris calendar day", () => {
  it.each([
    ["2026-05-03", "upcoming"],
    ["2026-05-04", "open"],
    ["2026-06-26", "open"],
    ["2026-06-27", "instruction"],
    ["2026-09-15", "instruction"],
    ["2026-09-16", "finished"],
  ] as const)("%s → %s", (today, phase) => {
    expect(guichetPhase(jalon2026, today)).toBe(phase);
    expect(isGuichetOpen(jalon2026, today)).toBe(phase === "open");
  });

  it("counts the days left including the closing day, 0 when not open", () => {
    expect(daysLeftToDeposit(jalon2026, "2026-06-26")).toBe(1);
    expect(daysLeftToDeposit(jalon2026, "2026-06-01")).toBe(26);
    expect(daysLeftToDeposit(jalon2026, "2026-05-04")).toBe(54);
    expect(daysLeftToDeposit(jalon2026, "2026-06-27")).toBe(0);
    expect(daysLeftToDeposit(jalon2026, "2026-05-01")).toBe(0);
  });
});
