/**
 * The dossiers listed on an EJ's page (establishment, ARS and DNS spaces):
 * every guichet, this EJ's amounts, and only what each user may read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { dossiersOfLegalEntity } from "@/lib/dossiers/legal-entity-dossiers";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { arsAccepts, candidature, establishment, ghtEstablishment, inDeposit, instructionGuichets, submittedDeposit } from "../support/dossier-builders";

let db: Database;
let alpha: Awaited<ReturnType<typeof establishment>>;
let drafty: Awaited<ReturnType<typeof establishment>>;
let ght: Awaited<ReturnType<typeof ghtEstablishment>>;
let instructor84: CurrentUser;
let admin: CurrentUser;
let memberReferent: CurrentUser;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  const guichets = await instructionGuichets(db);
  alpha = await establishment(db, "84", "CH Alpha");
  const deposit = await submittedDeposit(db, alpha.referent, alpha.ej.finess, guichets);
  instructor84 = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
  // The ARS grants 25 000 € of the 30 000 € requested (capped at the 30 000 € of declared expenses).
  await arsAccepts(db, instructor84, deposit.id, new Date(inDeposit.getTime() + 86_400_000), { [alpha.ej.finess]: 2_500_000 });
  drafty = await establishment(db, "84", "CH Brouillon");
  await candidature(db, drafty.referent, drafty.ej.finess, guichets.candidature.id, { draft: true });
  ght = await ghtEstablishment(db, "84", "T-EJD");
  // The support applies for the whole GHT: the member EJ is a part of the support's dossier.
  await candidature(db, ght.referent, ght.support.finess, guichets.candidature.id, { ght: true });
  memberReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ght.member.finess] }), [ght.member.finess]);
});

describe("dossiersOfLegalEntity", () => {
  it("lists every guichet's dossier of the EJ, newest guichet first, with this EJ's amounts", async () => {
    const rows = await dossiersOfLegalEntity(db, alpha.referent, alpha.ej.finess);
    expect(rows.map((row) => [row.guichetKind, row.status])).toEqual([
      ["MILESTONE_DEPOSIT", "ACCEPTED"],
      ["CANDIDATURE", "ACCEPTED"],
    ]);
    expect(rows[0]).toMatchObject({ requested: 3_000_000, decided: 2_500_000, carrierFiness: alpha.ej.finess });
    expect(rows[0]?.number).toMatch(/^HC-J2026-\d{6}$/);
  });

  it("shows the same transmitted dossiers to the region's instructor and to the DNS", async () => {
    const forReferent = await dossiersOfLegalEntity(db, alpha.referent, alpha.ej.finess);
    expect(await dossiersOfLegalEntity(db, instructor84, alpha.ej.finess)).toEqual(forReferent);
    expect(await dossiersOfLegalEntity(db, admin, alpha.ej.finess)).toEqual(forReferent);
  });

  it("shows a draft to its referent only, never to the ARS nor the DNS", async () => {
    expect((await dossiersOfLegalEntity(db, drafty.referent, drafty.ej.finess)).map((row) => row.status)).toEqual(["DRAFT"]);
    expect(await dossiersOfLegalEntity(db, instructor84, drafty.ej.finess)).toEqual([]);
    expect(await dossiersOfLegalEntity(db, admin, drafty.ej.finess)).toEqual([]);
  });

  it("never lists a dossier the user may not read: another region, another establishment, a GHT dossier for a member's referent", async () => {
    const instructor53 = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
    expect(await dossiersOfLegalEntity(db, instructor53, alpha.ej.finess)).toEqual([]);
    expect(await dossiersOfLegalEntity(db, drafty.referent, alpha.ej.finess)).toEqual([]);
    const forSupport = await dossiersOfLegalEntity(db, ght.referent, ght.member.finess);
    expect(forSupport).toHaveLength(1);
    expect(forSupport[0]).toMatchObject({ carrierFiness: ght.support.finess });
    expect(await dossiersOfLegalEntity(db, memberReferent, ght.member.finess)).toEqual([]);
  });
});
