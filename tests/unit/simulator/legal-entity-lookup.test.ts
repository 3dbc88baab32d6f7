import { afterEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { findLegalEntityByFiness } from "../../../lib/reference/public-legal-entity-lookup";

/** A row shaped like Prisma's answer with the look-up's include (the 800-agent demo EJ). */
const montbrasset = {
  finess: "998400402",
  name: "Centre hospitalier de Montbrasset",
  legalStatus: "PUBLIC",
  isDialysisCentre: false,
  category: "1102",
  categoryLabel: "Centres Hospitaliers",
  regionCode: "84",
  region: { code: "84", name: "Auvergne-Rhône-Alpes" },
  ght: null,
  supportOf: null,
  createdAt: new Date(),
  sites: [
    {
      finess: "998400410",
      name: "Site principal",
      category: "355",
      categoryLabel: "Centre Hospitalier (C.H.)",
      city: "Montbrasset",
      createdAt: new Date(),
      staffCounts: [
        { siteFiness: "998400410", year: 2023, salaried: 590, liberal: 40 },
        { siteFiness: "998400410", year: 2024, salaried: 600, liberal: 45 },
      ],
    },
    {
      finess: "998400428",
      name: "Site des Aubépines",
      category: "355",
      categoryLabel: null,
      city: null,
      createdAt: new Date(),
      staffCounts: [
        { siteFiness: "998400428", year: 2022, salaried: 120, liberal: 3 },
        { siteFiness: "998400428", year: 2023, salaried: 118, liberal: 2 },
      ],
    },
    {
      finess: "998400436",
      name: "USLD Le Clos-Fleuri",
      category: "362",
      categoryLabel: null,
      city: "Montbrasset",
      createdAt: new Date(),
      staffCounts: [{ siteFiness: "998400436", year: 2022, salaried: 35, liberal: 0 }],
    },
  ],
};

interface Where {
  where: { finess?: string; sites?: { some: { finess: string } } };
}

function fakeDb(): PrismaClient {
  const legalEntity = {
    findUnique: async ({ where }: Where) => (where.finess === montbrasset.finess ? montbrasset : null),
    findFirst: async ({ where }: Where) => (montbrasset.sites.some((site) => site.finess === where.sites?.some.finess) ? montbrasset : null),
  };
  // Its activité combinée 2022 (demo seed): a Decimal column, as Prisma returns it.
  const combinedActivity = {
    findMany: async ({ where }: { where: { finessPmsi: { in: string[] } } }) =>
      where.finessPmsi.in.includes(montbrasset.finess) ? [{ finessPmsi: montbrasset.finess, year: 2022, value: { toString: () => "68215.5" }, isEstimate: false }] : [],
  };
  return { legalEntity, combinedActivity } as unknown as PrismaClient;
}

/** Only JSON-like values: what a server action can return without Date or Decimal. */
function isPlainData(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainData);
  return false;
}

describe("findLegalEntityByFiness", () => {
  it("finds an EJ by its FINESS with its EG, the SAE year retained per EG and the headcount", async () => {
    const entity = await findLegalEntityByFiness(fakeDb(), "998400402");
    expect(entity).toMatchObject({ finess: "998400402", name: "Centre hospitalier de Montbrasset", regionName: "Auvergne-Rhône-Alpes", ght: null });
    expect(entity?.sites.map((site) => [site.finess, site.saeYear, site.headcount])).toEqual([
      ["998400410", 2024, 645],
      ["998400428", 2023, 120],
      ["998400436", 2022, 35],
    ]);
    expect(entity?.headcount).toBe(800);
    expect(entity?.annualCeiling).toBe(3_905_000);
  });

  it("returns plain data only (no Date, no Decimal, no extra column)", async () => {
    const entity = await findLegalEntityByFiness(fakeDb(), "998400402");
    expect(isPlainData(entity)).toBe(true);
    expect(JSON.stringify(entity)).not.toContain("createdAt");
  });

  it("an EG FINESS gives its EJ", async () => {
    expect((await findLegalEntityByFiness(fakeDb(), "998400428"))?.finess).toBe("998400402");
  });

  it("an unknown FINESS gives null", async () => {
    expect(await findLegalEntityByFiness(fakeDb(), "123456789")).toBeNull();
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
    delete (globalThis as { guichetLookUpLimiter?: unknown }).guichetLookUpLimiter;
  });

  async function actionWith(getDb: () => PrismaClient) {
    vi.resetModules();
    vi.doMock("@/lib/db/client", () => ({ getDb }));
    vi.doMock("next/headers", () => ({ headers: async () => request.headers }));
    return (await import("../../../app/simulateur/actions")).lookUpLegalEntity;
  }

  it("validates the FINESS before any query", async () => {
    const getDb = vi.fn(fakeDb);
    const lookUp = await actionWith(getDb);
    expect(await lookUp("12345")).toEqual({ ok: false, message: "Le numéro FINESS compte 9 caractères, par exemple 998400402." });
    expect(await lookUp("ABCDEFGHI")).toEqual({ ok: false, message: expect.stringContaining("2 chiffres") });
    expect(await lookUp(undefined as unknown as string)).toEqual({ ok: false, message: "Saisissez un numéro FINESS." });
    expect(getDb).not.toHaveBeenCalled();
  });

  it("answers with the EJ, or a French message naming the FINESS", async () => {
    const lookUp = await actionWith(fakeDb);
    const found = await lookUp(" 998 400 402 ");
    expect(found).toMatchObject({ ok: true, data: { name: "Centre hospitalier de Montbrasset", headcount: 800 } });
    // A public EJ is its own FINESS PMSI; 60 000 ≤ 68 215,5 < 230 000 → AAP category C (source 001).
    expect(found.ok && found.data.combinedActivity).toEqual([{ finessPmsi: "998400402", level: "EJ", siteName: null, year: 2022, value: 68215.5, isEstimate: false, aapCategory: "C" }]);
    expect(isPlainData(found)).toBe(true);
    expect(await lookUp("123456789")).toEqual({ ok: false, message: "Aucune entité juridique ne correspond au FINESS 123456789." });
  });

  it("never shows the cause of an unexpected failure", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const lookUp = await actionWith(() => {
      throw new Error("connect ECONNREFUSED 10.0.0.7:5432 password=secret");
    });
    expect(await lookUp("998400402")).toEqual({ ok: false, message: "La recherche a échoué, réessayez." });
    expect(log).toHaveBeenCalled();
  });

  it("answers at most 60 look-ups a minute to one address, in French; other addresses go on", async () => {
    const lookUp = await actionWith(fakeDb);
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.5" });
    for (let i = 0; i < 60; i += 1) expect(await lookUp("998400402")).toMatchObject({ ok: true });
    expect(await lookUp("998400402")).toEqual({ ok: false, message: expect.stringMatching(/^Trop de recherches depuis votre connexion : réessayez dans \d+ secondes\.$/) });
    request.headers = new Headers({ "x-forwarded-for": "198.51.100.8" });
    expect(await lookUp("998400402")).toMatchObject({ ok: true });
  });
});
