import type { DossierStatus, Role } from "@/lib/generated/prisma/enums";
import { findTransition, TRANSITIONS, type DossierTransition, type TransitionRule } from "@/lib/dossiers/machine";

/*
 * The states an AAP HOP'EN2 project adds to the common machine (lib/dossiers/machine.ts), as data
 * in the same shape as its TRANSITIONS, for the registry to merge (machine.ts is not edited here).
 *
 * Source 001: « 50% du montant octroyé versé en 2026, sur la base de l'acceptation du projet ;
 * 50% du montant octroyé en 2027, sur la base de l'atteinte des objectifs du projet tel que validé
 * par l'ARS », and the calendar's « 30 juin – fin du dépôt des éléments de preuves » (2027).
 * So the common path DRAFT → SUBMITTED → ACCEPTED is the ARS selection (first payment), and the
 * project goes on: the porteur deposits its proofs, the ARS may ask for more, then validates the
 * objectives (second payment) or finds them not met (no second payment). Deadlines stay the
 * guichet's business (deadlineAllows), not the table's.
 */

export const PROJECT_CALL_EXTRA_STATUSES = ["PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"] as const;
export type ProjectCallExtraStatus = (typeof PROJECT_CALL_EXTRA_STATUSES)[number];
export type ProjectCallStatus = DossierStatus | ProjectCallExtraStatus;

export const PROJECT_CALL_EXTRA_EVENTS = ["SUBMIT_PROOF", "REQUEST_PROOF_CHANGES", "VALIDATE_OBJECTIVES", "REJECT_OBJECTIVES"] as const;
export type ProjectCallExtraEvent = (typeof PROJECT_CALL_EXTRA_EVENTS)[number];
export type ProjectCallEvent = DossierTransition | ProjectCallExtraEvent;

export type ProjectCallTransitionRule = TransitionRule<ProjectCallStatus, ProjectCallEvent>;

export const PROJECT_CALL_TRANSITIONS: readonly ProjectCallTransitionRule[] = [
  { from: "ACCEPTED", event: "SUBMIT_PROOF", role: "ESTABLISHMENT_REFERENT", to: "PROOF_SUBMITTED" },
  { from: "PROOF_SUBMITTED", event: "REQUEST_PROOF_CHANGES", role: "ARS_INSTRUCTOR", to: "PROOF_CHANGES_REQUESTED" },
  { from: "PROOF_CHANGES_REQUESTED", event: "SUBMIT_PROOF", role: "ESTABLISHMENT_REFERENT", to: "PROOF_SUBMITTED" },
  { from: "PROOF_SUBMITTED", event: "VALIDATE_OBJECTIVES", role: "ARS_INSTRUCTOR", to: "OBJECTIVES_VALIDATED" },
  { from: "PROOF_SUBMITTED", event: "REJECT_OBJECTIVES", role: "ARS_INSTRUCTOR", to: "OBJECTIVES_NOT_MET" },
];

/** The status after `event` for a project: the common table first, then the kind's own rules. */
export function projectCallNextStatus(from: ProjectCallStatus, event: ProjectCallEvent, role: Role): ProjectCallStatus | null {
  const rules: readonly ProjectCallTransitionRule[] = [...TRANSITIONS, ...PROJECT_CALL_TRANSITIONS];
  return findTransition(rules, from, event, role);
}

/** Where the porteur may still change its proof deposit (a new draft of proofs is kept meanwhile). */
export function isProofEditable(status: ProjectCallStatus): boolean {
  return status === "ACCEPTED" || status === "PROOF_CHANGES_REQUESTED";
}
