import { describe, expect, it } from "vitest";
import { canonicalJson, toStoredJson } from "@/lib/audit/chain";
import { summariseChange, summariseDetails } from "@/lib/audit/summary";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit/actions";
import { parseAuditSubject } from "@/lib/audit/subjects";

describe("summariseChange (before → after for the DNS page)", () => {
  it.each([
    ["only the changed fields", { active: true, role: "X" }, { active: false, role: "X" }, ["active : oui → non"]],
    ["a creation", null, { kind: "TOTP" }, ["kind : — → TOTP"]],
    ["a removal", { kind: "TOTP", label: "Téléphone" }, null, ["kind : TOTP → —", "label : Téléphone → —"]],
    ["lists", { legalEntities: ["A", "B"] }, { legalEntities: ["A"] }, ["legalEntities : A, B → A"]],
    ["an empty list", { factors: [{ kind: "TOTP" }] }, { factors: [] }, ['factors : {"kind":"TOTP"} → aucun']],
    ["scalars", 3, 4, ["3 → 4"]],
    ["nothing recorded", null, null, []],
  ])("shows %s", (_case, before, after, expected) => {
    expect(summariseChange(before, after)).toEqual(expected);
  });

  it("shortens long values", () => {
    expect(summariseChange({ reason: "x".repeat(200) }, null)[0]).toHaveLength("reason : ".length + 80 + " → —".length);
  });

  it("lists the details' first level", () => {
    expect(summariseDetails({ email: "a@b.fr", rows: 3 })).toEqual(["email : a@b.fr", "rows : 3"]);
    expect(summariseDetails(null)).toEqual([]);
  });
});

describe("the canonical serialisation hashed by the chain", () => {
  it("does not depend on key order, at any depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("hashes what jsonb gives back: Dates as ISO text, bigints as text, undefined members dropped", () => {
    expect(toStoredJson({ at: new Date("2026-01-01T00:00:00Z"), n: 10n, gone: undefined })).toEqual({ at: "2026-01-01T00:00:00.000Z", n: "10" });
    expect(toStoredJson(undefined)).toBeNull();
  });
});

describe("actions and subjects", () => {
  it("gives every action a French label, and shows an unknown one as stored", () => {
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label.length).toBeGreaterThan(3);
    expect(auditActionLabel("admin.account.created")).toBe("Compte créé");
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
  });

  it.each([
    ["dossier:abc", "dossier:abc"],
    [" legal-entity:010000024 ", "legal-entity:010000024"],
    ["national", "national"],
    ["dossier:", null],
    ["unknown:1", null],
    ["abc", null],
  ])("parses the subject %j", (raw, expected) => {
    expect(parseAuditSubject(raw)).toBe(expected);
  });
});
