import type { Prisma } from "@/lib/generated/prisma/client";
import { calendarDateFromDb, parisDate } from "@/lib/clock/paris-date";
import { headcountWithUnlisted } from "@/lib/reference/sae-staff";
import type { DossierStatus, Programme } from "@/lib/generated/prisma/enums";
import type { DossierScope } from "./policy";

/** Everything a dossier page, its rules and its snapshot need, in one query. */
export const dossierInclude = {
  guichet: true,
  carrier: { include: { region: true, ght: true, supportOf: true } },
  completedBy: { select: { id: true, name: true, email: true } },
  legalEntities: {
    include: {
      legalEntity: { include: { sites: { include: { staffCounts: true } }, unlistedStaffCounts: true } },
      selfAssessment: { select: { id: true, nru: true, status: true, legalEntityFiness: true, validatedAt: true } },
    },
    orderBy: { legalEntityFiness: "asc" },
  },
  documents: { include: { file: true, legalEntities: true }, orderBy: { createdAt: "asc" } },
  submissions: { select: { id: true, sequence: true, submittedAt: true, submittedById: true }, orderBy: { sequence: "asc" } },
} satisfies Prisma.DossierInclude;

export type DossierRow = Prisma.DossierGetPayload<{ include: typeof dossierInclude }>;

/** What a dossier row must load for the access rules (lib/dossiers/policy): select it with `dossierScopeSelect`. */
export interface DossierScopeSource {
  status: DossierStatus;
  guichet: { programme: Programme };
  carrier: { finess: string; regionCode: string; ght: { supportFiness: string } | null };
}

/** The fields of a dossier that `dossierScope` reads, for a `select`. */
export const dossierScopeSelect = {
  status: true,
  guichet: { select: { programme: true } },
  carrier: { select: { finess: true, regionCode: true, ght: { select: { supportFiness: true } } } },
} satisfies Prisma.DossierSelect;

export function dossierScope(row: DossierScopeSource): DossierScope {
  return {
    carrier: { finess: row.carrier.finess, regionCode: row.carrier.regionCode, ghtSupportFiness: row.carrier.ght?.supportFiness ?? null },
    programme: row.guichet.programme,
    status: row.status,
  };
}

export function partHeadcount(part: DossierRow["legalEntities"][number]): number {
  return headcountWithUnlisted(part.legalEntity.sites, part.legalEntity.unlistedStaffCounts);
}

export function documentsOf(row: DossierRow, finess: string, kind: DossierRow["documents"][number]["kind"]) {
  return row.documents.filter((document) => document.kind === kind && document.legalEntities.some((link) => link.legalEntityFiness === finess));
}

export function validatedOn(validatedAt: Date | null): string | null {
  return validatedAt ? parisDate(validatedAt) : null;
}

export { calendarDateFromDb };
