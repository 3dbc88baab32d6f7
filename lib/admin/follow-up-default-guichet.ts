/**
 * PURE: which guichet the national follow-up opens on (issue 9, §2.9). A DNS
 * admin who opens /admin/suivi wants the guichet in progress, not the one that
 * opens last: a guichet still to come has no dossier yet (nothing can be
 * started before its opening day), so opening on it shows an empty table.
 *
 * Order of preference, on the portal's calendar day (lib/clock, simulated in demo):
 * 1. a guichet open to deposits — the one that closes first (its deadline is the nearest);
 * 2. else a guichet closed and in instruction — the one whose instruction ends first;
 * 3. else the last finished guichet — the one whose instruction ended last;
 * 4. else (every guichet is still to come) none: the page says so and lets the admin pick one.
 * Ties are broken by opening day, then code, so the choice never depends on the database's order.
 */
import type { CalendarDate } from "@/lib/clock/paris-date";
import { guichetPhase, type GuichetDates, type GuichetPhase } from "@/lib/guichets/guichet-state";

export interface DatedGuichet extends GuichetDates {
  id: string;
  code: string;
}

const byCode = (a: DatedGuichet, b: DatedGuichet) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const ascending = (key: keyof GuichetDates) => (a: DatedGuichet, b: DatedGuichet) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
const descending = (key: keyof GuichetDates) => (a: DatedGuichet, b: DatedGuichet) => -ascending(key)(a, b);

function first<T extends DatedGuichet>(guichets: T[], ...orders: ((a: DatedGuichet, b: DatedGuichet) => number)[]): T | null {
  const sorted = [...guichets].sort((a, b) => {
    for (const order of [...orders, byCode]) {
      const result = order(a, b);
      if (result !== 0) return result;
    }
    return 0;
  });
  return sorted[0] ?? null;
}

/** The guichet the follow-up opens on, or null when every guichet is still to come. */
export function defaultFollowUpGuichet<T extends DatedGuichet>(guichets: readonly T[], today: CalendarDate): T | null {
  const inPhase = (phase: GuichetPhase) => guichets.filter((guichet) => guichetPhase(guichet, today) === phase);
  return (
    first(inPhase("open"), ascending("closesOn"), ascending("opensOn")) ??
    first(inPhase("instruction"), ascending("instructionEndsOn"), ascending("opensOn")) ??
    first(inPhase("finished"), descending("instructionEndsOn"), descending("opensOn"))
  );
}
