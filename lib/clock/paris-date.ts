/**
 * Calendar dates of the programme are Europe/Paris days (DESIGN: a guichet
 * closing on 26 June closes at 23:59:59 Paris time). A `CalendarDate` is an
 * ISO 'YYYY-MM-DD' string, so comparing two of them is a string comparison.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const parisFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Paris calendar day of an instant. */
export function parisDate(instant: Date): CalendarDate {
  return parisFormatter.format(instant);
}

/** A PostgreSQL `date` column comes back as UTC midnight of that day. */
export function calendarDateFromDb(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10);
}

export function dbDateFromCalendarDate(date: CalendarDate): Date {
  assertCalendarDate(date);
  return new Date(`${date}T00:00:00.000Z`);
}

export function assertCalendarDate(date: string): asserts date is CalendarDate {
  if (!CALENDAR_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const longFormatter = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "26 juin 2026" */
export function formatCalendarDate(date: CalendarDate): string {
  return longFormatter.format(new Date(`${date}T00:00:00Z`));
}

const instantFormatter = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "1 juin 2026 à 10:00" in Paris time. */
export function formatParisInstant(instant: Date): string {
  return instantFormatter.format(instant);
}
