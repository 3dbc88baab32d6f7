import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { importFinessFlatCsv, importSaeActivity } from "@/lib/reference/import";
import { EXTRACT_DIR, FINESS_EXTRACT, fileStream } from "../reference-import/helpers";
import { createLegalEntity, createSite } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

const activity = (finessPmsi: string, year: number, value: string, isEstimate: boolean) => db.combinedActivity.create({ data: { finessPmsi, year, value, isEstimate } });

describe("combinedActivityOfLegalEntity", () => {
  it("a public EJ: the rows of the EJ itself, not those of its EG nor of another EJ", async () => {
    const ej = await createLegalEntity(db, { regionCode: "53", legalStatus: "PUBLIC" });
    const site = await createSite(db, { legalEntityFiness: ej.finess });
    const other = await createLegalEntity(db, { regionCode: "53" });
    await activity(ej.finess, 2022, "6999.5", false);
    await activity(ej.finess, 2023, "7000", true);
    await activity(site.finess, 2022, "100", true);
    await activity(other.finess, 2022, "500000", false);
    expect(await combinedActivityOfLegalEntity(db, ej.finess)).toEqual([
      // Source 001: "AC < 7 000" is category A, 7 000 already B.
      { finessPmsi: ej.finess, level: "EJ", siteName: null, year: 2023, value: 7000, isEstimate: true, aapCategory: "B" },
      { finessPmsi: ej.finess, level: "EJ", siteName: null, year: 2022, value: 6999.5, isEstimate: false, aapCategory: "A" },
    ]);
  });

  it("a private EJ: the rows of each of its EG; a dialysis centre: the EJ", async () => {
    const ej = await createLegalEntity(db, { regionCode: "53", legalStatus: "PRIVATE_NON_PROFIT" });
    const first = await createSite(db, { legalEntityFiness: ej.finess, name: "Clinique du port" });
    const second = await createSite(db, { legalEntityFiness: ej.finess, name: "Clinique de la gare" });
    await activity(ej.finess, 2022, "1", false);
    await activity(first.finess, 2022, "59999.5", true);
    await activity(second.finess, 2022, "230000", false);
    expect(await combinedActivityOfLegalEntity(db, ej.finess)).toEqual(
      [
        { finessPmsi: first.finess, level: "EG", siteName: "Clinique du port", year: 2022, value: 59999.5, isEstimate: true, aapCategory: "B" },
        { finessPmsi: second.finess, level: "EG", siteName: "Clinique de la gare", year: 2022, value: 230000, isEstimate: false, aapCategory: "D" },
      ].sort((a, b) => a.finessPmsi.localeCompare(b.finessPmsi)),
    );
    await db.legalEntity.update({ where: { finess: ej.finess }, data: { isDialysisCentre: true } });
    expect((await combinedActivityOfLegalEntity(db, ej.finess)).map((row) => [row.finessPmsi, row.level, row.value])).toEqual([[ej.finess, "EJ", 1]]);
  });

  it("a public EJ without EG keeps its rows; a value that is not a multiple of 0.5 gets no category; an unknown EJ none", async () => {
    const ej = await createLegalEntity(db, { regionCode: "53" });
    await activity(ej.finess, 2022, "12345.6", false);
    expect(await combinedActivityOfLegalEntity(db, ej.finess)).toEqual([{ finessPmsi: ej.finess, level: "EJ", siteName: null, year: 2022, value: 12345.6, isEstimate: false, aapCategory: null }]);
    const privateEj = await createLegalEntity(db, { regionCode: "53", legalStatus: "PRIVATE_FOR_PROFIT" });
    await activity(privateEj.finess, 2022, "10", false);
    expect(await combinedActivityOfLegalEntity(db, privateEj.finess)).toEqual([]);
    expect(await combinedActivityOfLegalEntity(db, "999999999")).toEqual([]);
  });

  it("shows the SAE estimate of the committed extract (Hôpital privé des Côtes d'Armor, EG 220022800)", async () => {
    expect((await importFinessFlatCsv(db, fileStream(FINESS_EXTRACT), { fileName: "finess.csv.gz" })).status).toBe("SUCCEEDED");
    expect((await importSaeActivity(db, fileStream(path.join(EXTRACT_DIR, "MCO_2022r_22.csv.gz")), { fileName: "MCO_2022r_22.csv.gz" })).status).toBe("SUCCEEDED");
    // 34 786 + 12 435 × 0.5 + 16 576 × 1.5 + (106 + 45) = 66 018.5 (see tests/integration/reference-import/sae-activity.test.ts).
    expect(await combinedActivityOfLegalEntity(db, "220000673")).toEqual([
      { finessPmsi: "220022800", level: "EG", siteName: "HOPITAL PRIVÉ DES COTES D'ARMOR", year: 2022, value: 66018.5, isEstimate: true, aapCategory: "C" },
    ]);
  });
});
