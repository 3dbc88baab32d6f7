import { recordAudit, recordAuditAlone } from "@/lib/audit/record";
import { auditSubject } from "@/lib/audit/subjects";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The one writer of the API's audit rows (issue 14 §7), through the typed audit module (lib/audit/).
 * - "api.call": one row per call of /api/v1, refused ones included (token id or null, method,
 *   path, status), written by lib/api/api-route.ts;
 * - "api.token.created" and "api.token.revoked": the DNS admin who did it (lib/api/tokens.ts).
 */
export type ApiAuditAction = "api.call" | "api.token.created" | "api.token.revoked";

export interface ApiAuditEntry {
  action: ApiAuditAction;
  /** The DNS admin for a token's creation or revocation; null for a call (a token is no account). */
  actor: { id: string; role: Role } | null;
  tokenId: string | null;
  details: Record<string, string | number | boolean | null>;
}

/**
 * Through lib/audit: inside the caller's transaction when it has one (a token's creation, its
 * revocation); a call changes nothing else, so its row has its own short transaction.
 */
export async function auditApi(db: Database | Prisma.TransactionClient, entry: ApiAuditEntry): Promise<void> {
  const row = {
    at: new Date(),
    actor: entry.actor,
    action: entry.action,
    subject: auditSubject.apiToken(entry.tokenId),
    details: { tokenId: entry.tokenId, ...entry.details },
  };
  if ("$transaction" in db) await recordAuditAlone(db, row);
  else await recordAudit(db, row);
}
