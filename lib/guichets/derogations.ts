import { calendarDateFromDb, type CalendarDate } from "@/lib/clock/paris-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/client";
import type { GuichetDates } from "./guichet-state";

export interface DerogationRow {
  regionCode: string | null;
  legalEntityFiness: string | null;
  closesOn: Date;
  instructionEndsOn: Date | null;
}

/**
 * The dates that apply to one EJ: the guichet's, extended by the derogations in
 * force for the EJ itself or for its region (the latest date wins; a derogation
 * only ever extends).
 */
export function datesWithDerogations(base: GuichetDates, derogations: readonly DerogationRow[], carrier: { finess: string; regionCode: string }): GuichetDates {
  let { closesOn, instructionEndsOn } = base;
  for (const derogation of derogations) {
    const applies = derogation.legalEntityFiness === carrier.finess || (derogation.legalEntityFiness === null && derogation.regionCode === carrier.regionCode);
    if (!applies) continue;
    const close = calendarDateFromDb(derogation.closesOn);
    if (close > closesOn) closesOn = close;
    const end = derogation.instructionEndsOn ? calendarDateFromDb(derogation.instructionEndsOn) : null;
    if (end && end > instructionEndsOn) instructionEndsOn = end;
  }
  // The instruction never ends before the deposits close.
  if (instructionEndsOn < closesOn) instructionEndsOn = closesOn;
  return { opensOn: base.opensOn, closesOn, instructionEndsOn };
}

export function guichetBaseDates(guichet: { opensOn: Date; closesOn: Date; instructionEndsOn: Date }): GuichetDates {
  return {
    opensOn: calendarDateFromDb(guichet.opensOn),
    closesOn: calendarDateFromDb(guichet.closesOn),
    instructionEndsOn: calendarDateFromDb(guichet.instructionEndsOn),
  };
}

/** The dates of `guichet` for the EJ `carrier`, derogations in force included. */
export async function effectiveGuichetDates(
  db: Database | Prisma.TransactionClient,
  guichet: { id: string; opensOn: Date; closesOn: Date; instructionEndsOn: Date },
  carrier: { finess: string; regionCode: string },
): Promise<GuichetDates> {
  const derogations = await db.guichetDerogation.findMany({
    where: { guichetId: guichet.id, revokedAt: null, OR: [{ legalEntityFiness: carrier.finess }, { regionCode: carrier.regionCode, legalEntityFiness: null }] },
  });
  return datesWithDerogations(guichetBaseDates(guichet), derogations, carrier);
}

export type { CalendarDate };
