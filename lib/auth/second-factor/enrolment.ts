import { auditSubject, recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import type { Prisma, SignInChallenge } from "@/lib/generated/prisma/client";
import { endSessionsOf } from "../sessions";
import { countFailure, liveChallenge } from "../sign-in-challenge";
import { replaceRecoveryCodes } from "./recovery-codes";
import { open, seal } from "./secret-box";
import { checkTotp, newTotpSecret, totpEnrolment } from "./totp";

/**
 * Enrolling an authenticator app (TOTP) within a challenge: at the first sign-in of a staff
 * account (step ENROL), or from the account's security page (a challenge of its own). The secret
 * offered waits, sealed, on the challenge until a code proves the app holds it; then the factor is
 * kept, recovery codes are issued once, and the account's other sessions end.
 */
export type EnrolmentFailure = "CHALLENGE_EXPIRED" | "NOT_ENROLLING" | "CODE_INVALID";

/** Where an enrolment comes from: the security page passes the session of the person, which stays open. */
export interface EnrolmentSource {
  keepSessionId?: string;
}

/**
 * After a new factor: the account's other sessions end; recovery codes are issued (again) once.
 * From the security page, the challenge served its purpose: it is used up, never a way to sign in.
 */
export async function settleEnrolment(tx: Prisma.TransactionClient, challenge: { id: string; userId: string }, from: EnrolmentSource): Promise<string[]> {
  const keep = from.keepSessionId ? await tx.userSession.findFirst({ where: { id: from.keepSessionId, userId: challenge.userId, endedAt: null }, select: { id: true } }) : null;
  await endSessionsOf(tx, challenge.userId, "second-factor", keep?.id);
  if (keep) await tx.signInChallenge.update({ where: { id: challenge.id }, data: { usedAt: new Date() } });
  return replaceRecoveryCodes(tx, challenge.userId);
}

/** The challenge `token` names if it is enrolling a factor still (step ENROL, nothing proved yet). */
export async function enrollingChallenge(db: Database, token: string): Promise<{ ok: true; challenge: SignInChallenge } | { ok: false; reason: EnrolmentFailure }> {
  const challenge = await liveChallenge(db, token);
  if (!challenge) return { ok: false, reason: "CHALLENGE_EXPIRED" };
  if (challenge.step !== "ENROL" || challenge.verifiedAt) return { ok: false, reason: "NOT_ENROLLING" };
  return { ok: true, challenge };
}

export async function beginTotpEnrolment(db: Database, token: string): Promise<{ ok: true; secret: string; uri: string; qrSvg: string } | { ok: false; reason: EnrolmentFailure }> {
  const enrolling = await enrollingChallenge(db, token);
  if (!enrolling.ok) return enrolling;
  const { challenge } = enrolling;
  const user = await db.user.findUniqueOrThrow({ where: { id: challenge.userId }, select: { email: true } });
  const secret = newTotpSecret();
  await db.signInChallenge.update({ where: { id: challenge.id }, data: { pendingTotpSecret: seal(secret) } });
  return { ok: true, secret, ...(await totpEnrolment(secret, user.email)) };
}

export async function confirmTotpEnrolment(
  db: Database,
  token: string,
  code: string,
  label: string,
  at: Date,
  from: EnrolmentSource = {},
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: EnrolmentFailure }> {
  const enrolling = await enrollingChallenge(db, token);
  if (!enrolling.ok) return enrolling;
  const { challenge } = enrolling;
  if (!challenge.pendingTotpSecret) return { ok: false, reason: "NOT_ENROLLING" };
  const checked = await checkTotp(open(challenge.pendingTotpSecret), code, null);
  if (!checked.valid) {
    return (await countFailure(db, challenge.id)) ? { ok: false, reason: "CODE_INVALID" } : { ok: false, reason: "CHALLENGE_EXPIRED" };
  }
  const sealed = challenge.pendingTotpSecret;
  return db.$transaction(async (tx) => {
    const { count } = await tx.signInChallenge.updateMany({ where: { id: challenge.id, verifiedAt: null }, data: { verifiedAt: at, pendingTotpSecret: null } });
    if (count !== 1) return { ok: false as const, reason: "CHALLENGE_EXPIRED" as const };
    const user = await tx.user.findUniqueOrThrow({ where: { id: challenge.userId }, select: { id: true, role: true } });
    await tx.secondFactor.create({ data: { userId: user.id, kind: "TOTP", label: label.trim().slice(0, 80) || "Application d'authentification", totpSecret: sealed, totpLastTimeStep: checked.timeStep, lastUsedAt: at } });
    const recoveryCodes = await settleEnrolment(tx, challenge, from);
    await recordAudit(tx, { at, actor: user, action: "auth.second-factor.enrolled", subject: auditSubject.user(user.id), before: null, after: { kind: "TOTP" } });
    return { ok: true as const, recoveryCodes };
  });
}
