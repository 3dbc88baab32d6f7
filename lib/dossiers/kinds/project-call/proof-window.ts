import { calendarDateFromDb, formatCalendarDate, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import { DeadlinePassedError, InvalidStateError } from "@/lib/errors";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import { proofDepositClosedReason } from "./submission-rules";

/*
 * When an accepted project's proofs can be deposited (source 001: « 30 juin – fin du dépôt des
 * éléments de preuves », 2027): from the guichet's proofOpensOn to its proofClosesOn included,
 * Paris days, both set by the DNS like the other dates.
 */

export interface ProofWindow {
  opensOn: CalendarDate | null;
  closesOn: CalendarDate | null;
}

export function proofWindowOf(guichet: { proofOpensOn: Date | null; proofClosesOn: Date | null }): ProofWindow {
  return { opensOn: guichet.proofOpensOn ? calendarDateFromDb(guichet.proofOpensOn) : null, closesOn: guichet.proofClosesOn ? calendarDateFromDb(guichet.proofClosesOn) : null };
}

/** Why the proofs cannot be deposited on this day, or null. */
export function proofWindowProblem(window: ProofWindow, today: CalendarDate): string | null {
  if (!window.opensOn || !window.closesOn) return "Les dates du dépôt des preuves de cet appel à projets ne sont pas encore fixées.";
  if (today < window.opensOn) return `Le dépôt des preuves d'atteinte des cibles ouvre le ${formatCalendarDate(window.opensOn)}.`;
  if (today > window.closesOn) return `Le dépôt des preuves d'atteinte des cibles est clos depuis le ${formatCalendarDate(window.closesOn)}.`;
  return null;
}

/** Throws the French reason when the proofs of this dossier cannot be written now. */
export function assertProofEditable(row: { status: DossierStatus; guichet: { kind: GuichetKind; proofOpensOn: Date | null; proofClosesOn: Date | null } }, at: Date): void {
  if (row.guichet.kind !== "PROJECT_CALL") throw new InvalidStateError("Ce dossier n'a pas d'étape de dépôt des preuves.");
  const closed = proofDepositClosedReason(row.status);
  if (closed) throw new InvalidStateError(closed);
  const problem = proofWindowProblem(proofWindowOf(row.guichet), parisDate(at));
  if (problem) throw new DeadlinePassedError(problem);
}
