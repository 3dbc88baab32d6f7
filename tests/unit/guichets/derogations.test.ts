import { describe, expect, it } from "vitest";
import { datesWithDerogations } from "@/lib/guichets/derogations";

const base = { opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" };
const day = (date: string) => new Date(`${date}T00:00:00Z`);
const carrier = { finess: "990000001", regionCode: "84" };

describe("derogations extend a guichet's deadline for one region or one EJ", () => {
  it("applies a derogation of the EJ's region, not of another region", () => {
    expect(datesWithDerogations(base, [{ regionCode: "84", legalEntityFiness: null, closesOn: day("2026-07-03"), instructionEndsOn: null }], carrier).closesOn).toBe("2026-07-03");
    expect(datesWithDerogations(base, [{ regionCode: "53", legalEntityFiness: null, closesOn: day("2026-07-03"), instructionEndsOn: null }], carrier).closesOn).toBe("2026-06-26");
  });

  it("applies a derogation of the EJ itself, and the latest date wins", () => {
    const dates = datesWithDerogations(
      base,
      [
        { regionCode: null, legalEntityFiness: "990000001", closesOn: day("2026-07-10"), instructionEndsOn: day("2026-09-30") },
        { regionCode: "84", legalEntityFiness: null, closesOn: day("2026-07-03"), instructionEndsOn: null },
        { regionCode: null, legalEntityFiness: "990000002", closesOn: day("2026-08-01"), instructionEndsOn: null },
      ],
      carrier,
    );
    expect(dates).toEqual({ opensOn: "2026-05-04", closesOn: "2026-07-10", instructionEndsOn: "2026-09-30" });
  });

  it("never shortens a deadline, and keeps the instruction end after the closing", () => {
    expect(datesWithDerogations(base, [{ regionCode: "84", legalEntityFiness: null, closesOn: day("2026-06-01"), instructionEndsOn: day("2026-08-01") }], carrier)).toEqual(base);
    expect(datesWithDerogations(base, [{ regionCode: "84", legalEntityFiness: null, closesOn: day("2026-10-01"), instructionEndsOn: null }], carrier).instructionEndsOn).toBe("2026-10-01");
  });
});
