import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GuichetKind, Programme } from "@/lib/generated/prisma/enums";
import { calendarDateFromDb, type CalendarDate } from "@/lib/clock/paris-date";
import { daysLeftToDeposit, guichetPhase, type GuichetPhase } from "./guichet-state";

export interface GuichetView {
  id: string;
  code: string;
  programme: Programme;
  kind: GuichetKind;
  year: number;
  label: string;
  opensOn: CalendarDate;
  closesOn: CalendarDate;
  instructionEndsOn: CalendarDate;
  /** AAP HOP'EN2: the proof deposit of accepted projects; null elsewhere. */
  proofOpensOn: CalendarDate | null;
  proofClosesOn: CalendarDate | null;
  phase: GuichetPhase;
  daysLeft: number;
}

/** Every guichet with its phase on `today` (a Paris calendar day computed on the server). */
export async function listGuichets(db: PrismaClient, today: CalendarDate): Promise<GuichetView[]> {
  const rows = await db.guichet.findMany({ orderBy: [{ opensOn: "asc" }, { code: "asc" }] });
  return rows.map((row) => {
    const dates = {
      opensOn: calendarDateFromDb(row.opensOn),
      closesOn: calendarDateFromDb(row.closesOn),
      instructionEndsOn: calendarDateFromDb(row.instructionEndsOn),
    };
    return {
      id: row.id,
      code: row.code,
      programme: row.programme,
      kind: row.kind,
      year: row.year,
      label: row.label,
      ...dates,
      proofOpensOn: row.proofOpensOn ? calendarDateFromDb(row.proofOpensOn) : null,
      proofClosesOn: row.proofClosesOn ? calendarDateFromDb(row.proofClosesOn) : null,
      phase: guichetPhase(dates, today),
      daysLeft: daysLeftToDeposit(dates, today),
    };
  });
}
