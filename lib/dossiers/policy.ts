import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, legalEntityScopeFilter, type LegalEntityScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus, Programme } from "@/lib/generated/prisma/enums";

/**
 * What the access rules need to know about a dossier: its carrier EJ (the support EJ for a GHT),
 * the programme of its guichet (a CaRE relève is the ANS's, every other dossier its region's ARS's)
 * and its status (a draft, never transmitted, is no instructor's).
 */
export interface DossierScope {
  carrier: LegalEntityScope;
  programme: Programme;
  status: DossierStatus;
}

/** The programme instructed nationally by the ANS (source 003); every other one is instructed by the ARS of the carrier's region. */
export const ANS_PROGRAMME: Programme = "HOSPICONNECT_CARE";

/**
 * Who may read a dossier:
 * - the referents acting for its carrier EJ (so, for a GHT, those of the support establishment), drafts included;
 * - an ARS instructor: a transmitted dossier of its region, unless it is a CaRE relève;
 * - an ANS instructor: a transmitted CaRE relève, every region;
 * - the DNS admins: every dossier.
 * `dossierScopeFilter` is the same rule as a Prisma filter.
 */
export function canReadDossier(user: CurrentUser, dossier: DossierScope): boolean {
  switch (user.role) {
    case "ESTABLISHMENT_REFERENT":
    case "DNS_ADMIN":
      return canAccessLegalEntity(user, dossier.carrier);
    case "ARS_INSTRUCTOR":
      return dossier.status !== "DRAFT" && dossier.programme !== ANS_PROGRAMME && canAccessLegalEntity(user, dossier.carrier);
    case "ANS_INSTRUCTOR":
      return dossier.status !== "DRAFT" && dossier.programme === ANS_PROGRAMME;
    default: {
      const unknownRole: never = user.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

/**
 * `canReadDossier` as a Prisma filter, for lists (kept next to the predicate so they cannot drift;
 * tests/integration/dossiers/policy-filter.test.ts holds both to the same answers on a real database).
 */
export function dossierScopeFilter(user: CurrentUser): Prisma.DossierWhereInput {
  switch (user.role) {
    case "ESTABLISHMENT_REFERENT":
    case "DNS_ADMIN":
      return { carrier: legalEntityScopeFilter(user) };
    case "ARS_INSTRUCTOR":
      return { AND: [{ carrier: legalEntityScopeFilter(user) }, { guichet: { programme: { not: ANS_PROGRAMME } } }, { status: { not: "DRAFT" } }] };
    case "ANS_INSTRUCTOR":
      return { AND: [{ guichet: { programme: ANS_PROGRAMME } }, { status: { not: "DRAFT" } }] };
    default: {
      const unknownRole: never = user.role;
      throw new Error(`Unknown role ${String(unknownRole)}`);
    }
  }
}

/** Who may complete and submit it: a referent acting for the carrier EJ. */
export function canEditDossier(user: CurrentUser, dossier: DossierScope): boolean {
  return user.role === "ESTABLISHMENT_REFERENT" && canAccessLegalEntity(user, dossier.carrier);
}

/** Who may instruct it: an instructor who may read it (its region's ARS, or the ANS for a CaRE relève); never the DNS. */
export function canInstructDossier(user: CurrentUser, dossier: DossierScope): boolean {
  return (user.role === "ARS_INSTRUCTOR" || user.role === "ANS_INSTRUCTOR") && canReadDossier(user, dossier);
}

/**
 * What a token of the API of the ARS and DNS information systems reads (lib/api/tokens.ts, issue 14 §7).
 * A token is read-only: this scope is its only rule.
 */
export type ApiScope = { kind: "national" } | { kind: "region"; regionCode: string };

/**
 * The instructor a regional token stands for: it reads exactly what an ARS instructor of its region
 * reads (its region's transmitted HOP'EN2 and AAP dossiers; never a draft, never a CaRE relève, never
 * another region), so the rule is the instructor's own and cannot drift from it.
 */
function regionalInstructor(regionCode: string): CurrentUser {
  return { id: `api-region-${regionCode}`, email: "", name: "", role: "ARS_INSTRUCTOR", regionCode, linkedLegalEntities: [] };
}

/**
 * May an API token of `scope` read this dossier?
 * - a regional token: what an ARS instructor of its region reads (`canReadDossier`);
 * - a national token: every transmitted dossier, of every programme (HOP'EN2, AAP, CaRE) — never a
 *   draft, which is no information system's business (the DNS reads drafts on the portal only).
 * `apiScopeFilter` is the same rule as a Prisma filter.
 */
export function canApiReadDossier(scope: ApiScope, dossier: DossierScope): boolean {
  switch (scope.kind) {
    case "region":
      return canReadDossier(regionalInstructor(scope.regionCode), dossier);
    case "national":
      return dossier.status !== "DRAFT";
    default: {
      const unknownScope: never = scope;
      throw new Error(`Unknown API scope ${JSON.stringify(unknownScope)}`);
    }
  }
}

/** `canApiReadDossier` as a Prisma filter (tests/integration/api/api-scope.test.ts holds both to the same answers). */
export function apiScopeFilter(scope: ApiScope): Prisma.DossierWhereInput {
  switch (scope.kind) {
    case "region":
      return dossierScopeFilter(regionalInstructor(scope.regionCode));
    case "national":
      return { status: { not: "DRAFT" } };
    default: {
      const unknownScope: never = scope;
      throw new Error(`Unknown API scope ${JSON.stringify(unknownScope)}`);
    }
  }
}
