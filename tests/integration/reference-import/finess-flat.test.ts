import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { importFinessFlatCsv, importSaeSygen } from "@/lib/reference/import";
import { useTestDatabase } from "../support/test-database";
import { bytesStream, FINESS_EXTRACT, fileStream, gunzipFile, SYGEN_2022, SYGEN_2023 } from "./helpers";

let db: Database;
beforeAll(async () => {
  db = (await useTestDatabase()).db;
});
const meta = { fileName: "finess_eg_22_20210108_flat.csv.gz" };

describe("importFinessFlatCsv on the committed extract (Côtes-d'Armor)", () => {
  it("imports every EG and derives the EJ", async () => {
    const report = await importFinessFlatCsv(db, fileStream(FINESS_EXTRACT), meta);
    expect(report.error).toBeUndefined();
    expect(report.status).toBe("SUCCEEDED");
    expect(report.counts).toMatchObject({ read: 882, created: 882, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.site.count()).toBe(882);
    const ej = await db.legalEntity.findUniqueOrThrow({ where: { finess: "220000020" }, include: { sites: { orderBy: { finess: "asc" } } } });
    // A hospital that also runs a dialysis unit (its UDM 220020101) is not a dialysis centre.
    expect(ej).toMatchObject({ name: "CENTRE HOSPITALIER YVES LE FOLL", legalStatus: "PUBLIC", category: "1102", regionCode: "53", isDialysisCentre: false });
    // AUB Santé (ESPIC, SPH 6): 8 of its 9 EG in the extract are dialysis units (agrégat 1203), one an HAD → a dialysis centre (source 002).
    const aub = await db.legalEntity.findUniqueOrThrow({ where: { finess: "350000626" }, include: { _count: { select: { sites: true } } } });
    expect(aub).toMatchObject({ legalStatus: "PRIVATE_NON_PROFIT", isDialysisCentre: true, _count: { sites: 9 } });
    expect(ej.sites.map((s) => s.finess)).toEqual(["220000012", "220005284", "220006597", "220019061", "220020101", "220020119", "220022149"]);
    expect(ej.sites[0]).toMatchObject({ name: "CENTRE HOSPITALIER YVES LE FOLL", category: "355", postalCode: "22023", city: "ST BRIEUC CEDEX 1" });
    const run = await db.importRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run).toMatchObject({ kind: "FINESS_FLAT_CSV", status: "SUCCEEDED", fileName: meta.fileName, sha256: report.sha256 });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const report = await importFinessFlatCsv(db, fileStream(FINESS_EXTRACT), meta);
    expect(report.counts).toMatchObject({ read: 882, created: 0, updated: 0, unchanged: 882, rejected: 0, legalEntitiesCreated: 0, legalEntitiesUpdated: 0 });
    expect(await db.site.count()).toBe(882);
  });

  it("imports SAE 2023 and 2022 staff of the EG, reporting unknown FI", async () => {
    for (const [file, year] of [[SYGEN_2023, 2023], [SYGEN_2022, 2022]] as const) {
      const report = await importSaeSygen(db, fileStream(file), { fileName: `SYGEN_${year}`, startedById: null });
      expect(report.status).toBe("SUCCEEDED");
      expect(report.counts.read).toBe(39);
      expect(report.counts.unknownSites).toBeGreaterThanOrEqual(1);
      expect(report.rejects.some((r) => r.reason.includes("220000210"))).toBe(true);
      const again = await importSaeSygen(db, fileStream(file), { fileName: `SYGEN_${year}` });
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: report.counts.created });
    }
    // CH Yves Le Foll (Saint-Brieuc): 2023 EFFSAL_TOT 312 + EFF_TOT_PNM 3166, EFFLIB_TOT 0.
    expect(await db.saeStaffCount.findUnique({ where: { siteFiness_year: { siteFiness: "220000012", year: 2023 } } })).toMatchObject({ salaried: 3478, liberal: 0 });
    // 2022: EFFSAL_TOT 301 + EFF_TOT_PNM 3077, EFFLIB_TOT empty → 0.
    expect(await db.saeStaffCount.findUnique({ where: { siteFiness_year: { siteFiness: "220000012", year: 2022 } } })).toMatchObject({ salaried: 3378, liberal: 0 });
  });

  it("rolls everything back when the file fails mid-way (truncated last line after 2 000 lines)", async () => {
    const lines = gunzipFile(FINESS_EXTRACT).trimEnd().split("\n");
    const header = lines[0] ?? "";
    const body = lines.slice(1).map((line) => line.replace(/^22/, "35").replace(/;22([0-9]{3});/, ";35$1;"));
    // 3 × 882 lines of fresh FINESS (other numbers), then a cut line: several batches are written before the failure.
    const fresh = [0, 1, 2].flatMap((k) => body.map((line) => line.replace(/^35([0-9])/, `3${5 + k}$1`)));
    const text = [header, ...fresh, "350000000;350000001;CUT"].join("\n");
    const before = await db.site.count();
    const ejBefore = await db.legalEntity.count();
    const report = await importFinessFlatCsv(db, bytesStream(text, 65_536), { fileName: "cut.csv" });
    expect(report.status).toBe("FAILED");
    expect(report.error).toMatch(/tronqué/);
    expect(await db.site.count()).toBe(before);
    expect(await db.legalEntity.count()).toBe(ejBefore);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/tronqué/);
  });
});
