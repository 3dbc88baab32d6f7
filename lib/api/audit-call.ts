import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The one writer of the API's audit rows (issue 14 §7). Kept to this file so that moving to the
 * typed audit module (lib/audit/, under way) changes nothing else.
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

/** Written inside the caller's transaction when it has one (a token's creation, its revocation). */
export async function auditApi(db: Database | Prisma.TransactionClient, entry: ApiAuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      subject: entry.tokenId ? `api-token:${entry.tokenId}` : "api-token:none",
      details: { tokenId: entry.tokenId, ...entry.details },
    },
  });
}
