import { describe, expect, it } from "vitest";
import {
  ELIGIBLE_EG_CATEGORIES,
  ELIGIBLE_EJ_CATEGORIES,
  assertFiness,
  finessPmsi,
  isEligibleEgCategory,
  isEligibleEjCategory,
  isEligibleEstablishmentCategory,
  isValidFiness,
  type LegalStatus,
} from "../../../lib/funding";
import { expectCode } from "./helpers";

const SRC = "source 002_7a0cc7521312e21b.txt annex 2";

describe("FINESS format", () => {
  it("accepts 9 characters [0-9][0-9A-Z][0-9]{7}", () => {
    expect(isValidFiness("750712184")).toBe(true);
    expect(isValidFiness("2A0000010")).toBe(true); // Corse-du-Sud
    expect(isValidFiness("2B0000010")).toBe(true);
  });
  it("rejects anything else", () => {
    for (const bad of ["75071218", "7507121845", "A50712184", "75071218A", "2a0000010", " 750712184", "", "7507-2184"]) {
      expect(isValidFiness(bad)).toBe(false);
      expectCode(() => assertFiness(bad), "INVALID_FINESS");
    }
    expect(isValidFiness(750712184)).toBe(false);
  });
});

describe(`eligible FINESS categories (${SRC})`, () => {
  it("EJ: 1101, 1102, 1103, 1104, 1106, 1107, 1109, 1110, 1111, 1201, 1203, 1205, 2205", () => {
    expect([...ELIGIBLE_EJ_CATEGORIES].sort()).toEqual(
      ["1101", "1102", "1103", "1104", "1106", "1107", "1109", "1110", "1111", "1201", "1203", "1205", "2205"].sort(),
    );
    expect(isEligibleEjCategory("1101")).toBe(true);
    expect(isEligibleEjCategory(2205)).toBe(true);
    expect(isEligibleEjCategory("1105")).toBe(false);
    expect(isEligibleEjCategory("1108")).toBe(false);
  });
  it("EG: the 25 codes of the source", () => {
    expect(ELIGIBLE_EG_CATEGORIES).toHaveLength(25);
    for (const code of ["101", "106", "109", "114", "115", "122", "127", "128", "129", "131", "141", "146", "156", "161", "292", "362", "355", "365", "366", "412", "415", "425", "430", "444", "697"]) {
      expect(isEligibleEgCategory(code)).toBe(true);
    }
    expect(isEligibleEgCategory("102")).toBe(false);
    expect(isEligibleEgCategory(500)).toBe(false);
  });
  it("both categories must be eligible", () => {
    expect(isEligibleEstablishmentCategory({ ejCategory: "1101", egCategory: "101" })).toBe(true);
    expect(isEligibleEstablishmentCategory({ ejCategory: "1101", egCategory: "102" })).toBe(false);
    expect(isEligibleEstablishmentCategory({ ejCategory: "1105", egCategory: "101" })).toBe(false);
  });
  it("rejects malformed codes", () => {
    expectCode(() => isEligibleEjCategory("11O1"), "INVALID_CODE");
    expectCode(() => isEligibleEgCategory(""), "INVALID_CODE");
    expectCode(() => isEligibleEgCategory(1.5), "INVALID_CODE");
  });
});

describe(`finessPmsi (${SRC})`, () => {
  const ids = { finessEj: "750712184", finessEg: "750100042" };
  it.each([
    ["public", false, "EJ"],
    ["public", true, "EJ"],
    ["private_for_profit", true, "EJ"], // centre de dialyse (privé) → FINESS juridique
    ["private_for_profit", false, "EG"],
    ["private_non_profit", false, "EG"],
    ["private_non_profit", true, "EJ"],
  ] as const)("%s, dialysis %s → FINESS %s", (legalStatus, isDialysisCentre, level) => {
    const r = finessPmsi({ ...ids, legalStatus, isDialysisCentre });
    expect(r).toEqual({ level, finess: level === "EJ" ? ids.finessEj : ids.finessEg });
  });
  it("the ATIH declaration overrides the rule ('sauf exception selon la déclaration à l'ATIH')", () => {
    expect(finessPmsi({ ...ids, legalStatus: "private_for_profit", isDialysisCentre: false, atihDeclaredLevel: "EJ" })).toEqual({
      level: "EJ",
      finess: ids.finessEj,
    });
  });
  it("rejects bad inputs", () => {
    expectCode(() => finessPmsi({ ...ids, legalStatus: "associatif" as LegalStatus, isDialysisCentre: false }), "UNKNOWN_CATEGORY");
    expectCode(() => finessPmsi({ ...ids, finessEj: "123", legalStatus: "public", isDialysisCentre: false }), "INVALID_FINESS");
    expectCode(() => finessPmsi({ ...ids, finessEg: "12345678X", legalStatus: "public", isDialysisCentre: false }), "INVALID_FINESS");
    expectCode(() => finessPmsi({ ...ids, legalStatus: "public", isDialysisCentre: undefined as unknown as boolean }), "MISSING_INPUT");
  });
});
