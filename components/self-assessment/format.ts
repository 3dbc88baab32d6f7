import { fractionToNumber, type Fraction } from "@/lib/self-assessment/scoring";

const percentFormatter = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const levelFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const timeFormatter = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** 72.9 → "72,9 %" (the score is already rounded to one decimal by lib/self-assessment/scoring). */
export function formatPercent(percent: number): string {
  return `${percentFormatter.format(percent)}\u00a0%`;
}

/** A level that may be a mean of EG levels: 8/3 → "2,67". */
export function formatLevel(level: Fraction): string {
  return levelFormatter.format(fractionToNumber(level));
}

/** "10:42", Paris time. */
export function formatParisTime(iso: string): string {
  return timeFormatter.format(new Date(iso));
}

/** A DOM id for a question (its id may hold dots). */
export function questionDomId(questionId: string): string {
  return `question-${questionId.replace(/[^a-z0-9-]/g, "-")}`;
}
