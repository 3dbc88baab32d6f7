/**
 * The read policy of a dossier and its Prisma twin (lib/dossiers/policy) give the same answers:
 * a matrix of dossiers (three programmes × draft or transmitted × two regions, one of them a GHT
 * dossier) is read by every kind of user both ways, on a real database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { dossierScope, dossierScopeSelect } from "@/lib/dossiers/dossier-view";
import { canReadDossier, dossierScopeFilter } from "@/lib/dossiers/policy";
import type { GuichetKind, Programme } from "@/lib/generated/prisma/enums";
import { directDossier, establishment, ghtEstablishment } from "../support/dossier-builders";
import { asCurrentUser, createGuichet, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const users: Record<string, CurrentUser> = {};
const all: string[] = [];

const GUICHETS: [Programme, GuichetKind][] = [
  ["HOSPICONNECT_HOPEN2", "MILESTONE_DEPOSIT"],
  ["AAP_HOPEN2", "PROJECT_CALL"],
  ["HOSPICONNECT_CARE", "CARE_RELEVE"],
];

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const alpha = await establishment(db, "84", "CH Alpha");
  const ght = await ghtEstablishment(db, "84", "84321");
  const kervidec = await establishment(db, "53", "Clinique de Kervidec");
  for (const [programme, kind] of GUICHETS) {
    const guichet = await createGuichet(db, { kind, programme, year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
    for (const { referent, finess } of [
      { referent: alpha.referent, finess: alpha.ej.finess },
      { referent: ght.referent, finess: ght.support.finess },
      { referent: kervidec.referent, finess: kervidec.ej.finess },
    ]) {
      for (const status of ["DRAFT", "SUBMITTED", "REFUSED"] as const) {
        // One dossier per EJ and guichet, but for the AAP: the other statuses go to two more guichets of the same kind.
        const target = status === "DRAFT" ? guichet : await createGuichet(db, { kind, programme, year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
        all.push((await directDossier(db, { guichet: target, carrierFiness: finess, referent, status })).id);
      }
    }
  }
  Object.assign(users, {
    referentAlpha: alpha.referent,
    referentGhtSupport: ght.referent,
    ars84: asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" })),
    ars53: asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" })),
    arsWithoutRegion: asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR" })),
    ans: asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" })),
    dns: asCurrentUser(await createUser(db, { role: "DNS_ADMIN" })),
  });
});

describe("dossierScopeFilter lists exactly what canReadDossier allows", () => {
  it.each(["referentAlpha", "referentGhtSupport", "ars84", "ars53", "arsWithoutRegion", "ans", "dns"])("%s", async (name) => {
    const user = users[name]!;
    const rows = await db.dossier.findMany({ where: { id: { in: all } }, select: { id: true, ...dossierScopeSelect } });
    const byPredicate = rows.filter((row) => canReadDossier(user, dossierScope(row))).map((row) => row.id).sort();
    const byFilter = (await db.dossier.findMany({ where: { AND: [{ id: { in: all } }, dossierScopeFilter(user)] }, select: { id: true } })).map((row) => row.id).sort();
    expect(byFilter).toEqual(byPredicate);
  });

  it("the matrix means something: the ANS reads the transmitted CaRE relèves of both regions only, the ARS of 84 its region's transmitted HOP'EN2 and AAP dossiers", async () => {
    const scoped = async (user: CurrentUser) =>
      db.dossier.findMany({ where: { AND: [{ id: { in: all } }, dossierScopeFilter(user)] }, select: { status: true, guichet: { select: { programme: true } }, carrier: { select: { regionCode: true } } } });
    const ans = await scoped(users.ans!);
    expect(ans).toHaveLength(6); // 3 EJ × (SUBMITTED, REFUSED)
    expect(new Set(ans.map((row) => row.guichet.programme))).toEqual(new Set(["HOSPICONNECT_CARE"]));
    expect(new Set(ans.map((row) => row.carrier.regionCode))).toEqual(new Set(["84", "53"]));
    expect(ans.some((row) => row.status === "DRAFT")).toBe(false);
    const ars = await scoped(users.ars84!);
    expect(ars).toHaveLength(8); // 2 EJ of 84 × 2 programmes × (SUBMITTED, REFUSED)
    expect(ars.some((row) => row.guichet.programme === "HOSPICONNECT_CARE" || row.status === "DRAFT" || row.carrier.regionCode !== "84")).toBe(false);
    expect(await scoped(users.dns!)).toHaveLength(all.length);
  });
});
