/**
 * The hash chain of the audit (issue 14 §2): each row's `hash` is the SHA-256 of a canonical
 * serialisation of its content, its id and the `prevHash` of the row before it in id order. The
 * serialisation sorts object keys, so the hash does not depend on the order PostgreSQL's jsonb
 * returns them in; values are stored exactly as they are hashed ({@link toStoredJson}).
 */
import { createHash } from "node:crypto";

/** The `prevHash` of the first chained row. */
export const GENESIS_HASH = "0".repeat(64);

/** Version of the serialisation below, hashed with the content: a future change keeps old rows verifiable. */
const CHAIN_FORMAT = 1;

export type StoredJson = null | boolean | number | string | StoredJson[] | { [key: string]: StoredJson };

/**
 * What a value becomes once stored in a jsonb column and read back: Dates as ISO strings (their
 * toJSON), bigints as decimal strings, undefined members dropped. Hashing this — not the caller's
 * value — is what makes a row verify after the round trip.
 */
export function toStoredJson(value: unknown): StoredJson {
  if (value === undefined) return null;
  const text = JSON.stringify(value, (_key, member: unknown) => (typeof member === "bigint" ? member.toString() : member));
  return text === undefined ? null : (JSON.parse(text) as StoredJson);
}

/** JSON with object keys sorted at every level (code-unit order): one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The columns of an AuditEvent row that its hash covers (all of them but `hash`). */
export interface ChainedRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subject: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  correlationId: string | null;
  prevHash: string;
}

export function auditRowHash(row: ChainedRow): string {
  const content = {
    v: CHAIN_FORMAT,
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    subject: row.subject,
    before: row.before ?? null,
    after: row.after ?? null,
    details: row.details ?? null,
    correlationId: row.correlationId,
    prevHash: row.prevHash,
  };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}
