import zlib from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { importCombinedActivityCsv, importFinessFlatCsv, importFinessStructureet, importSaeSygen, MAX_STORED_REJECTS } from "@/lib/reference/import";
import { runImport } from "@/lib/reference/import/run";
import { useTestDatabase } from "../support/test-database";
import { bytesStream, FINESS_EXTRACT, gunzipFile, SYGEN_2023 } from "./helpers";

let db: Database;
beforeAll(async () => {
  db = (await useTestDatabase()).db;
});
const meta = { fileName: "mauvais.csv" };
const flat = gunzipFile(FINESS_EXTRACT);
const flatLines = flat.trimEnd().split("\n");
const header = flatLines[0] ?? "";

async function expectFailure(promise: ReturnType<typeof importFinessFlatCsv>, pattern: RegExp) {
  const report = await promise;
  expect(report.status).toBe("FAILED");
  expect(report.error).toMatch(pattern);
  expect(await db.site.count()).toBe(0);
  expect(await db.legalEntity.count()).toBe(0);
  const run = await db.importRun.findUniqueOrThrow({ where: { id: report.runId } });
  expect(run).toMatchObject({ status: "FAILED", error: report.error });
  return report;
}

describe("bad files: a clear French error and nothing written", () => {
  it("empty file", async () => {
    await expectFailure(importFinessFlatCsv(db, bytesStream(""), meta), /vide/);
    await expectFailure(importSaeSygen(db, bytesStream("\n\n"), meta), /vide/);
    await expectFailure(importCombinedActivityCsv(db, bytesStream(""), meta), /vide/);
    await expectFailure(importFinessStructureet(db, bytesStream(""), meta), /vide/);
  });

  it("header only", async () => {
    await expectFailure(importFinessFlatCsv(db, bytesStream(`${header}\n`), meta), /que l'en-tête/);
  });

  it("comma-separated file", async () => {
    const comma = flatLines.slice(0, 5).map((line) => line.replaceAll(";", ",")).join("\n");
    await expectFailure(importFinessFlatCsv(db, bytesStream(comma), meta), /virgules/);
    const hospidiag = 'finess,rs,champ_pmsi,taa\n"010780054","CH","DGF","1"\n';
    await expectFailure(importCombinedActivityCsv(db, bytesStream(hospidiag), meta), /virgules.*Hospidiag/);
  });

  it("UTF-16 file", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(flatLines.slice(0, 3).join("\n"), "utf16le")]);
    await expectFailure(importFinessFlatCsv(db, bytesStream(utf16), meta), /UTF-16/);
  });

  it("mixed UTF-8 and Latin-1", async () => {
    const bytes = Buffer.concat([Buffer.from(`${flatLines.slice(0, 3).join("\n")}\n`, "utf8"), Buffer.from(`${flatLines[3]?.replace("CH", "CHÉ")}\n`, "latin1")]);
    await expectFailure(importFinessFlatCsv(db, bytesStream(bytes, 4096), meta), /Encodage incohérent/);
  });

  it("truncated file (last line with fewer fields), plain and gzip", async () => {
    const cut = flat.slice(0, Math.floor(flat.length / 2));
    await expectFailure(importFinessFlatCsv(db, bytesStream(cut, 4096), meta), /tronqué/);
    const gz = zlib.gzipSync(flat);
    await expectFailure(importFinessFlatCsv(db, bytesStream(gz.subarray(0, gz.length - 200), 4096), meta), /gzip.*tronquée/);
  });

  it("a file of another kind says which kind it looks like", async () => {
    const sygen = zlib.gunzipSync(await import("node:fs").then((fs) => fs.readFileSync(SYGEN_2023)));
    await expectFailure(importFinessFlatCsv(db, bytesStream(sygen, 4096), meta), /SAE SYGEN.*sae-sygen/);
    await expectFailure(importSaeSygen(db, bytesStream(flat, 4096), meta), /finess-csv/);
    await expectFailure(importSaeSygen(db, bytesStream("FI;FI_EJ;AN;LIT_MED;BOR\n010000024;010780054;2023;1;MCO\n"), meta), /autre bordereau SAE/);
    await expectFailure(importFinessStructureet(db, bytesStream(flat, 4096), meta), /finess-csv/);
    await expectFailure(importCombinedActivityCsv(db, bytesStream("finess;etalab;111;2026-05-12\n"), meta), /finess-structureet/);
  });

  it("rejected lines are reported with their number and a French reason, the rest is imported", async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `99999999${i % 10};x;y`);
    const text = [header, ...flatLines.slice(1, 11), "12345;220000020;NOPE;;;22000;X;;355;CH;1102;CH;;;1;;;;;", ...bad, ...flatLines.slice(11, 21)].join("\n");
    const report = await importFinessFlatCsv(db, bytesStream(text, 4096), meta);
    expect(report.status).toBe("SUCCEEDED");
    expect(report.counts).toMatchObject({ read: 171, created: 20, rejected: 151 });
    expect(report.rejects).toHaveLength(MAX_STORED_REJECTS);
    expect(report.rejects[0]).toEqual({ line: 12, reason: "FINESS EG invalide « 12345 »" });
    expect(report.rejects[1]).toEqual({ line: 13, reason: "3 champs au lieu de 20" });
    await db.site.deleteMany();
    await db.legalEntity.deleteMany();
  });
});

describe("an unexpected failure", () => {
  afterEach(() => setClockForTests(null));

  it("names the run for support but shows no internal detail; the run is dated by the portal's clock", async () => {
    setClockForTests(new Date("2026-06-15T08:30:00Z"));
    const report = await runImport(db, "FINESS_FLAT_CSV", bytesStream("a;b\n1;2\n"), meta, async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.7:5432 relation \"internal_table\"");
    });
    expect(report.status).toBe("FAILED");
    expect(report.error).toContain(`référence ${report.runId}`);
    expect(report.error).not.toMatch(/ECONNREFUSED|internal_table|10\.0\.0\.7/);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run.startedAt.toISOString()).toBe("2026-06-15T08:30:00.000Z");
    expect(run.finishedAt?.toISOString()).toBe("2026-06-15T08:30:00.000Z");
  });
});
