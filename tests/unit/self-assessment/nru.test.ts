import { describe, expect, it } from "vitest";
import { formatNru, isValidNru, nruFor, parseNru } from "@/lib/self-assessment/nru";

describe("NRU: IE-<year of validation in Paris>-<FINESS EJ>-<sequence on 6 digits>", () => {
  it("formats the example of the brief", () => {
    expect(formatNru({ year: 2026, legalEntityFiness: "998400402", sequence: 42 })).toBe("IE-2026-998400402-000042");
    expect(formatNru({ year: 2026, legalEntityFiness: "2A0000012", sequence: 1_234_567 })).toBe("IE-2026-2A0000012-1234567");
  });

  it("takes the year in Paris time: 31 December 2026 23:30 UTC is already 2027 in Paris", () => {
    expect(nruFor(new Date("2026-12-31T22:59:59Z"), "998400402", 7)).toBe("IE-2026-998400402-000007");
    expect(nruFor(new Date("2026-12-31T23:00:00Z"), "998400402", 7)).toBe("IE-2027-998400402-000007");
  });

  it("parses what it formats, tolerating spaces and lower case", () => {
    expect(parseNru("IE-2026-998400402-000042")).toEqual({ year: 2026, legalEntityFiness: "998400402", sequence: 42 });
    expect(parseNru("  ie-2026-2a0000012-000001 ")).toEqual({ year: 2026, legalEntityFiness: "2A0000012", sequence: 1 });
  });

  it.each([
    ["", "empty"],
    ["IE-2026-998400402-42", "sequence not padded"],
    ["IE-2026-998400402-0000042", "non-canonical padding"],
    ["IE-2026-99840040-000042", "FINESS of 8 characters"],
    ["IE-26-998400402-000042", "two-digit year"],
    ["IE-2026-998400402-000000", "sequence 0 is never issued"],
    ["XX-2026-998400402-000042", "wrong prefix"],
    ["IE-2026-998400402-000042-1", "trailing part"],
  ])("refuses %j (%s)", (input) => {
    expect(parseNru(input)).toBeNull();
    expect(isValidNru(input)).toBe(false);
  });

  it("refuses to format nonsense", () => {
    expect(() => formatNru({ year: 2026, legalEntityFiness: "123", sequence: 1 })).toThrow(RangeError);
    expect(() => formatNru({ year: 2026, legalEntityFiness: "998400402", sequence: 0 })).toThrow(RangeError);
    expect(() => formatNru({ year: 26, legalEntityFiness: "998400402", sequence: 1 })).toThrow(RangeError);
  });
});
