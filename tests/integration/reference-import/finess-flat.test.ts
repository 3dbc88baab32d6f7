import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { importFinessFlatCsv, importSaeSygen } from "@/lib/reference/import";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";
import { useTestDatabase } from "../support/test-database";
import { bytesStream, FINESS_EXTRACT, fileStream, gunzipFile, SYGEN_2022, SYGEN_2023 } from "./helpers";

let db: Database;
beforeAll(async () => {
  db = (await useTestDatabase()).db;
});
const meta = { fileName: "finess_eg_22_20210108_flat.csv.gz" };
const admin: CurrentUser = { id: "dns", email: "dns@test.fr", name: "DNS", role: "DNS_ADMIN", regionCode: null, linkedLegalEntities: [] };

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

  it("imports SAE 2023 and 2022 staff of the EG; a line whose EG FINESS does not list counts for its known FI_EJ", async () => {
    for (const [file, year, line] of [[SYGEN_2023, 2023, 26], [SYGEN_2022, 2022, 6]] as const) {
      const report = await importSaeSygen(db, fileStream(file), { fileName: `SYGEN_${year}`, startedById: null });
      expect(report.status).toBe("SUCCEEDED");
      expect(report.counts).toMatchObject({ read: 39, unknownSites: 0, unlistedSites: 1 });
      expect(report.rejects.filter((r) => r.reason.includes("220000210"))).toEqual([]);
      // FI 220000210 is no EG of the 2021 register, but its FI_EJ is the Fondation Bon Sauveur's EJ (issue 12 §6).
      expect(report.notices).toEqual([{ line, reason: "EG 220000210 (FI) absent du répertoire FINESS importé : effectifs comptés pour l'EJ 220000210 (FI_EJ)" }]);
      const run = await db.importRun.findUniqueOrThrow({ where: { id: report.runId } });
      expect(run.notices).toEqual(report.notices);
      const again = await importSaeSygen(db, fileStream(file), { fileName: `SYGEN_${year}` });
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: report.counts.created });
    }
    // SAE 2023 of FI 220000210: EFFSAL_TOT 37 + EFF_TOT_PNM 664, EFFLIB_TOT 0; 2022: 36 + 640, EFFLIB_TOT empty.
    expect(await db.saeUnlistedStaffCount.findMany({ where: { siteFiness: "220000210" }, orderBy: { year: "asc" } })).toMatchObject([
      { legalEntityFiness: "220000210", year: 2022, salaried: 676, liberal: 0 },
      { legalEntityFiness: "220000210", year: 2023, salaried: 701, liberal: 0 },
    ]);
    // The ceiling follows: 2023 wins over 2022, 701 agents → source 000's tiers 6 600 € + 200 × 33 € + 451 × 47 € = 34 397 €.
    const bonSauveur = await getLegalEntityForUser(db, admin, "220000210");
    expect(bonSauveur).toMatchObject({ headcount: 701, annualCeiling: 3_439_700 });
    expect(bonSauveur.sites.filter((site) => !site.listedInFiness)).toMatchObject([{ finess: "220000210", saeYear: 2023, headcount: 701 }]);
    expect(bonSauveur.sites.filter((site) => site.listedInFiness)).toHaveLength(20);
    // CH Yves Le Foll (Saint-Brieuc): 2023 EFFSAL_TOT 312 + EFF_TOT_PNM 3166, EFFLIB_TOT 0.
    expect(await db.saeStaffCount.findUnique({ where: { siteFiness_year: { siteFiness: "220000012", year: 2023 } } })).toMatchObject({ salaried: 3478, liberal: 0 });
    // 2022: EFFSAL_TOT 301 + EFF_TOT_PNM 3077, EFFLIB_TOT empty → 0.
    expect(await db.saeStaffCount.findUnique({ where: { siteFiness_year: { siteFiness: "220000012", year: 2022 } } })).toMatchObject({ salaried: 3378, liberal: 0 });
  });

  it("moves an SAE-only EG to its listed rows once the register lists it, never counting a year twice", async () => {
    const ej = await db.legalEntity.findUniqueOrThrow({ where: { finess: "220000210" } });
    await db.site.create({ data: { finess: "220000210", legalEntityFiness: ej.finess, name: "FONDATION BON SAUVEUR (siège)", category: "292", categoryLabel: null } });
    // Listed now, its 2022 row still SAE-only: the merge counts 2023 once, from either table.
    expect((await getLegalEntityForUser(db, admin, "220000210")).headcount).toBe(701);
    const report = await importSaeSygen(db, fileStream(SYGEN_2023), { fileName: "SYGEN_2023 again" });
    expect(report.counts).toMatchObject({ unlistedSites: 0, created: 1 });
    expect(await db.saeStaffCount.findUnique({ where: { siteFiness_year: { siteFiness: "220000210", year: 2023 } } })).toMatchObject({ salaried: 701, liberal: 0 });
    expect(await db.saeUnlistedStaffCount.findMany({ where: { siteFiness: "220000210" } })).toMatchObject([{ year: 2022 }]);
    const summary = await getLegalEntityForUser(db, admin, "220000210");
    expect(summary.headcount).toBe(701);
    expect(summary.sites.filter((site) => site.finess === "220000210")).toMatchObject([{ listedInFiness: true, staffCounts: [{ year: 2023 }, { year: 2022 }] }]);
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
