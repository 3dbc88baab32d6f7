import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "./current-user";

/** What the scope rules need to know about an EJ. */
export interface LegalEntityScope {
  finess: string;
  regionCode: string;
  /** FINESS of the support EJ of the EJ's GHT, if it belongs to one. */
  ghtSupportFiness: string | null;
}

/**
 * May `user` see and act for this EJ?
 * - referent: an EJ it is linked to, or any EJ of a GHT whose support EJ it is linked to (source 000: the support establishment acts for every EJ of the GHT);
 * - ARS instructor: an EJ of its region only;
 * - DNS admin: every EJ.
 */
export function canAccessLegalEntity(user: CurrentUser, entity: LegalEntityScope): boolean {
  switch (user.role) {
    case "ESTABLISHMENT_REFERENT":
      return (
        user.linkedLegalEntities.includes(entity.finess) ||
        (entity.ghtSupportFiness !== null && user.linkedLegalEntities.includes(entity.ghtSupportFiness))
      );
    case "ARS_INSTRUCTOR":
      return user.regionCode !== null && entity.regionCode === user.regionCode;
    case "ANS_INSTRUCTOR":
      // National, but for the CaRE dossiers only (lib/dossiers/policy): no EJ page of its own.
      return false;
    case "DNS_ADMIN":
      return true;
    default: {
      const unknownRole: never = user.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

/** The same rule as a Prisma filter, for lists (kept next to the predicate so they cannot drift). */
export function legalEntityScopeFilter(user: CurrentUser): Prisma.LegalEntityWhereInput {
  switch (user.role) {
    case "ESTABLISHMENT_REFERENT":
      return {
        OR: [
          { finess: { in: user.linkedLegalEntities } },
          { ght: { supportFiness: { in: user.linkedLegalEntities } } },
        ],
      };
    case "ARS_INSTRUCTOR":
      // An instructor without a region sees nothing rather than everything.
      return user.regionCode ? { regionCode: user.regionCode } : { finess: { in: [] } };
    case "ANS_INSTRUCTOR":
      return { finess: { in: [] } };
    case "DNS_ADMIN":
      return {};
    default: {
      const unknownRole: never = user.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

/** May `user` open the pages of this region (instructors: their own; admins: all)? */
export function canAccessRegion(user: CurrentUser, regionCode: string): boolean {
  if (user.role === "DNS_ADMIN") return true;
  if (user.role === "ARS_INSTRUCTOR") return user.regionCode === regionCode;
  return false;
}
