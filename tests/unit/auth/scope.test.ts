import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, canAccessRegion, type LegalEntityScope } from "@/lib/auth/scope";

const user = (overrides: Partial<CurrentUser>): CurrentUser => ({
  id: "u",
  email: "u@test.fr",
  name: "U",
  role: "ESTABLISHMENT_REFERENT",
  regionCode: null,
  linkedLegalEntities: [],
  ...overrides,
});

// Region 84: GHT led by SUPPORT with MEMBER; ALONE outside any GHT. Region 53: OTHER.
const SUPPORT: LegalEntityScope = { finess: "990000001", regionCode: "84", ghtSupportFiness: "990000001" };
const MEMBER: LegalEntityScope = { finess: "990000002", regionCode: "84", ghtSupportFiness: "990000001" };
const ALONE: LegalEntityScope = { finess: "990000003", regionCode: "84", ghtSupportFiness: null };
const OTHER: LegalEntityScope = { finess: "990000004", regionCode: "53", ghtSupportFiness: null };
const ALL = { SUPPORT, MEMBER, ALONE, OTHER };

const matrix: [string, CurrentUser, (keyof typeof ALL)[]][] = [
  ["referent of the GHT support EJ (acts for the whole GHT, source 000)", user({ linkedLegalEntities: [SUPPORT.finess] }), ["SUPPORT", "MEMBER"]],
  ["referent of a GHT member EJ", user({ linkedLegalEntities: [MEMBER.finess] }), ["MEMBER"]],
  ["referent of an EJ outside any GHT", user({ linkedLegalEntities: [ALONE.finess] }), ["ALONE"]],
  ["referent of two EJ", user({ linkedLegalEntities: [ALONE.finess, OTHER.finess] }), ["ALONE", "OTHER"]],
  ["referent with no EJ", user({}), []],
  ["ARS instructor of region 84", user({ role: "ARS_INSTRUCTOR", regionCode: "84" }), ["SUPPORT", "MEMBER", "ALONE"]],
  ["ARS instructor of region 53", user({ role: "ARS_INSTRUCTOR", regionCode: "53" }), ["OTHER"]],
  ["ARS instructor without a region", user({ role: "ARS_INSTRUCTOR", regionCode: null }), []],
  ["ARS instructor wrongly linked to an EJ (links give instructors nothing)", user({ role: "ARS_INSTRUCTOR", regionCode: "53", linkedLegalEntities: [ALONE.finess] }), ["OTHER"]],
  ["DNS admin", user({ role: "DNS_ADMIN" }), ["SUPPORT", "MEMBER", "ALONE", "OTHER"]],
];

describe("canAccessLegalEntity: roles × scopes", () => {
  it.each(matrix)("%s", (_label, actor, allowed) => {
    for (const [name, entity] of Object.entries(ALL)) {
      expect({ name, allowed: canAccessLegalEntity(actor, entity) }).toEqual({ name, allowed: allowed.includes(name as keyof typeof ALL) });
    }
  });
});

describe("canAccessRegion", () => {
  it("lets an instructor into its own region only, an admin everywhere, a referent nowhere", () => {
    expect(canAccessRegion(user({ role: "ARS_INSTRUCTOR", regionCode: "84" }), "84")).toBe(true);
    expect(canAccessRegion(user({ role: "ARS_INSTRUCTOR", regionCode: "84" }), "53")).toBe(false);
    expect(canAccessRegion(user({ role: "DNS_ADMIN" }), "53")).toBe(true);
    expect(canAccessRegion(user({ linkedLegalEntities: [ALONE.finess] }), "84")).toBe(false);
  });
});
