import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { importCombinedActivityCsv, importFinessFlatCsv, importSaeActivity } from "@/lib/reference/import";
import { useTestDatabase } from "../support/test-database";
import { bytesStream, EXTRACT_DIR, FINESS_EXTRACT, fileStream, SYGEN_2022 } from "./helpers";

let db: Database;
beforeAll(async () => {
  db = (await useTestDatabase()).db;
  const finess = await importFinessFlatCsv(db, fileStream(FINESS_EXTRACT), { fileName: "finess_eg_22.csv.gz" });
  expect(finess.status).toBe("SUCCEEDED");
});

const BORDEREAUX = {
  MCO: path.join(EXTRACT_DIR, "MCO_2022r_22.csv.gz"),
  SSR: path.join(EXTRACT_DIR, "SSR_2022r_22.csv.gz"),
  PSY: path.join(EXTRACT_DIR, "PSY_2022r_22.csv.gz"),
  HAD: path.join(EXTRACT_DIR, "HAD_2022a_22.csv.gz"),
  USLD: path.join(EXTRACT_DIR, "USLD_2022r_22.csv.gz"),
} as const;
/** The lines of an extract as the SAE files are: ISO-8859-1. */
const latin1Lines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString("latin1").trimEnd().split("\n");
const latin1 = (lines: string[]) => Buffer.from(`${lines.join("\n")}\n`, "latin1");

const estimate = async (finessPmsi: string, year = 2022) => {
  const row = await db.combinedActivity.findUnique({ where: { finessPmsi_year: { finessPmsi, year } } });
  return row && { value: row.value.toString(), isEstimate: row.isEstimate };
};
const snapshot = async () => ({
  activities: await db.saeActivity.findMany({ orderBy: [{ siteFiness: "asc" }, { year: "asc" }, { bordereau: "asc" }] }),
  combined: (await db.combinedActivity.findMany({ orderBy: [{ finessPmsi: "asc" }, { year: "asc" }] })).map((r) => ({ ...r, value: r.value.toString() })),
});

