import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface RegionOverview {
  code: string;
  name: string;
  legalEntities: number;
  sites: number;
  ghts: number;
  instructors: number;
}

/** National counts per region, in four grouped queries (no per-row loop on the database). */
export async function regionOverview(db: PrismaClient): Promise<RegionOverview[]> {
  const [regions, entities, ghts, instructors, sites] = await Promise.all([
    db.region.findMany({ orderBy: { name: "asc" } }),
    db.legalEntity.groupBy({ by: ["regionCode"], _count: { _all: true } }),
    db.ght.groupBy({ by: ["regionCode"], _count: { _all: true } }),
    db.user.groupBy({ by: ["regionCode"], where: { role: "ARS_INSTRUCTOR", active: true }, _count: { _all: true } }),
    db.$queryRaw<{ regionCode: string; count: bigint }[]>`
      SELECT e."regionCode", COUNT(*)::bigint AS count FROM "Site" s JOIN "LegalEntity" e ON e.finess = s."legalEntityFiness" GROUP BY e."regionCode"`,
  ]);
  const countOf = (rows: { regionCode: string | null; _count: { _all: number } }[], code: string) =>
    rows.find((row) => row.regionCode === code)?._count._all ?? 0;
  return regions.map((region) => ({
    code: region.code,
    name: region.name,
    legalEntities: countOf(entities, region.code),
    ghts: countOf(ghts, region.code),
    instructors: countOf(instructors, region.code),
    sites: Number(sites.find((row) => row.regionCode === region.code)?.count ?? 0),
  }));
}
