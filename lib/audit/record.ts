/**
 * The one writer of AuditEvent (issue 14 §2, DESIGN.md « lib/audit »): called inside the
 * transaction of the change it records, so the row exists if and only if the change does.
 *
 * Chaining: each row carries the hash of the row before it in id order. To keep ONE total order
 * under concurrent transactions, recordAudit takes a transaction-scoped advisory lock
 * ({@link AUDIT_CHAIN_LOCK}), then — in a later statement, so that its READ COMMITTED snapshot
 * sees the row the previous holder committed — reads the last row's hash and draws the next id,
 * then inserts. The lock is released at commit or rollback: audited transactions are therefore
 * serialised from their FIRST audit write to their end. Callers write the audit row as late as
 * possible in their transaction (after the conditional update, before the commit); a long
 * transaction (the reference imports of lib/reference/import/run.ts, which last minutes) must not
 * audit inside — today they write no audit row at all, their ImportRun is their record.
 */
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AuditAction } from "./actions";
import { auditRowHash, GENESIS_HASH, toStoredJson, type StoredJson } from "./chain";
import type { AuditSubject } from "./subjects";

export type AuditTransaction = Prisma.TransactionClient;

/** Key of the advisory lock that serialises the chain's writers (and the digest writer). */
export const AUDIT_CHAIN_LOCK = 7_305_761_237;

export interface AuditActor {
  id: string;
  role: Role | null;
}

export interface AuditEntry {
  action: AuditAction;
  /** Who acted; null for an anonymous visitor (an unknown e-mail, a public form). */
  actor: AuditActor | null;
  subject: AuditSubject;
  /** The state before and after the change, when the change has one. */
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping (a reason, a count, a format). */
  details?: unknown;
  at: Date;
  correlationId?: string;
}

export interface RecordedAudit {
  id: bigint;
  hash: string;
}

/** Takes the chain's lock for the rest of the transaction (re-entrant within it). */
export async function lockAuditChain(tx: AuditTransaction): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

function jsonColumn(value: StoredJson): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

export async function recordAudit(tx: AuditTransaction, entry: AuditEntry): Promise<RecordedAudit> {
  await lockAuditChain(tx);
  const [head] = await tx.$queryRaw<{ prevHash: string | null; id: bigint; isolation: string }[]>`
    SELECT (SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS "prevHash",
           nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS "id",
           current_setting('transaction_isolation') AS "isolation"`;
  if (!head) throw new Error("audit chain head not read");
  // Under REPEATABLE READ the snapshot predates the lock: the last row could be missed and the chain fork.
  if (head.isolation !== "read committed") throw new Error(`recordAudit needs a READ COMMITTED transaction, not ${head.isolation}`);
  // A row without hash is the start marker (or a row written before the chain): the chain restarts at genesis.
  const prevHash = head.prevHash ?? GENESIS_HASH;
  const row = {
    id: BigInt(head.id),
    at: entry.at,
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    subject: entry.subject,
    before: toStoredJson(entry.before),
    after: toStoredJson(entry.after),
    details: toStoredJson(entry.details),
    correlationId: entry.correlationId ?? null,
    prevHash,
  };
  const hash = auditRowHash(row);
  await tx.auditEvent.create({
    data: { ...row, before: jsonColumn(row.before), after: jsonColumn(row.after), details: jsonColumn(row.details), hash },
    select: { id: true },
  });
  return { id: row.id, hash };
}

/**
 * An event that changes nothing else in the database — a read (a download, an export), a refused
 * attempt (a wrong password) — written in its own short transaction. Anything that changes a row
 * calls {@link recordAudit} inside the transaction of that change instead.
 */
export function recordAuditAlone(db: Database, entry: AuditEntry): Promise<RecordedAudit> {
  return db.$transaction((tx) => recordAudit(tx, entry));
}
