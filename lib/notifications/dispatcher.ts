/**
 * Sends the outbox (OutboxEmail) through a mail transport, with retries.
 *
 * - Claiming is one atomic statement (UPDATE … WHERE id IN (SELECT … FOR
 *   UPDATE SKIP LOCKED) RETURNING …): several dispatchers (server processes,
 *   overlapping runs) never claim the same row, so an e-mail is never sent
 *   twice while its claim holds.
 * - A failure keeps the row PENDING: attempts + 1, the error, and a next
 *   attempt after an exponential backoff with jitter (30 s, 1 min, 2 min …
 *   capped at 1 h). It never gives up: nothing is lost, and the admin mailbox
 *   shows how many attempts were made.
 * - Two clocks. Scheduling (when a row is due, how long a claim holds, the
 *   retry delays) runs on the machine's clock `at`: durations that must pass
 *   for real, whatever date the demo simulates, and that a demo admin moving
 *   the simulated date back must not push into the future. The instants the
 *   mailbox shows (createdAt, written with the row, and sentAt) come from the
 *   portal's clock (lib/clock `now()`, simulated in demo), like every other
 *   date shown (issue 9, §2.8).
 * - Delivery is at least once: if the process dies between the SMTP
 *   acceptance and the SENT update, the row is sent again once its claim
 *   expires. Each message carries a stable Message-ID (the row id) so mail
 *   systems can recognise the duplicate.
 */
import type { Database } from "@/lib/db/client";

/** What the dispatcher hands to the transport (a subset of nodemailer's message options). */
export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row: a re-delivery after a crash has the same Message-ID. */
  messageId: string;
  headers: Record<string, string>;
}

/** nodemailer's Transporter satisfies it; tests may pass anything with this method. */
export interface MailTransport {
  sendMail(message: OutboxMessage): Promise<unknown>;
}

export interface DispatchOptions {
  /** The scheduling clock (machine time): rows due at or before it are sent. */
  at: Date;
  /**
   * The portal's clock that dates each sending (`sentAt`), read at each send:
   * lib/clock `now()` in the portal (simulated in demo). Default: `at`.
   */
  portalClock?: () => Date;
  /** Rows claimed per run (default 20). */
  batchSize?: number;
  /** First retry delay (default 30 s), doubled at each failure. */
  baseBackoffMs?: number;
  /** Longest retry delay (default 1 h). */
  maxBackoffMs?: number;
  /**
   * How long a claim holds (default 10 min). The run stops sending and hands
   * back its remaining rows after half of it (real time), so a claim never
   * expires while its row is being sent.
   */
  claimMs?: number;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export interface DispatchResult {
  /** Rows claimed by this run. */
  claimed: number;
  sent: number;
  /** Sends that failed and were rescheduled. */
  failed: number;
  /** Rows handed back unsent because the run ran out of time. */
  released: number;
}

const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_BASE_BACKOFF_MS = 30_000;
const DEFAULT_MAX_BACKOFF_MS = 60 * 60_000;
const DEFAULT_CLAIM_MS = 10 * 60_000;
const MAX_ERROR_LENGTH = 1_000;

/**
 * Delay before the next attempt after `failedAttempts` failures (≥ 1):
 * base × 2^(failedAttempts − 1), capped at `max`, then a jitter that takes
 * off up to a quarter (so rows that failed together do not all retry at the
 * same instant, and the cap is never exceeded).
 */
export function retryDelayMs(failedAttempts: number, options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = options.baseMs ?? DEFAULT_BASE_BACKOFF_MS;
  const max = options.maxMs ?? DEFAULT_MAX_BACKOFF_MS;
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const capped = Math.min(max, base * 2 ** exponent);
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  return Math.round(capped * (0.75 + 0.25 * random));
}

/** The error as the admin reads it, e.g. "451 4.3.0 Réessayez plus tard" (nodemailer puts the SMTP reply in `response`). */
export function describeSendError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const response = (error as { response?: unknown }).response;
    text = typeof response === "string" && !error.message.includes(response) ? `${error.message} — ${response}` : error.message;
  } else {
    text = String(error);
  }
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

interface ClaimedRow {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  attempts: number;
  createdAt: Date;
}

/** Sends what is due; returns what happened. Never throws for a failed send (only for a database error). */
export async function dispatchOutbox(db: Database, transport: MailTransport, options: DispatchOptions): Promise<DispatchResult> {
  const at = options.at;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const claimMs = options.claimMs ?? DEFAULT_CLAIM_MS;
  const claimedUntil = new Date(at.getTime() + claimMs);
  const sendUntil = performance.now() + claimMs / 2;

  // One statement: the sub-select locks due rows and skips those another
  // dispatcher is claiming right now; a row claimed and committed by another
  // is re-checked against the WHERE clause and left out.
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEmail" SET "claimedUntil" = ${claimedUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING'
        AND "nextAttemptAt" <= ${at}
        AND ("claimedUntil" IS NULL OR "claimedUntil" < ${at})
      ORDER BY "createdAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "subject", "textBody", "attempts", "createdAt"`;
  // RETURNING has no order: oldest first, as claimed.
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

  const result: DispatchResult = { claimed: claimed.length, sent: 0, failed: 0, released: 0 };
  for (const [index, row] of claimed.entries()) {
    if (performance.now() > sendUntil) {
      // Out of time: hand the rest back rather than risk sending after the claim expired.
      const rest = claimed.slice(index).map((pending) => pending.id);
      const released = await db.outboxEmail.updateMany({ where: { id: { in: rest }, status: "PENDING", claimedUntil }, data: { claimedUntil: null } });
      result.released = released.count;
      break;
    }
    try {
      await transport.sendMail({
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        messageId: `<${row.id}@guichet-hospiconnect.outbox>`,
        headers: { "X-Guichet-Outbox-Id": row.id },
      });
    } catch (error) {
      const attempts = row.attempts + 1;
      const delay = retryDelayMs(attempts, { baseMs: options.baseBackoffMs, maxMs: options.maxBackoffMs, random: options.random });
      await db.outboxEmail.updateMany({
        where: { id: row.id, status: "PENDING", claimedUntil },
        data: { attempts, lastError: describeSendError(error), nextAttemptAt: new Date(at.getTime() + delay), claimedUntil: null },
      });
      result.failed += 1;
      continue;
    }
    await db.outboxEmail.updateMany({
      where: { id: row.id, status: "PENDING", claimedUntil },
      data: { status: "SENT", sentAt: options.portalClock?.() ?? at, attempts: row.attempts + 1, lastError: null, claimedUntil: null },
    });
    result.sent += 1;
  }
  return result;
}
