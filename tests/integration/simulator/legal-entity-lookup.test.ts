/**
 * The simulator's public look-up on a real database (the 800-agent Montbrasset of the demo), and
 * its limit per address, which lives in PostgreSQL (issue 13).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { findLegalEntityByFiness } from "@/lib/reference/public-legal-entity-lookup";
import { createRegion } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let databaseUrl: string;

beforeAll(async () => {
  ({ db, url: databaseUrl } = await useTestDatabase());
  await createRegion(db, "84", "Auvergne-Rhône-Alpes");
  await db.legalEntity.create({
    data: {
      finess: "998400402",
      name: "Centre hospitalier de Montbrasset",
      legalStatus: "PUBLIC",
      category: "1102",
      categoryLabel: "Centres Hospitaliers",
      regionCode: "84",
      sites: {
        create: [
          { finess: "998400410", name: "Site principal", category: "355", categoryLabel: "Centre Hospitalier (C.H.)", city: "Montbrasset", staffCounts: { create: [{ year: 2023, salaried: 590, liberal: 40 }, { year: 2024, salaried: 600, liberal: 45 }] } },
          { finess: "998400428", name: "Site des Aubépines", category: "355", staffCounts: { create: [{ year: 2022, salaried: 120, liberal: 3 }, { year: 2023, salaried: 118, liberal: 2 }] } },
          { finess: "998400436", name: "USLD Le Clos-Fleuri", category: "362", city: "Montbrasset", staffCounts: { create: [{ year: 2022, salaried: 35, liberal: 0 }] } },
        ],
      },
    },
  });
  // Its activité combinée 2022 (demo seed).
  await db.combinedActivity.create({ data: { finessPmsi: "998400402", year: 2022, value: "68215.5", isEstimate: false } });
});

/** Only JSON-like values: what a server action can return without Date or Decimal. */
function isPlainData(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainData);
  return false;
}

describe("findLegalEntityByFiness", () => {
  it("finds an EJ by its FINESS with its EG, the SAE year retained per EG and the headcount", async () => {
    const entity = await findLegalEntityByFiness(db, "998400402");
    expect(entity).toMatchObject({ finess: "998400402", name: "Centre hospitalier de Montbrasset", regionName: "Auvergne-Rhône-Alpes", ght: null });
    expect(entity?.sites.map((site) => [site.finess, site.saeYear, site.headcount])).toEqual([
      ["998400410", 2024, 645],
      ["998400428", 2023, 120],
      ["998400436", 2022, 35],
    ]);
    expect(entity?.headcount).toBe(800);
    // 6 600 + 200 × 33 + 550 × 47 = 39 050 € (source 000's tiers).
    expect(entity?.annualCeiling).toBe(3_905_000);
  });

  it("returns plain data only (no Date, no Decimal, no extra column)", async () => {
    const entity = await findLegalEntityByFiness(db, "998400402");
    expect(isPlainData(entity)).toBe(true);
    expect(JSON.stringify(entity)).not.toContain("createdAt");
  });

  it("an EG FINESS gives its EJ", async () => {
    expect((await findLegalEntityByFiness(db, "998400428"))?.finess).toBe("998400402");
  });

  it("an unknown FINESS gives null", async () => {
    expect(await findLegalEntityByFiness(db, "123456789")).toBeNull();
  });
});

describe("lookUpLegalEntity (server action)", () => {
  const request = { headers: new Headers() };
  afterEach(() => {
    vi.doUnmock("@/lib/db/client");
    vi.doUnmock("next/headers");
    vi.resetModules();
    vi.restoreAllMocks();
    request.headers = new Headers();
  });

  /** The action on the test database (or on `client`), with the request headers the test sets. */
  async function action(client: () => Database = () => db) {
    vi.resetModules();
    vi.doMock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: client }));
    vi.doMock("next/headers", () => ({ headers: async () => request.headers }));
    return (await import("../../../app/simulateur/actions")).lookUpLegalEntity;
  }

  it("validates the FINESS before any query", async () => {
    const getDb = vi.fn(() => db);
    const lookUp = await action(getDb);
    expect(await lookUp("12345")).toEqual({ ok: false, message: "Le numéro FINESS compte 9 caractères, par exemple 998400402." });
    expect(await lookUp("ABCDEFGHI")).toEqual({ ok: false, message: expect.stringContaining("2 chiffres") });
    expect(await lookUp(undefined as unknown as string)).toEqual({ ok: false, message: "Saisissez un numéro FINESS." });
    expect(getDb).not.toHaveBeenCalled();
  });

  it("answers with the EJ, or a French message naming the FINESS", async () => {
    const lookUp = await action();
    const found = await lookUp(" 998 400 402 ");
    expect(found).toMatchObject({ ok: true, data: { name: "Centre hospitalier de Montbrasset", headcount: 800 } });
    // A public EJ is its own FINESS PMSI; 60 000 ≤ 68 215,5 < 230 000 → AAP category C (source 001).
    expect(found.ok && found.data.combinedActivity).toEqual([{ finessPmsi: "998400402", level: "EJ", siteName: null, year: 2022, value: 68215.5, isEstimate: false, aapCategory: "C" }]);
    expect(isPlainData(found)).toBe(true);
    expect(await lookUp("123456789")).toEqual({ ok: false, message: "Aucune entité juridique ne correspond au FINESS 123456789." });
  });

  it("never shows the cause of an unexpected failure (a database that cannot be reached)", async () => {
    const unreachable = createDatabaseClient(databaseUrl.replace(/:(\d+)\//, ":1/"));
    const lookUp = await action(() => unreachable);
    // action() resets the modules: the spy goes on the logger instance the fresh action imports.
    const log = vi.spyOn((await import("@/lib/log/logger")).logger, "error");
    request.headers = new Headers({ "x-forwarded-for": "192.0.2.77" });
    expect(await lookUp("998400402")).toEqual({ ok: false, message: "La recherche a échoué, réessayez." });
    expect(log).toHaveBeenCalled();
    await unreachable.$disconnect();
  });

  it("answers at most 60 look-ups a minute to one address, in French; other addresses go on", async () => {
    const lookUp = await action();
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.5" });
    for (let i = 0; i < 60; i += 1) expect(await lookUp("998400402")).toMatchObject({ ok: true });
    expect(await lookUp("998400402")).toEqual({ ok: false, message: expect.stringMatching(/^Trop de recherches depuis votre connexion : réessayez dans \d+ secondes\.$/) });
    request.headers = new Headers({ "x-forwarded-for": "198.51.100.8" });
    expect(await lookUp("998400402")).toMatchObject({ ok: true });
  });
});
