import type { CurrentUser } from "@/lib/auth/current-user";
import { auditSubject, recordAuditAlone } from "@/lib/audit";
import { demoClock, now, setDemoDate } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { InvalidStateError } from "@/lib/errors";
import { assertAdmin } from "./accounts";

/**
 * Demo mode only: an admin moves the simulated date (e.g. back into the
 * candidature window), read as Paris wall-clock time ("2026-02-01T10:00" from
 * <input type="datetime-local">), audited as `demo.clock.set`.
 */
export async function moveDemoDate(db: Database, actor: CurrentUser, localDateTime: string): Promise<Date> {
  assertAdmin(actor);
  if (!demoClock()) throw new InvalidStateError("La date ne peut être modifiée qu'en mode démonstration.");
  const instant = parisLocalToInstant(localDateTime);
  // Audited first: a clock that moved without its row would be the worse failure. `at` is the machine's time, not the simulated one.
  await recordAuditAlone(db, { at: new Date(), actor, action: "demo.clock.set", subject: auditSubject.demoClock, before: { at: now().toISOString() }, after: { at: instant.toISOString() }, details: { localDateTime } });
  setDemoDate(instant);
  return instant;
}

/** Paris wall-clock time → instant (tries both possible offsets, keeps the one that round-trips). */
export function parisLocalToInstant(local: string): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${local}:00${offset}`);
    const shown = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .format(candidate)
      .replace(" ", "T");
    if (shown === local) return candidate;
  }
  return new Date(`${local}:00+01:00`);
}
