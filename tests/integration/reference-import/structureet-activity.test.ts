import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { importCombinedActivityCsv, importFinessStructureet } from "@/lib/reference/import";
import { useTestDatabase } from "../support/test-database";
import { bytesStream } from "./helpers";

let db: Database;
beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

/** Verbatim lines of etalab-cs1100502-stock-20260512-0339.csv (README §1.3), re-encoded in ISO-8859-1 as the official file. */
const STRUCTUREET = [
  "finess;etalab;111;2026-05-12",
  "structureet;010000024;010780054;CH DE FLEYRIAT;CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT;;;900;RTE;DE PARIS;;;451;01;AIN;01440 VIRIAT;0474454647;0474454114;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26010004500012;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1979-02-13;1979-02-13;2020-02-04;",
  "structureet;970300026;970302022;CENTRE HOSPITALIER DE CAYENNE;CENTRE HOSPITALIER  DE CAYENNE;;;;AV;ALEXIS BLAISE;;BP 6006;302;9C;GUYANE;97306 CAYENNE CEDEX;0594395050;0594305250;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26973302800022;;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1904-04-04;1998-04-29;2024-04-22;",
  "structureet;970400024;970408589;CHU SITE FELIX GUYON (SAINT DENIS);CHU SITE FELIX GUYON (SAINT DENIS);;;;ALL;DES TOPAZES;;CS 11021;411;9D;LA REUNION;97405 ST DENIS CEDEX;0262905050;0262905051;101;Centre Hospitalier Régional (C.H.R.);1101;Centres Hospitaliers Régionaux;20003001300011;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1957-07-01;1957-07-01;2023-11-13;",
  'structureet;980501506;980501498;"LIEU DE VIE ""MAVOUNA MEMA 1""";"LIEU DE VIE ET D\'ACCUEIL ""MAVOUNA MEMA 1""";ASSOCIATION MESSO;;12;R;ANCIEN TERRAIN DE FOOT;;;606;9F;MAYOTTE;97620 CHIRONGUI;0269666815;;462;Lieux de Vie et d\'Accueil;4605;Etablissements et services multi-clientèles;82967998400015;;08;Président du Conseil Départemental;;;2019-04-01;2019-03-18;2025-05-07;',
  "geolocalisation;010000024;870262.2;6571540.8;1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole);2026-05-04",
  "geolocalisation;970100012;657242.9;1795384.4;2,ATLASANTE,96,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles);2026-05-04",
];
const latin1 = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");

describe("importFinessStructureet (official Latin-1 extract)", () => {
  it("imports the structureet lines, skips geolocalisation, idempotent", async () => {
    const report = await importFinessStructureet(db, bytesStream(latin1(STRUCTUREET), 50), { fileName: "etalab-cs1100502-stock.csv" });
    expect(report.error).toBeUndefined();
    expect(report.encoding).toBe("latin-1");
    expect(report.counts).toMatchObject({ read: 4, created: 4, skipped: 2, rejected: 0, legalEntitiesCreated: 4 });
    expect(await db.site.findUnique({ where: { finess: "980501506" } })).toMatchObject({ name: 'LIEU DE VIE "MAVOUNA MEMA 1"', category: "462", postalCode: "97620", city: "CHIRONGUI", categoryLabel: "Lieux de Vie et d'Accueil" });
    expect(await db.legalEntity.findUnique({ where: { finess: "980501498" } })).toMatchObject({ regionCode: "06", legalStatus: "PRIVATE_FOR_PROFIT", category: "4605" });
    expect(await db.legalEntity.findUnique({ where: { finess: "970302022" } })).toMatchObject({ regionCode: "03", legalStatus: "PUBLIC", categoryLabel: "Centres Hospitaliers" });
    expect(await db.site.findUnique({ where: { finess: "970400024" } })).toMatchObject({ categoryLabel: "Centre Hospitalier Régional (C.H.R.)", city: "ST DENIS CEDEX" });
    const again = await importFinessStructureet(db, bytesStream(latin1(STRUCTUREET), 50), { fileName: "etalab-cs1100502-stock.csv" });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4, legalEntitiesUnchanged: 4 });
  });

  it("refuses a truncated extract and an Excel re-save", async () => {
    const cut = STRUCTUREET.slice(0, 3).concat("structureet;970400024;970408589;CHU SITE");
    const report = await importFinessStructureet(db, bytesStream(latin1(cut)), { fileName: "cut.csv" });
    expect(report.error).toMatch(/tronqué/);
    const excel = STRUCTUREET.slice(0, 2).map((line) => line.replace("1979-02-13;1979-02-13", "13/02/1979;13/02/1979"));
    expect((await importFinessStructureet(db, bytesStream(latin1(excel)), { fileName: "excel.csv" })).error).toMatch(/tableur/);
  });
});

describe("importCombinedActivityCsv", () => {
  it("imports, rejects bad lines, idempotent", async () => {
    const text = "FINESS PMSI;année;valeur\n010780054;2024;12 345,5\n010780062;2024;987.0\n010780062;2023;abc\n01078;2024;1\n";
    const report = await importCombinedActivityCsv(db, bytesStream(text), { fileName: "activite.csv" });
    expect(report.counts).toMatchObject({ read: 4, created: 2, rejected: 2 });
    expect(report.rejects.map((r) => r.line)).toEqual([4, 5]);
    const row = await db.combinedActivity.findUniqueOrThrow({ where: { finessPmsi_year: { finessPmsi: "010780054", year: 2024 } } });
    expect(row.value.toString()).toBe("12345.5");
    expect(row.isEstimate).toBe(false);
    const again = await importCombinedActivityCsv(db, bytesStream(text), { fileName: "activite.csv" });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await importCombinedActivityCsv(db, bytesStream("FINESS PMSI;annee;valeur\n010780054;2024;12346,0\n"), { fileName: "activite.csv" });
    expect(changed.counts).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });
});
