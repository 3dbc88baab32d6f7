import { describe, expect, it } from "vitest";
import { followUpCsvHeader, followUpCsvLine, followUpXlsxValues, sumPartsByRegion, totalOf, emptyStatusCounts, type RegionFollowUp } from "@/lib/admin/follow-up-rows";

describe("sums per region", () => {
  it("applies the ceiling per EJ (not on the summed headcount) and adds absent amounts as 0", () => {
    const sums = sumPartsByRegion([
      // 800 agents → 39 050 €; 50 agents → 6 600 € (source 000).
      { finess: "A", regionCode: "84", headcount: 800, requested: 3_000_000, eligible: 3_905_000, decided: 2_950_050 },
      { finess: "B", regionCode: "84", headcount: 50, requested: null, eligible: null, decided: null },
      { finess: "C", regionCode: "53", headcount: 0, requested: 100, eligible: 0, decided: 0 },
    ]);
    expect(sums.get("84")).toEqual({ legalEntitiesInDossiers: 2, ceilings: 3_905_000 + 660_000, requested: 3_000_000, eligible: 3_905_000, decided: 2_950_050 });
    expect(sums.get("53")).toEqual({ legalEntitiesInDossiers: 1, ceilings: 0, requested: 100, eligible: 0, decided: 0 });
  });

  it("totals every column", () => {
    const region = (code: string, n: number): RegionFollowUp => ({
      code,
      name: code,
      legalEntities: n,
      eligibleLegalEntities: n,
      candidatures: n,
      byStatus: { ...emptyStatusCounts(), ACCEPTED: n },
      legalEntitiesInDossiers: n,
      ceilings: n * 100,
      requested: n,
      eligible: n,
      decided: n,
    });
    const total = totalOf([region("84", 2), region("53", 3)]);
    expect(total).toMatchObject({ legalEntities: 5, candidatures: 5, ceilings: 500, decided: 5, byStatus: { ACCEPTED: 5, DRAFT: 0 } });
  });
});

describe("export rows", () => {
  const record = { finess: "010000024", name: "=CH \"Test\"; Nord", regionCode: "84", regionName: "Auvergne-Rhône-Alpes", status: "ACCEPTED" as const, decidedByYear: { 2026: 2_950_050, 2027: null, 2028: 0 } };

  it("CSV: ';' separators, French status, euros with a comma, formulas neutralised, CRLF", () => {
    expect(followUpCsvHeader()).toBe("FINESS EJ;Raison sociale EJ;Code région;Région;Statut du dossier;Montant décidé 2026 (€);Montant décidé 2027 (€);Montant décidé 2028 (€)\r\n");
    expect(followUpCsvLine(record)).toBe(`010000024;"'=CH ""Test""; Nord";84;Auvergne-Rhône-Alpes;Accepté;29500,50;;0,00\r\n`);
    expect(followUpCsvLine({ ...record, status: null })).toContain(";Pas de dossier;");
  });

  it("XLSX: amounts in euros as numbers, empty when not decided", () => {
    expect(followUpXlsxValues(record)).toEqual(["010000024", "'=CH \"Test\"; Nord", "84", "Auvergne-Rhône-Alpes", "Accepté", 29_500.5, null, 0]);
  });
});
