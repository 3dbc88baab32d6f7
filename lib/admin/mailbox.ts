/**
 * The admins' mailbox (/admin/courriels): the outbox, newest first, a page at
 * a time, with its counts by status.
 *
 * Every instant it returns is one of the portal's clock (lib/clock, simulated
 * in demo), the clock of the banner (issue 9, §2.8): createdAt and sentAt are
 * written on it (lib/notifications); the next attempt of a failed e-mail is
 * scheduled on the machine's clock (a real delay, lib/notifications/dispatcher.ts),
 * so it is shown as the portal's clock will read when that delay has passed.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { now } from "@/lib/clock/clock";
import type { Database } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "./accounts";

export const MAILBOX_PAGE_SIZE = 50;

export interface MailboxEmail {
  id: string;
  subject: string;
  toAddress: string;
  /** The dossier the e-mail is about, if any. */
  dossierNumber: string | null;
  textBody: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
  /** Failed attempts while PENDING; attempts made once SENT. */
  attempts: number;
  /** PENDING: when the next attempt is due, on the portal's clock. */
  nextAttemptAt: Date;
  lastError: string | null;
}

export interface Mailbox {
  counts: Record<OutboxStatus, number>;
  /** E-mails matching the filter. */
  total: number;
  page: number;
  pageCount: number;
  emails: MailboxEmail[];
}

export interface MailboxClocks {
  /** Default lib/clock `now()`. */
  portalNow?: Date;
  /** Default the machine's clock: only to turn a scheduled (machine) instant into a delay. */
  machineNow?: Date;
}

/** One page of the outbox (`page` from 1, clamped to the last page), optionally of one status. */
export async function readMailbox(db: Database, actor: CurrentUser, query: { status: OutboxStatus | null; page: number }, clocks: MailboxClocks = {}): Promise<Mailbox> {
  assertAdmin(actor);
  const where = query.status ? { status: query.status } : {};
  const [grouped, total] = await Promise.all([db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }), db.outboxEmail.count({ where })]);
  const pageCount = Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE));
  const page = Number.isSafeInteger(query.page) ? Math.min(Math.max(query.page, 1), pageCount) : 1;
  const rows = await db.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * MAILBOX_PAGE_SIZE, take: MAILBOX_PAGE_SIZE });
  const dossierIds = [...new Set(rows.map((row) => row.dossierId).filter((id): id is string => id !== null))];
  const dossiers = dossierIds.length > 0 ? await db.dossier.findMany({ where: { id: { in: dossierIds } }, select: { id: true, number: true } }) : [];
  const numbers = new Map(dossiers.map((dossier) => [dossier.id, dossier.number]));
  const portalNow = (clocks.portalNow ?? now()).getTime();
  const machineNow = (clocks.machineNow ?? new Date()).getTime();
  const counts: Record<OutboxStatus, number> = { PENDING: 0, SENT: 0 };
  for (const row of grouped) counts[row.status] = row._count._all;
  return {
    counts,
    total,
    page,
    pageCount,
    emails: rows.map((row) => ({
      id: row.id,
      subject: row.subject,
      toAddress: row.toAddress,
      dossierNumber: row.dossierId ? (numbers.get(row.dossierId) ?? null) : null,
      textBody: row.textBody,
      status: row.status,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      attempts: row.attempts,
      // The simulated clock runs at the real pace: the same delay from each clock's now.
      nextAttemptAt: new Date(portalNow + Math.max(0, row.nextAttemptAt.getTime() - machineNow)),
      lastError: row.lastError,
    })),
  };
}
