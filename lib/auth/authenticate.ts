import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, type AuthenticationFailure } from "./authentication-messages";
import { verifyPassword } from "./password";

// Compared against when the e-mail is unknown, so both cases take the same time.
const DUMMY_HASH = "$2b$12$4NfQ8gC2cXVTiUaYu3vrnO/VtOAGAN7Z02vrgu5G1Mt8mctZPHBnG";

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string } }
  | { ok: false; reason: AuthenticationFailure };

/**
 * Checks an e-mail and password. After MAX_FAILED_SIGN_INS failures in a row the
 * account is locked for LOCK_MINUTES; every attempt is audited. An unknown
 * e-mail and a wrong password give the same answer.
 */
export async function authenticate(db: PrismaClient, emailInput: string, password: string, at: Date): Promise<AuthenticationResult> {
  const email = emailInput.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    await db.auditEvent.create({ data: { action: "auth.sign-in.unknown-email", subject: email } });
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  if (user.lockedUntil && user.lockedUntil > at) {
    await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "auth.sign-in.locked", subject: email } });
    return { ok: false, reason: "LOCKED" };
  }
  const passwordMatches = await verifyPassword(password, user.passwordHash);
  if (!passwordMatches) {
    // One statement, so two concurrent failures both count.
    const [updated] = await db.$queryRaw<{ failedSignIns: number }[]>`
      UPDATE "User" SET "failedSignIns" = "failedSignIns" + 1, "updatedAt" = ${at} WHERE id = ${user.id} RETURNING "failedSignIns"`;
    const failures = updated?.failedSignIns ?? MAX_FAILED_SIGN_INS;
    if (failures >= MAX_FAILED_SIGN_INS) {
      await db.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(at.getTime() + LOCK_MINUTES * 60_000), failedSignIns: 0 },
      });
    }
    await db.auditEvent.create({
      data: { actorId: user.id, actorRole: user.role, action: "auth.sign-in.failed", subject: email, details: { failures } },
    });
    return { ok: false, reason: failures >= MAX_FAILED_SIGN_INS ? "LOCKED" : "INVALID_CREDENTIALS" };
  }
  if (!user.active) {
    await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "auth.sign-in.disabled", subject: email } });
    return { ok: false, reason: "DISABLED" };
  }
  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: at } });
  await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "auth.sign-in.succeeded", subject: email } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
