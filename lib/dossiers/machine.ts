import type { DossierStatus, GuichetKind, Role } from "@/lib/generated/prisma/enums";
import type { GuichetPhase } from "@/lib/guichets/guichet-state";
import { PROJECT_CALL_NEXT_STEP, PROJECT_CALL_STATUS_LABELS } from "./kinds/project-call/labels";

/** What can happen to a dossier. Saving a draft is not a transition (see `isEditable`). */
export type DossierTransition = "SUBMIT" | "REQUEST_CHANGES" | "WITHDRAW_CHANGE_REQUEST" | "ACCEPT" | "REFUSE";

/** One row of a transition table; a kind that adds states or events widens `S` and `E`. */
export interface TransitionRule<S extends string = DossierStatus, E extends string = DossierTransition> {
  from: S;
  event: E;
  role: Role;
  to: S;
}

/** The status a table allows after `event`, or null. */
export function findTransition<S extends string, E extends string>(rules: readonly TransitionRule<S, E>[], from: S, event: E, role: Role): S | null {
  return rules.find((rule) => rule.from === from && rule.event === event && rule.role === role)?.to ?? null;
}

/** The instructors' side of the common machine: the same steps for the ARS and, on the CaRE relèves, the ANS (which dossier is whose: lib/dossiers/policy). */
const INSTRUCTOR_TRANSITIONS = (role: "ARS_INSTRUCTOR" | "ANS_INSTRUCTOR"): TransitionRule[] => [
  { from: "SUBMITTED", event: "REQUEST_CHANGES", role, to: "CHANGES_REQUESTED" },
  // The instructor may withdraw a request the establishment has not answered yet.
  { from: "CHANGES_REQUESTED", event: "WITHDRAW_CHANGE_REQUEST", role, to: "SUBMITTED" },
  { from: "SUBMITTED", event: "ACCEPT", role, to: "ACCEPTED" },
  { from: "SUBMITTED", event: "REFUSE", role, to: "REFUSED" },
];

/** The whole state machine, for both sides (establishment and instructors). */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: "DRAFT", event: "SUBMIT", role: "ESTABLISHMENT_REFERENT", to: "SUBMITTED" },
  { from: "CHANGES_REQUESTED", event: "SUBMIT", role: "ESTABLISHMENT_REFERENT", to: "SUBMITTED" },
  ...INSTRUCTOR_TRANSITIONS("ARS_INSTRUCTOR"),
  ...INSTRUCTOR_TRANSITIONS("ANS_INSTRUCTOR"),
];

/** The status after `event`, or null when the machine does not allow it. */
export function nextStatus(from: DossierStatus, event: DossierTransition, role: Role): DossierStatus | null {
  return findTransition(TRANSITIONS, from, event, role);
}

/** Only a draft or a dossier whose changes were requested can be edited; submitting locks it. */
export function isEditable(status: DossierStatus): boolean {
  return status === "DRAFT" || status === "CHANGES_REQUESTED";
}

/**
 * Deadlines (source 000): a first submission and the edits of a draft only while
 * the guichet is open; the exchanges that follow a change request, and every ARS
 * decision, until the end of instruction.
 */
export function deadlineAllows(status: DossierStatus, action: DossierTransition | "EDIT", phase: GuichetPhase): boolean {
  if (status === "DRAFT") return phase === "open";
  return phase === "open" || phase === "instruction";
}

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Transmis à l'ARS",
  CHANGES_REQUESTED: "Complément demandé",
  ACCEPTED: "Accepté",
  REFUSED: "Refusé",
  // Only an AAP HOP'EN2 project reaches these (its proof step): its own wording, one home.
  PROOF_SUBMITTED: PROJECT_CALL_STATUS_LABELS.PROOF_SUBMITTED,
  PROOF_CHANGES_REQUESTED: PROJECT_CALL_STATUS_LABELS.PROOF_CHANGES_REQUESTED,
  OBJECTIVES_VALIDATED: PROJECT_CALL_STATUS_LABELS.OBJECTIVES_VALIDATED,
  OBJECTIVES_NOT_MET: PROJECT_CALL_STATUS_LABELS.OBJECTIVES_NOT_MET,
};

/** What the establishment should do next, shown next to each dossier. */
export const DOSSIER_NEXT_STEP: Record<DossierStatus, string> = {
  DRAFT: "À compléter puis transmettre à l'ARS — pas encore transmis.",
  SUBMITTED: "En cours d'instruction par l'ARS.",
  CHANGES_REQUESTED: "Complément demandé par l'ARS : corrigez puis transmettez à nouveau.",
  ACCEPTED: "Dossier accepté par l'ARS.",
  REFUSED: "Dossier refusé par l'ARS.",
  PROOF_SUBMITTED: PROJECT_CALL_NEXT_STEP.PROOF_SUBMITTED,
  PROOF_CHANGES_REQUESTED: PROJECT_CALL_NEXT_STEP.PROOF_CHANGES_REQUESTED,
  OBJECTIVES_VALIDATED: PROJECT_CALL_NEXT_STEP.OBJECTIVES_VALIDATED,
  OBJECTIVES_NOT_MET: PROJECT_CALL_NEXT_STEP.OBJECTIVES_NOT_MET,
};

/** What the establishment should do next, as the dossier's kind words it (a CaRE relève goes to the ANS, source 003). */
export function dossierNextStep(status: DossierStatus, kind?: GuichetKind): string {
  if (kind !== "CARE_RELEVE") return DOSSIER_NEXT_STEP[status];
  return DOSSIER_NEXT_STEP[status].replaceAll("l'ARS", "l'ANS");
}

/** A status as the dossier's kind words it; the common wording when the kind is not known. */
export function dossierStatusLabel(status: DossierStatus, kind?: GuichetKind): string {
  if (kind === "PROJECT_CALL") return PROJECT_CALL_STATUS_LABELS[status];
  // A CaRE relève goes to the ANS, which instructs it nationally (source 003).
  if (kind === "CARE_RELEVE" && status === "SUBMITTED") return "Transmis à l'ANS";
  return DOSSIER_STATUS_LABELS[status];
}

/** The statuses only an AAP HOP'EN2 project reaches, after its acceptance (the proof step). */
export const PROOF_STEP_STATUSES = ["PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"] as const satisfies readonly DossierStatus[];
