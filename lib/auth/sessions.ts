import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient | Database;

/**
 * Server-side sessions (issue 13). The JWT cookie only carries the session's id: the row says
 * whether it still holds, so that signing out, a new password, a changed factor or a disabled
 * account ends every session of the account at once. Times are real time, never the simulated
 * clock of the demo (moving the programme's date must not sign anyone out).
 */
export const IDLE_TIMEOUT_MINUTES = 30;
export const SESSION_MAX_HOURS = 8;
/** lastSeenAt is written at most this often, not at every request. */
const TOUCH_EVERY_MS = 60_000;

export type SessionEndReason = "sign-out" | "password" | "second-factor" | "disabled" | "idle";

export async function startSession(tx: Tx, userId: string): Promise<string> {
  const session = await tx.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/**
 * Ends every open session of the account (sign-out ends them all: a stolen cookie dies with it) —
 * but `except`, the session of the person changing a factor from the security page.
 */
export async function endSessionsOf(tx: Tx, userId: string, reason: SessionEndReason, except?: string): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) }, data: { endedAt: new Date(), endReason: reason } });
  return count;
}

export const sessionUserInclude = { user: { include: { legalEntities: { select: { legalEntityFiness: true } } } } } satisfies Prisma.UserSessionInclude;
export type SessionWithUser = Prisma.UserSessionGetPayload<{ include: typeof sessionUserInclude }>;

/** Whether a session row still opens the portal at `at`. */
export function sessionHolds(session: { endedAt: Date | null; createdAt: Date; lastSeenAt: Date }, at: Date): boolean {
  if (session.endedAt) return false;
  if (at.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MINUTES * 60_000) return false;
  return at.getTime() - session.createdAt.getTime() <= SESSION_MAX_HOURS * 3_600_000;
}

/** The session and its account, if it still holds and the account is active; records the activity. */
export async function resumeSession(db: Database, sessionId: string, at = new Date()): Promise<SessionWithUser | null> {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, include: sessionUserInclude });
  if (!session || !session.user.active) return null;
  if (!sessionHolds(session, at)) {
    if (!session.endedAt) await db.userSession.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: at, endReason: "idle" } });
    return null;
  }
  if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: session.id }, data: { lastSeenAt: at } });
  }
  return session;
}
