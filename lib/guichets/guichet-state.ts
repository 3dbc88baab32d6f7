import { daysBetween, type CalendarDate } from "@/lib/clock/paris-date";

export interface GuichetDates {
  opensOn: CalendarDate;
  closesOn: CalendarDate;
  instructionEndsOn: CalendarDate;
}

/**
 * - upcoming: before the opening day
 * - open: deposits accepted, opening and closing days included (Paris time)
 * - instruction: closed to deposits, ARS still instructing (until its end day included)
 * - finished: after the end of instruction
 */
export type GuichetPhase = "upcoming" | "open" | "instruction" | "finished";

export function guichetPhase(dates: GuichetDates, today: CalendarDate): GuichetPhase {
  if (today < dates.opensOn) return "upcoming";
  if (today <= dates.closesOn) return "open";
  if (today <= dates.instructionEndsOn) return "instruction";
  return "finished";
}

export function isGuichetOpen(dates: GuichetDates, today: CalendarDate): boolean {
  return guichetPhase(dates, today) === "open";
}

/** Days left to deposit, counting today (closing day = 1); 0 once closed. */
export function daysLeftToDeposit(dates: GuichetDates, today: CalendarDate): number {
  if (guichetPhase(dates, today) !== "open") return 0;
  return daysBetween(today, dates.closesOn) + 1;
}

export const GUICHET_PHASE_LABELS: Record<GuichetPhase, string> = {
  upcoming: "À venir",
  open: "Ouvert",
  instruction: "Fermé — instruction en cours",
  finished: "Terminé",
};
