/**
 * The daily digests (issue 14 §2): for each finished Paris day, the chain's last row written
 * before the next Paris midnight (by its `at`), its hash and the number of chained rows up to it.
 * A digest pins the chain: rewriting any row up to it — even recomputing every following hash so
 * that the links hold — changes the pinned hash or the count, which lib/audit/verify.ts reports.
 *
 * Written by the portal's background worker (lib/notifications/worker.ts, once an hour) and by
 * `npm run audit:verify`; a day already digested is never rewritten.
 */
import { assertCalendarDate, calendarDateFromDb, dbDateFromCalendarDate, type CalendarDate } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { lockAuditChain } from "./record";

/** At most this many days per call: a first run on an old journal catches up over a few calls. */
const MAX_DAYS_PER_RUN = 400;

function nextDay(date: CalendarDate): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Records the digests of the days before `today` (a Paris date) not yet digested; returns how many. */
export async function recordDailyDigests(db: Database, today: CalendarDate): Promise<number> {
  assertCalendarDate(today);
  return db.$transaction(async (tx) => {
    // The writers' lock: the head read below is not moving while the digests are computed.
    await lockAuditChain(tx);
    const latest = await tx.auditDigest.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
    let day: CalendarDate;
    if (latest) day = nextDay(calendarDateFromDb(latest.day));
    else {
      const [first] = await tx.$queryRaw<{ day: Date | null }[]>`
        SELECT (("at" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date AS "day"
        FROM "AuditEvent" WHERE "hash" IS NOT NULL ORDER BY "id" ASC LIMIT 1`;
      if (!first?.day) return 0;
      day = calendarDateFromDb(first.day);
    }
    let written = 0;
    for (; day < today && written < MAX_DAYS_PER_RUN; day = nextDay(day)) {
      // The end of the Paris day as a UTC timestamp (the column holds UTC): 23 or 25 hours on DST days.
      const [pin] = await tx.$queryRaw<{ id: bigint; hash: string; rows: bigint }[]>`
        WITH "pinned" AS (
          SELECT "id", "hash" FROM "AuditEvent"
          WHERE "hash" IS NOT NULL AND "at" < ((${day}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC'
          ORDER BY "id" DESC LIMIT 1
        )
        SELECT "pinned"."id", "pinned"."hash",
               (SELECT count(*) FROM "AuditEvent" a WHERE a."hash" IS NOT NULL AND a."id" <= "pinned"."id") AS "rows"
        FROM "pinned"`;
      if (!pin) continue;
      await tx.auditDigest.create({ data: { day: dbDateFromCalendarDate(day), lastId: pin.id, lastHash: pin.hash, rows: Number(pin.rows) } });
      written += 1;
    }
    return written;
  });
}
