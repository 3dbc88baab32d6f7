/**
 * Walks the audit chain in id order and says whether it is intact (issue 14 §2, `npm run
 * audit:verify`): each row's hash recomputed from its content, each `prevHash` compared with the
 * hash of the row before, each daily digest compared with the row it pins.
 *
 * What it detects: a row altered in place (content), a row deleted or inserted (link), a row
 * whose hash was removed (unchained), the whole tail rewritten with recomputed hashes up to a
 * digested day (digest). What it cannot: the last rows after the latest digest deleted together
 * (nothing after them links to them) — hence the head hash it prints, worth keeping outside the
 * database; and a rewrite of the digests themselves by someone with write access to them.
 */
import { calendarDateFromDb, type CalendarDate } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { auditRowHash, GENESIS_HASH } from "./chain";

export type AuditChainBreak =
  /** The row's content no longer gives its hash: a column was changed after it was written. */
  | { kind: "content-altered"; id: bigint }
  /** The row's prevHash is not the hash of the row before it: a row was deleted or inserted between them. */
  | { kind: "link-broken"; id: bigint; previousId: bigint | null }
  /** A row after the start of the chain has no hash. */
  | { kind: "unchained"; id: bigint }
  /** A daily digest no longer matches the chain: its row is gone, its hash or the number of rows before it changed. */
  | { kind: "digest-mismatch"; day: CalendarDate; lastId: bigint; reason: "row-missing" | "hash-differs" | "row-count-differs" };

export interface AuditChainReport {
  ok: boolean;
  /** Chained rows walked. */
  rows: number;
  /** Rows written before the chain started (migration 20261204140000_audit_chain), not hashed. */
  legacyRows: number;
  first: { id: bigint; at: Date } | null;
  last: { id: bigint; at: Date; hash: string } | null;
  digests: number;
  /** The first {@link MAX_BREAKS} breaks, in chain order (digest mismatches at their row). */
  breaks: AuditChainBreak[];
  breakCount: number;
}

const BATCH = 2_000;
const MAX_BREAKS = 100;

/** The first row of the chain is the one after the first « audit.chain.started » marker without hash. */
async function chainStart(db: Database): Promise<bigint | null> {
  const marker = await db.auditEvent.findFirst({ where: { action: "audit.chain.started", hash: null }, orderBy: { id: "asc" }, select: { id: true } });
  return marker?.id ?? null;
}

export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  const markerId = await chainStart(db);
  const legacyRows = markerId === null ? 0 : await db.auditEvent.count({ where: { id: { lte: markerId } } });
  const digests = (await db.auditDigest.findMany({ orderBy: [{ lastId: "asc" }, { day: "asc" }] })).map((digest) => ({ ...digest, day: calendarDateFromDb(digest.day) }));
  const breaks: AuditChainBreak[] = [];
  let breakCount = 0;
  const report = (found: AuditChainBreak) => {
    breakCount += 1;
    if (breaks.length < MAX_BREAKS) breaks.push(found);
  };

  let cursor = markerId ?? -1n;
  let expectedPrev = GENESIS_HASH;
  let previousId: bigint | null = null;
  let rows = 0;
  let first: AuditChainReport["first"] = null;
  let last: AuditChainReport["last"] = null;
  let nextDigest = 0;

  for (;;) {
    const batch = await db.auditEvent.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: BATCH });
    if (batch.length === 0) break;
    for (const row of batch) {
      // Digests pinned on a row that is not there any more (deleted, or its id skipped).
      while (nextDigest < digests.length && digests[nextDigest]!.lastId < row.id) {
        const digest = digests[nextDigest++]!;
        report({ kind: "digest-mismatch", day: digest.day, lastId: digest.lastId, reason: "row-missing" });
      }
      if (row.hash === null) {
        report({ kind: "unchained", id: row.id });
        // recordAudit chains the next row to genesis after a row without hash: follow it, one break only.
        expectedPrev = GENESIS_HASH;
      } else {
        rows += 1;
        if (row.prevHash !== expectedPrev) report({ kind: "link-broken", id: row.id, previousId });
        const recomputed = auditRowHash({ ...row, prevHash: row.prevHash ?? "" });
        if (recomputed !== row.hash) report({ kind: "content-altered", id: row.id });
        expectedPrev = row.hash;
        first ??= { id: row.id, at: row.at };
        last = { id: row.id, at: row.at, hash: row.hash };
      }
      while (nextDigest < digests.length && digests[nextDigest]!.lastId === row.id) {
        const digest = digests[nextDigest++]!;
        if (digest.lastHash !== row.hash) report({ kind: "digest-mismatch", day: digest.day, lastId: digest.lastId, reason: "hash-differs" });
        else if (digest.rows !== rows) report({ kind: "digest-mismatch", day: digest.day, lastId: digest.lastId, reason: "row-count-differs" });
      }
      previousId = row.id;
    }
    cursor = batch[batch.length - 1]!.id;
  }
  for (; nextDigest < digests.length; nextDigest += 1) {
    const digest = digests[nextDigest]!;
    report({ kind: "digest-mismatch", day: digest.day, lastId: digest.lastId, reason: "row-missing" });
  }
  return { ok: breakCount === 0, rows, legacyRows, first, last, digests: digests.length, breaks, breakCount };
}

/** One break in French, for the command and the DNS page. */
export function describeAuditBreak(found: AuditChainBreak): string {
  switch (found.kind) {
    case "content-altered":
      return `ligne ${found.id} : contenu modifié (son empreinte ne correspond plus à son contenu)`;
    case "link-broken":
      return `ligne ${found.id} : lien rompu (elle n'est pas chaînée à la ligne précédente${found.previousId === null ? "" : ` ${found.previousId}`} : une ligne a été supprimée ou insérée)`;
    case "unchained":
      return `ligne ${found.id} : sans empreinte alors que le chaînage a commencé`;
    case "digest-mismatch": {
      const why = { "row-missing": "la ligne qu'il fixe n'existe plus", "hash-differs": "l'empreinte de la ligne a changé", "row-count-differs": "le nombre de lignes jusqu'à elle a changé" }[found.reason];
      return `condensé du ${found.day} (ligne ${found.lastId}) : ne correspond plus — ${why}`;
    }
  }
}