describe("importSaeActivity on the committed SAE 2022 extract (Côtes-d'Armor)", () => {
  it("imports the five bordereaux and estimates the activité combinée per FINESS PMSI", async () => {
    const mco = await importSaeActivity(db, fileStream(BORDEREAUX.MCO), { fileName: "MCO_2022r_22.csv.gz" });
    expect(mco.error).toBeUndefined();
    expect(mco.kind).toBe("COMBINED_ACTIVITY_SAE_ESTIMATE");
    expect(mco.encoding).toBe("latin-1");
    expect(mco.counts).toMatchObject({ read: 20, created: 20, updated: 0, unchanged: 0, rejected: 0, detailLines: 0, estimatesUpdated: 0, officialKept: 0 });
    // CH Lannion-Trestel (public, FINESS PMSI = its EJ 220000103), MCO only so far:
    // 58 520 days + 4 948 séances × 0.5 + 1 548 ambulatory surgery × 1.5 + 856 other day stays × 1 = 64 172.
    expect(await estimate("220000103")).toEqual({ value: "64172", isEstimate: true });

    const ssr = await importSaeActivity(db, fileStream(BORDEREAUX.SSR), { fileName: "SSR_2022r_22.csv.gz" });
    // 70 lines, 17 FI: only their SSR_TOT line is stored, the 53 others detail it.
    expect(ssr.counts).toMatchObject({ read: 70, created: 17, rejected: 0, detailLines: 53 });
    expect(ssr.counts.estimatesUpdated).toBeGreaterThanOrEqual(1);
    expect(await db.saeActivity.findUnique({ where: { siteFiness_year_bordereau: { siteFiness: "220012884", year: 2022, bordereau: "SSR" } } })).toMatchObject({ smrDays: 24_333 + 15_145, mcoDays: 0, psyDays: 0 });

    const psy = await importSaeActivity(db, fileStream(BORDEREAUX.PSY), { fileName: "PSY_2022r_22.csv.gz" });
    expect(psy.counts).toMatchObject({ read: 13, created: 4, rejected: 1, unknownSites: 1, detailLines: 8 });
    // FONDATION BON SAUVEUR surveys its EJ number, which has no EG in the 2021 FINESS extract.
    expect(psy.rejects).toEqual([{ line: 4, reason: expect.stringMatching(/^FINESS 220000210 \(FI\) inconnu/) }]);
    expect(await db.saeActivity.count({ where: { siteFiness: "220000210" } })).toBe(0);
    // Plouguernevel's TOT line: JOU_HTP 43 767 + JOU_PFT 3 764, the other columns empty or 0.
    expect(await db.saeActivity.findUnique({ where: { siteFiness_year_bordereau: { siteFiness: "220000236", year: 2022, bordereau: "PSY" } } })).toMatchObject({ psyDays: 47_531 });

    for (const file of [BORDEREAUX.HAD, BORDEREAUX.USLD]) {
      const report = await importSaeActivity(db, fileStream(file), { fileName: path.basename(file) });
      expect(report.counts).toMatchObject({ rejected: 0, created: report.counts.read });
    }

    /*
     * CH Lannion-Trestel, EJ 220000103 (public: FINESS PMSI = the EJ), its EG 220000368 and 220012884,
     * every number from the extract, weighted with source 002 annex 2 ("1 séance MCO (dont dialyse)
     * équivaut à 0,5 journée MCO ; 1 hospitalisation de jour de chirurgie ambulatoire équivaut à 1,5
     * journée MCO ; 1 journée SMR, 1 journée PSY, 1 journée HAD ou 1 journée USLD équivalent à 0,5
     * journée MCO ; 1 hospitalisation de jour, hors chirurgie ambulatoire, équivaut à 1 journée MCO"):
     *   MCO 220000368: JOU_MCO 58 520 × 1                         = 58 520
     *                  SEA_MCO 4 948 × 0.5                        =  2 474
     *                  SEJHP_CHI 1 548 × 1.5                      =  2 322
     *                  SEJHP_MED 856 + SEJHP_OBS 0 = 856 × 1      =    856
     *   SSR 220000368: JOUHC 13 015 + JOUHP 0 (SSR_TOT)
     *       220012884: JOUHC 24 333 + JOUHP 15 145 → 52 493 × 0.5 = 26 246.5
     *   HAD 220000368: JOU_HAD 10 462 × 0.5                       =  5 231
     *   USLD 220000368: JOU 10 315 × 0.5                          =  5 157.5
     *   total                                                     = 100 807
     */
    expect(await estimate("220000103")).toEqual({ value: "100807", isEstimate: true });
    /*
     * Hôpital privé des Côtes d'Armor, EG 220022800 of the for-profit EJ 220000673: FINESS PMSI = the EG.
     *   34 786 + 12 435 × 0.5 + 16 576 × 1.5 + (106 + 45) × 1 = 34 786 + 6 217.5 + 24 864 + 151 = 66 018.5
     */
    expect(await db.legalEntity.findUniqueOrThrow({ where: { finess: "220000673" } })).toMatchObject({ legalStatus: "PRIVATE_FOR_PROFIT" });
    expect(await estimate("220022800")).toEqual({ value: "66018.5", isEstimate: true });
    expect(await estimate("220000673")).toBeNull();
  });

  it("re-importing a bordereau changes nothing", async () => {
    const before = await snapshot();
    for (const file of Object.values(BORDEREAUX)) {
      const report = await importSaeActivity(db, fileStream(file), { fileName: path.basename(file) });
      expect(report.status).toBe("SUCCEEDED");
      expect(report.counts).toMatchObject({ created: 0, updated: 0, estimatesCreated: 0, estimatesUpdated: 0 });
      expect(report.counts.unchanged).toBeGreaterThan(0);
      expect(report.counts.estimatesUnchanged).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("never overwrites an official figure", async () => {
    // CH Yves Le Foll (public EJ 220000020): the official CSV replaces the SAE estimate…
    expect(await estimate("220000020")).toMatchObject({ isEstimate: true });
    const official = await importCombinedActivityCsv(db, bytesStream("FINESS PMSI;année;valeur\n220000020;2022;123456.5\n"), { fileName: "activite.csv" });
    expect(official.counts).toMatchObject({ updated: 1 });
    // …and a changed bordereau (one more séance) does not bring the estimate back.
    const lines = latin1Lines(BORDEREAUX.MCO);
    const changed = lines.map((line) => (line.startsWith("MCO;2022;220000012;") ? line.replace(/;28064;1;1;1;/, ";28065;1;1;1;") : line));
    expect(changed).not.toEqual(lines);
    const report = await importSaeActivity(db, bytesStream(latin1(changed), 4096), { fileName: "MCO_2022r_22.csv" });
    expect(report.counts).toMatchObject({ updated: 1, officialKept: 1, estimatesCreated: 0, estimatesUpdated: 0 });
    expect(await db.saeActivity.findUnique({ where: { siteFiness_year_bordereau: { siteFiness: "220000012", year: 2022, bordereau: "MCO" } } })).toMatchObject({ mcoSessions: 28_065 });
    expect(await estimate("220000020")).toEqual({ value: "123456.5", isEstimate: false });
  });

  it("rejects a line with a negative or non-numeric count, accepts 12.0 and empty cells", async () => {
    // Year 2030 so that the 2022 figures above stay as they are; built on the line of CH Dinan.
    const [header = "", , base = ""] = latin1Lines(BORDEREAUX.MCO);
    expect(base).toMatch(/^MCO;2022;220000095;/);
    const fields = (replace: Record<string, string>) => {
      const names = header.split(";");
      return base
        .replace("MCO;2022;", "MCO;2030;")
        .split(";")
        .map((value, i) => replace[names[i] ?? ""] ?? value)
        .join(";");
    };
    const text = [
      header,
      fields({ SEA_MCO: "-5" }),
      fields({ FI: "220000343", JOU_MCO: "abc" }),
      fields({ FI: "220000368", JOU_MCO: "100.0", SEA_MCO: "", SEJHP_CHI: "3", SEJHP_MED: "1", SEJHP_OBS: "" }),
    ];
    const report = await importSaeActivity(db, bytesStream(latin1(text)), { fileName: "MCO_2030.csv" });
    expect(report.status).toBe("SUCCEEDED");
    expect(report.counts).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(report.rejects).toEqual([
      { line: 2, reason: "valeur « -5 » de SEA_MCO invalide : un nombre entier positif ou nul est attendu" },
      { line: 3, reason: "valeur « abc » de JOU_MCO invalide : un nombre entier positif ou nul est attendu" },
    ]);
    expect(await db.saeActivity.count({ where: { year: 2030 } })).toBe(1);
    // 100 + 0 × 0.5 + 3 × 1.5 + 1 = 105.5
    expect(await estimate("220000103", 2030)).toEqual({ value: "105.5", isEstimate: true });
  });

  it("finds the columns by name: the 2023 SSR header has one column fewer than 2022", async () => {
    // Verbatim header and SSR_TOT line of SSR_2023r (JOUHP is column 13 in 2023, 14 in 2022); a detail line before it.
    const text = [
      "BOR;AN;FI;RS;FI_EJ;GDE;AUT;LIT;JLI;PLA;SEJHC;JOUHC;JOUHP;EMSSR",
      "SSR;2023;220000012;CENTRE HOSPITALIER YVES LE FOLL;220000020;SSR_A51;1;;;5;;0;3061;",
      "SSR;2023;220000012;CENTRE HOSPITALIER YVES LE FOLL;220000020;SSR_TOT;;;;22;0;0;6370;1",
    ];
    const report = await importSaeActivity(db, bytesStream(latin1(text)), { fileName: "SSR_2023r.csv" });
    expect(report.counts).toMatchObject({ read: 2, created: 1, detailLines: 1, estimatesCreated: 1 });
    expect(await db.saeActivity.findUnique({ where: { siteFiness_year_bordereau: { siteFiness: "220000012", year: 2023, bordereau: "SSR" } } })).toMatchObject({ smrDays: 6370 });
    expect(await estimate("220000020", 2023)).toEqual({ value: "3185", isEstimate: true });
  });

  it("refuses a SYGEN file, another SAE bordereau and a FINESS file in French, writing nothing", async () => {
    const before = await snapshot();
    const sygen = await importSaeActivity(db, fileStream(SYGEN_2022), { fileName: "SYGEN_2022r_22.csv.gz" });
    expect(sygen.status).toBe("FAILED");
    expect(sygen.error).toMatch(/^Ce fichier n'est pas un bordereau SAE d'activité \(MCO, SSR, PSY, HAD ou USLD.*bordereau SAE SYGEN : utilisez le type « sae-sygen ».*Rien n'a été importé\.$/);
    const dialyse = await importSaeActivity(
      db,
      bytesStream(latin1(["BOR;AN;FI;RS;DIALYSE_AA100;DIALYSE_AA101;FI_EJ;DIALY;UDM;NBUDM;PATUM;CAPA;NBPAT;SEAN;SEA_HOS;PREPLI;SEM;NVPAT;NVPERIT", "DIALYSE;2023;220020101;UDM DE LANNION;;;220000020;1130X;;;;6;8;1041;;;;;"])),
      { fileName: "DIALYSE_2023r.csv" },
    );
    expect(dialyse.error).toMatch(/^Ce fichier n'est pas un bordereau SAE d'activité MCO, SSR, PSY, HAD ou USLD : son en-tête \(colonnes BOR, AN, FI, RS, DIALYSE_AA100, DIALYSE_AA101…\).*MCO : JOU_MCO, SEA_MCO/);
    const finess = await importSaeActivity(db, fileStream(FINESS_EXTRACT), { fileName: "finess.csv.gz" });
    expect(finess.error).toMatch(/fichier FINESS à plat.*Rien n'a été importé/);
    // A PSY header over MCO lines is not a bordereau as distributed.
    const [psyHeader = ""] = latin1Lines(BORDEREAUX.PSY);
    const psyLines = latin1Lines(BORDEREAUX.PSY).slice(1, 3);
    const mixed = await importSaeActivity(db, bytesStream(latin1([psyHeader, ...psyLines, psyLines[0]!.replace(/^PSY;/, "MCO;")])), { fileName: "mixed.csv" });
    expect(mixed.error).toMatch(/^Ligne 4 : bordereau « MCO » \(colonne BOR\) dans un fichier dont l'en-tête est celui du bordereau PSY\..*rien n'a été importé\.$/);
    expect(await snapshot()).toEqual(before);
    const runs = await db.importRun.findMany({ where: { id: { in: [sygen.runId, dialyse.runId, finess.runId, mixed.runId] } } });
    expect(runs).toHaveLength(4);
    expect(runs.every((run) => run.status === "FAILED")).toBe(true);
  });
});
