import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { canAccessLegalEntity, legalEntityScopeFilter } from "@/lib/auth/scope";
import { headcountAndCeiling, summarizeSite, type LegalEntitySummary } from "./legal-entity-summary";
import { withUnlistedSites } from "./sae-staff";

/** How the pages name an EG known only from an SAE line of the EJ (FI_EJ), absent from the FINESS register. */
export const UNLISTED_SITE_NAME = "EG absent du répertoire FINESS en vigueur (effectifs SAE rattachés par FI_EJ)";

export const legalEntityInclude = {
  region: true,
  ght: true,
  supportOf: true,
  sites: { include: { staffCounts: true }, orderBy: { finess: "asc" } },
  unlistedStaffCounts: true,
} satisfies Prisma.LegalEntityInclude;

type LegalEntityRow = Prisma.LegalEntityGetPayload<{ include: typeof legalEntityInclude }>;

/** An EJ row as the pages show it: EG with the retained SAE year, headcount and ceiling (plain data). */
export function toLegalEntitySummary(row: LegalEntityRow): LegalEntitySummary {
  const sites = withUnlistedSites(row.sites, row.unlistedStaffCounts).map(({ site, finess, staffCounts }) =>
    summarizeSite({
      finess,
      name: site?.name ?? UNLISTED_SITE_NAME,
      category: site?.category ?? "",
      categoryLabel: site?.categoryLabel ?? null,
      city: site?.city ?? null,
      staffCounts,
      listedInFiness: site !== null,
    }),
  );
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

export interface LegalEntityQuery {
  /** Free text: part of the name or of the FINESS. */
  search?: string;
  take?: number;
}

/** The EJ the user may see, with their EG, SAE staff counts and ceiling. */
export async function listLegalEntitiesForUser(db: PrismaClient, user: CurrentUser, query: LegalEntityQuery = {}): Promise<LegalEntitySummary[]> {
  const search = query.search?.trim();
  const where: Prisma.LegalEntityWhereInput = {
    AND: [
      legalEntityScopeFilter(user),
      search
        ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { finess: { startsWith: search } }, { sites: { some: { finess: { startsWith: search } } } }] }
        : {},
    ],
  };
  const rows = await db.legalEntity.findMany({ where, include: legalEntityInclude, orderBy: { name: "asc" }, take: query.take ?? 200 });
  return rows.map(toLegalEntitySummary);
}

/**
 * One EJ, if the user's scope covers it. An unknown FINESS is NotFoundError;
 * a known one outside the scope is ForbiddenError.
 */
export async function getLegalEntityForUser(db: PrismaClient, user: CurrentUser, finess: string): Promise<LegalEntitySummary> {
  const row = await db.legalEntity.findUnique({ where: { finess }, include: legalEntityInclude });
  if (!row) throw new NotFoundError(`EJ ${finess} inconnue`);
  const scope = { finess: row.finess, regionCode: row.regionCode, ghtSupportFiness: row.ght?.supportFiness ?? null };
  if (!canAccessLegalEntity(user, scope)) throw new ForbiddenError();
  return toLegalEntitySummary(row);
}
