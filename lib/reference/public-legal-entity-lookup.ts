import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { headcountAndCeiling, summarizeSite, type LegalEntitySummary } from "./legal-entity-summary";

/*
 * Public look-up of an EJ for the funding simulator. FINESS and SAE are open data, so no
 * session and no scope check here (unlike lib/reference/legal-entities.ts). The result holds
 * only strings, numbers and null, so a server action can return it as is.
 */

const publicLegalEntityInclude = {
  region: true,
  ght: true,
  supportOf: true,
  sites: { include: { staffCounts: true }, orderBy: { finess: "asc" } },
} satisfies Prisma.LegalEntityInclude;

type PublicLegalEntityRow = Prisma.LegalEntityGetPayload<{ include: typeof publicLegalEntityInclude }>;

function toPublicSummary(row: PublicLegalEntityRow): LegalEntitySummary {
  const sites = row.sites.map((site) =>
    summarizeSite({
      finess: site.finess,
      name: site.name,
      category: site.category,
      categoryLabel: site.categoryLabel,
      city: site.city,
      staffCounts: site.staffCounts.map(({ year, salaried, liberal }) => ({ year, salaried, liberal })),
    }),
  );
  // A support EJ is linked through `supportOf`, a member through `ght`.
  const ght = row.supportOf ?? row.ght;
  return {
    finess: row.finess,
    name: row.name,
    legalStatus: row.legalStatus,
    category: row.category,
    categoryLabel: row.categoryLabel,
    regionCode: row.regionCode,
    regionName: row.region.name,
    ght: ght ? { code: ght.code, name: ght.name, supportFiness: ght.supportFiness, isSupport: ght.supportFiness === row.finess } : null,
    sites,
    ...headcountAndCeiling(sites),
  };
}

/**
 * The EJ whose FINESS juridique is `finess`, or, failing that, the EJ of the EG whose FINESS
 * géographique is `finess`; null when neither exists. The caller validates the format.
 */
export async function findLegalEntityByFiness(db: PrismaClient, finess: string): Promise<LegalEntitySummary | null> {
  const byEj = await db.legalEntity.findUnique({ where: { finess }, include: publicLegalEntityInclude });
  if (byEj) return toPublicSummary(byEj);
  // An EG belongs to exactly one EJ (Site.legalEntityFiness), so findFirst is unambiguous.
  const byEg = await db.legalEntity.findFirst({ where: { sites: { some: { finess } } }, include: publicLegalEntityInclude });
  return byEg ? toPublicSummary(byEg) : null;
}
