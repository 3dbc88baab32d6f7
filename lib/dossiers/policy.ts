import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, type LegalEntityScope } from "@/lib/auth/scope";

/** What the access rules need to know about a dossier: its carrier EJ (the support EJ for a GHT). */
export interface DossierScope {
  carrier: LegalEntityScope;
}

/**
 * Who may read a dossier: the referents acting for its carrier EJ (so, for a
 * GHT, those of the support establishment), the instructors of the carrier's
 * region, the DNS admins.
 */
export function canReadDossier(user: CurrentUser, dossier: DossierScope): boolean {
  return canAccessLegalEntity(user, dossier.carrier);
}

/** Who may complete and submit it: a referent acting for the carrier EJ. */
export function canEditDossier(user: CurrentUser, dossier: DossierScope): boolean {
  return user.role === "ESTABLISHMENT_REFERENT" && canAccessLegalEntity(user, dossier.carrier);
}

/** Who may instruct it: an instructor of the carrier's region. */
export function canInstructDossier(user: CurrentUser, dossier: DossierScope): boolean {
  return user.role === "ARS_INSTRUCTOR" && canAccessLegalEntity(user, dossier.carrier);
}
