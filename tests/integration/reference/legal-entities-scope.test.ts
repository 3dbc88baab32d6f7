import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { Database } from "@/lib/db/client";
import { getLegalEntityForUser, listLegalEntitiesForUser } from "@/lib/reference/legal-entities";
import { asCurrentUser, createGht, createLegalEntity, createSite, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const ej: Record<string, string> = {};

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  // Region 84: a GHT (support + one member) and an EJ outside it; region 53: one EJ.
  const support = await createLegalEntity(db, { regionCode: "84", name: "CH support" });
  const member = await createLegalEntity(db, { regionCode: "84", name: "CH membre" });
  const alone = await createLegalEntity(db, { regionCode: "84", name: "CH isolé" });
  const bretagne = await createLegalEntity(db, { regionCode: "53", name: "Clinique bretonne", legalStatus: "PRIVATE_FOR_PROFIT" });
  await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess] });
  Object.assign(ej, { support: support.finess, member: member.finess, alone: alone.finess, bretagne: bretagne.finess });
  // source 000: 2024 else 2023 else 2022 per EG, summed over the EJ's EG.
  await createSite(db, { legalEntityFiness: alone.finess, staff: [{ year: 2023, salaried: 400, liberal: 20 }, { year: 2024, salaried: 500, liberal: 50 }] });
  await createSite(db, { legalEntityFiness: alone.finess, staff: [{ year: 2022, salaried: 240, liberal: 10 }] });
  await createSite(db, { legalEntityFiness: alone.finess });
});

const finessOf = (list: { finess: string }[]) => list.map((entity) => entity.finess).sort();

describe("EJ visible to each role (lib/auth scope on the database)", () => {
  it("a referent of a GHT support EJ sees every EJ of the GHT and nothing else", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.support!] });
    const visible = await listLegalEntitiesForUser(db, asCurrentUser(user, [ej.support!]));
    expect(finessOf(visible)).toEqual([ej.support, ej.member].sort());
  });

  it("a referent of a GHT member EJ sees only its own EJ, not the support's", async () => {
    const user = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.member!] });
    const current = asCurrentUser(user, [ej.member!]);
    expect(finessOf(await listLegalEntitiesForUser(db, current))).toEqual([ej.member]);
    await expect(getLegalEntityForUser(db, current, ej.support!)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an ARS instructor sees its region only and is refused another region's EJ", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" });
    const current = asCurrentUser(user);
    expect(finessOf(await listLegalEntitiesForUser(db, current))).toEqual([ej.bretagne]);
    await expect(getLegalEntityForUser(db, current, ej.alone!)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getLegalEntityForUser(db, current, ej.bretagne!)).name).toBe("Clinique bretonne");
  });

  it("an instructor without a region sees nothing", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR" });
    expect(await listLegalEntitiesForUser(db, asCurrentUser(user))).toEqual([]);
  });

  it("a DNS admin sees every EJ; an unknown FINESS is not found, for anyone", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN" });
    const current = asCurrentUser(user);
    expect(finessOf(await listLegalEntitiesForUser(db, current))).toEqual(Object.values(ej).sort());
    await expect(getLegalEntityForUser(db, current, "990000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("computes the EJ headcount and ceiling from the retained SAE year of each EG (source 000)", async () => {
    const user = await createUser(db, { role: "DNS_ADMIN" });
    const entity = await getLegalEntityForUser(db, asCurrentUser(user), ej.alone!);
    expect(entity.sites.map((site) => [site.saeYear, site.headcount])).toEqual(
      expect.arrayContaining([
        [2024, 550],
        [2022, 250],
        [null, 0],
      ]),
    );
    expect(entity.headcount).toBe(800);
    // source 000 (000_1a898dec8b2a4de4.txt): 800 agents → 39 050 € a year.
    expect(entity.annualCeiling).toBe(3_905_000);
  });

  it("searches by name or FINESS within the scope only", async () => {
    const user = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    const current = asCurrentUser(user);
    expect(finessOf(await listLegalEntitiesForUser(db, current, { search: "isolé" }))).toEqual([ej.alone]);
    expect(await listLegalEntitiesForUser(db, current, { search: "bretonne" })).toEqual([]);
    expect(finessOf(await listLegalEntitiesForUser(db, current, { search: ej.member }))).toEqual([ej.member]);
  });
});
