/**
 * Who decides on an account request for an EJ (issue 13 §1):
 * - a referent who may act for the EJ (linked to it, or to the support EJ of its GHT: the support acts for the GHT);
 * - an ARS instructor of the EJ's region, only while no active referent may act for the EJ;
 * - the DNS, for every EJ.
 * The predicate and the Prisma filter sit side by side so that a list and a decision never disagree.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, legalEntityScopeFilter, type LegalEntityScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface RequestEntityScope extends LegalEntityScope {
  /** Active referents linked to the EJ or to its GHT's support EJ. */
  activeReferents: number;
}

export function canDecideRequest(actor: CurrentUser, entity: RequestEntityScope): boolean {
  switch (actor.role) {
    case "ESTABLISHMENT_REFERENT":
    case "DNS_ADMIN":
      return canAccessLegalEntity(actor, entity);
    case "ARS_INSTRUCTOR":
      return canAccessLegalEntity(actor, entity) && entity.activeReferents === 0;
    case "ANS_INSTRUCTOR":
      return false;
    default: {
      const unknownRole: never = actor.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

const activeReferent = { user: { active: true } } satisfies Prisma.ReferentLinkWhereInput;

/** An EJ for which no active referent may act (neither its own nor its GHT support's). */
export const withoutActiveReferent: Prisma.LegalEntityWhereInput = {
  referents: { none: activeReferent },
  OR: [{ ghtId: null }, { ght: { support: { referents: { none: activeReferent } } } }],
};

/** The EJ whose requests `actor` may decide on, as a filter of LegalEntity. */
export function decidableEntityFilter(actor: CurrentUser): Prisma.LegalEntityWhereInput {
  if (actor.role === "ARS_INSTRUCTOR") return { AND: [legalEntityScopeFilter(actor), withoutActiveReferent] };
  return legalEntityScopeFilter(actor);
}

/** What canDecideRequest needs, as a Prisma select of LegalEntity. */
export const requestEntityScopeSelect = {
  finess: true,
  name: true,
  regionCode: true,
  ght: { select: { supportFiness: true, support: { select: { _count: { select: { referents: { where: activeReferent } } } } } } },
  _count: { select: { referents: { where: activeReferent } } },
} satisfies Prisma.LegalEntitySelect;

export function toRequestEntityScope(row: Prisma.LegalEntityGetPayload<{ select: typeof requestEntityScopeSelect }>): RequestEntityScope & { name: string } {
  const own = row._count.referents;
  // The support EJ's own referents are already counted when the EJ is the support itself.
  const support = row.ght && row.ght.supportFiness !== row.finess ? row.ght.support._count.referents : 0;
  return { finess: row.finess, name: row.name, regionCode: row.regionCode, ghtSupportFiness: row.ght?.supportFiness ?? null, activeReferents: own + support };
}
