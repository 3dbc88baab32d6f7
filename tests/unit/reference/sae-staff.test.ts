import { describe, expect, it } from "vitest";
import { headcountWithUnlisted, withUnlistedSites } from "@/lib/reference/sae-staff";

const listed = [
  { finess: "220000608", name: "CH Bon Sauveur", staffCounts: [{ year: 2023, salaried: 10, liberal: 1 }] },
  { finess: "220005672", name: "HDJ Guingamp", staffCounts: [] },
];

describe("withUnlistedSites (issue 12 §6)", () => {
  it("adds an EG known only from the SAE after the listed ones, without a Site", () => {
    const merged = withUnlistedSites(listed, [{ siteFiness: "220000210", year: 2023, salaried: 701, liberal: 0 }]);
    expect(merged.map((entry) => [entry.finess, entry.site?.name ?? null, entry.staffCounts])).toEqual([
      ["220000608", "CH Bon Sauveur", [{ year: 2023, salaried: 10, liberal: 1 }]],
      ["220005672", "HDJ Guingamp", []],
      ["220000210", null, [{ year: 2023, salaried: 701, liberal: 0 }]],
    ]);
  });

  it("joins the rows of an EG the register lists since, its own year winning", () => {
    const merged = withUnlistedSites(listed, [
      { siteFiness: "220000608", year: 2023, salaried: 999, liberal: 0 },
      { siteFiness: "220000608", year: 2024, salaried: 20, liberal: 2 },
    ]);
    expect(merged[0]?.staffCounts).toEqual([
      { year: 2023, salaried: 10, liberal: 1 },
      { year: 2024, salaried: 20, liberal: 2 },
    ]);
    expect(merged).toHaveLength(2);
  });

  it("sums source 000's headcount over listed and SAE-only EG, the most recent year per EG", () => {
    const unlisted = [
      { siteFiness: "220000210", year: 2022, salaried: 676, liberal: 0 },
      { siteFiness: "220000210", year: 2023, salaried: 701, liberal: 0 },
    ];
    expect(headcountWithUnlisted(listed, unlisted)).toBe(11 + 701);
    expect(headcountWithUnlisted(listed, [])).toBe(11);
  });
});
