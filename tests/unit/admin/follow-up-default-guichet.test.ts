import { describe, expect, it } from "vitest";
import { defaultFollowUpGuichet, type DatedGuichet } from "@/lib/admin/follow-up-default-guichet";

// The programme's calendar (prisma/seed-data/guichets.ts, sources 000, 001 and 003).
const candidature2026: DatedGuichet = { id: "candidature-2026", code: "HOPEN2-CANDIDATURE-2026", opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" };
const aap2026: DatedGuichet = { id: "aap-2026", code: "AAP-HOPEN2-2026", opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" };
const milestone2026: DatedGuichet = { id: "jalon-2026", code: "HOPEN2-JALON-2026", opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" };
const care2026: DatedGuichet = { id: "care-2026", code: "CARE-RELEVE-2026", opensOn: "2026-06-15", closesOn: "2026-07-15", instructionEndsOn: "2026-09-30" };
const milestone2027: DatedGuichet = { id: "jalon-2027", code: "HOPEN2-JALON-2027", opensOn: "2027-05-03", closesOn: "2027-06-11", instructionEndsOn: "2027-09-15" };
const milestone2028: DatedGuichet = { id: "jalon-2028", code: "HOPEN2-JALON-2028", opensOn: "2028-05-02", closesOn: "2028-06-16", instructionEndsOn: "2028-09-15" };
// Latest opening first, as the page lists them: the old default took the first one, an empty future guichet.
const calendar = [milestone2028, milestone2027, care2026, milestone2026, aap2026, candidature2026];

const pick = (today: string, guichets: readonly DatedGuichet[] = calendar) => defaultFollowUpGuichet(guichets, today)?.id ?? null;

describe("the guichet the national follow-up opens on", () => {
  it("is the open guichet, not the one that opens last (the demo date: 2026 milestone open, AAP in instruction, 2027 and 2028 to come)", () => {
    expect(pick("2026-06-01")).toBe("jalon-2026");
  });

  it("is the open guichet that closes first when two are open (2026 milestone until 26 June, CaRE until 15 July)", () => {
    expect(pick("2026-06-20")).toBe("jalon-2026");
    // Opening and closing days are included (Paris calendar days).
    expect(pick("2026-06-26")).toBe("jalon-2026");
    expect(pick("2026-06-27")).toBe("care-2026");
  });

  it("is a guichet in instruction when none is open: the one whose instruction ends first", () => {
    // 16 July 2026: AAP (until 31 July), 2026 milestone (15 Sept.) and CaRE (30 Sept.) in instruction.
    expect(pick("2026-07-16")).toBe("aap-2026");
    expect(pick("2026-08-01")).toBe("jalon-2026");
    expect(pick("2026-09-16")).toBe("care-2026");
    // The candidature's instruction (until 31 March) before the AAP opens on 1 April.
    expect(pick("2026-03-31")).toBe("candidature-2026");
  });

  it("is the last closed guichet between two windows, never the empty one to come", () => {
    // 1 October 2026: everything of 2026 finished, CaRE ended last (30 Sept.); 2027 is still to come.
    expect(pick("2026-10-01")).toBe("care-2026");
    // After the whole calendar: the 2028 milestone.
    expect(pick("2029-01-01")).toBe("jalon-2028");
  });

  it("is none when every guichet is still to come", () => {
    expect(pick("2026-01-14")).toBeNull();
    expect(pick("2026-06-01", [])).toBeNull();
  });

  it("does not depend on the order of the list (ties broken by opening day, then code)", () => {
    const twin: DatedGuichet = { ...milestone2026, id: "jalon-2026-bis", code: "HOPEN2-JALON-2026-BIS" };
    expect(pick("2026-06-01", [twin, milestone2026])).toBe("jalon-2026");
    expect(pick("2026-06-01", [milestone2026, twin])).toBe("jalon-2026");
    expect(pick("2026-06-01", [...calendar].reverse())).toBe("jalon-2026");
  });
});
