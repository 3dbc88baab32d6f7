import type { Prisma } from "@/lib/generated/prisma/client";
import { calendarDateFromDb, parisDate } from "@/lib/clock/paris-date";
import { legalEntityHeadcount, siteHeadcount } from "@/lib/funding";
import type { LegalEntityScope } from "@/lib/auth/scope";

/** Everything a dossier page, its rules and its snapshot need, in one query. */
export const dossierInclude = {
  guichet: true,
  carrier: { include: { region: true, ght: true, supportOf: true } },
  completedBy: { select: { id: true, name: true, email: true } },
  legalEntities: {
    include: {
      legalEntity: { include: { sites: { include: { staffCounts: true } } } },
      selfAssessment: { select: { id: true, nru: true, status: true, legalEntityFiness: true, validatedAt: true } },
    },
    orderBy: { legalEntityFiness: "asc" },
  },
  documents: { include: { file: true, legalEntities: true }, orderBy: { createdAt: "asc" } },
  submissions: { select: { id: true, sequence: true, submittedAt: true, submittedById: true }, orderBy: { sequence: "asc" } },
} satisfies Prisma.DossierInclude;

export type DossierRow = Prisma.DossierGetPayload<{ include: typeof dossierInclude }>;

export function dossierScope(row: { carrier: { finess: string; regionCode: string; ght: { supportFiness: string } | null } }): { carrier: LegalEntityScope } {
  return {
    carrier: { finess: row.carrier.finess, regionCode: row.carrier.regionCode, ghtSupportFiness: row.carrier.ght?.supportFiness ?? null },
  };
}

export function partHeadcount(part: DossierRow["legalEntities"][number]): number {
  return legalEntityHeadcount(part.legalEntity.sites.map((site) => siteHeadcount(site.staffCounts)));
}

export function documentsOf(row: DossierRow, finess: string, kind: DossierRow["documents"][number]["kind"]) {
  return row.documents.filter((document) => document.kind === kind && document.legalEntities.some((link) => link.legalEntityFiness === finess));
}

export function validatedOn(validatedAt: Date | null): string | null {
  return validatedAt ? parisDate(validatedAt) : null;
}

export { calendarDateFromDb };
