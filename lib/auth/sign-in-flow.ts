import { auditSubject, recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import type { SecondFactorKind, SignInStep } from "@/lib/generated/prisma/enums";
import { authenticate } from "./authenticate";
import type { AuthenticationFailure } from "./authentication-messages";
import { requiresSecondFactor } from "./second-factor/policy";
import { redeemRecoveryCode } from "./second-factor/recovery-codes";
import { open } from "./second-factor/secret-box";
import { checkTotp } from "./second-factor/totp";
import { provedSecurityKey } from "./second-factor/webauthn";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { countFailure, consumeChallenge, liveChallenge, openChallenge } from "./sign-in-challenge";
import { startSession } from "./sessions";
import { isLimited, record, type LimitOptions } from "@/lib/security/rate-limit";

// Wrong second factors per account, whatever the challenge: the password alone must not buy endless guesses.
const factorFailures: LimitOptions = { name: "second-factor-failures", points: 10, windowSeconds: 15 * 60 };

/**
 * A sign-in in two steps (issue 13). The password step (startSignIn) opens a five-minute
 * challenge that says what comes next: nothing (a referent without a factor), a factor to prove,
 * or — for ARS, ANS and DNS staff without one — a factor to enrol. completeSignIn, called by
 * next-auth's authorize(), opens the session once the challenge allows it.
 */
export type SignInStart =
  | { ok: true; challenge: string; step: SignInStep; factors: SecondFactorKind[] }
  | { ok: false; reason: AuthenticationFailure; retryAfterMinutes?: number };

export async function startSignIn(db: Database, email: string, password: string, at: Date, address: string | null): Promise<SignInStart> {
  const checked = await authenticate(db, email, password, at, address);
  if (!checked.ok) return checked;
  const factors = await db.secondFactor.findMany({ where: { userId: checked.user.id }, select: { kind: true } });
  const step: SignInStep = factors.length > 0 ? "VERIFY" : requiresSecondFactor(checked.user.role) ? "ENROL" : "NONE";
  const challenge = await openChallenge(db, checked.user.id, step);
  return { ok: true, challenge, step, factors: [...new Set(factors.map((factor) => factor.kind))] };
}

/** What the browser sends to finish: the challenge and, when asked, one proof. */
export interface SignInProof {
  challenge: string;
  code?: string;
  recoveryCode?: string;
  /** A WebAuthn assertion (JSON of @simplewebauthn/browser's startAuthentication). */
  webauthn?: string;
}

export type SignInFailure = "CHALLENGE_EXPIRED" | "SECOND_FACTOR_INVALID" | "ENROLMENT_REQUIRED";
export type SignInCompletion = { ok: true; user: { id: string; email: string; name: string }; sessionId: string; factor: string } | { ok: false; reason: SignInFailure };

async function provedFactor(db: Database, challengeId: string, userId: string, proof: SignInProof, at: Date): Promise<string | null> {
  if (proof.webauthn) {
    let response: AuthenticationResponseJSON;
    try {
      response = JSON.parse(proof.webauthn) as AuthenticationResponseJSON;
    } catch {
      return null;
    }
    return (await provedSecurityKey(db, challengeId, userId, response, at)) ? "webauthn" : null;
  }
  if (proof.code) {
    const factors = await db.secondFactor.findMany({ where: { userId, kind: "TOTP" } });
    for (const factor of factors) {
      if (!factor.totpSecret) continue;
      const result = await checkTotp(open(factor.totpSecret), proof.code, factor.totpLastTimeStep);
      if (!result.valid) continue;
      // Conditional: two sign-ins racing with one code cannot both pass.
      const { count } = await db.secondFactor.updateMany({
        where: { id: factor.id, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: result.timeStep } }] },
        data: { totpLastTimeStep: result.timeStep, lastUsedAt: at },
      });
      if (count === 1) return "totp";
    }
    return null;
  }
  if (proof.recoveryCode) return (await redeemRecoveryCode(db, userId, proof.recoveryCode, at)) ? "recovery-code" : null;
  return null;
}

export async function completeSignIn(db: Database, proof: SignInProof, at: Date): Promise<SignInCompletion> {
  const challenge = await liveChallenge(db, proof.challenge);
  if (!challenge) return { ok: false, reason: "CHALLENGE_EXPIRED" };
  let factor = challenge.verifiedAt ? "enrolled" : challenge.step === "NONE" ? "password" : null;
  if (!factor) {
    if (challenge.step === "ENROL") return { ok: false, reason: "ENROLMENT_REQUIRED" };
    if (!(await isLimited(db, factorFailures, challenge.userId)).ok) return { ok: false, reason: "CHALLENGE_EXPIRED" };
    factor = await provedFactor(db, challenge.id, challenge.userId, proof, at);
    if (!factor) {
      // The per-account limiter is rate-limiter-flexible's (its own writes); the challenge's count and the audit row are one transaction.
      await record(db, factorFailures, challenge.userId);
      const attemptsLeft = await db.$transaction(async (tx) => {
        const left = await countFailure(tx, challenge.id);
        await recordAudit(tx, { at, actor: { id: challenge.userId, role: null }, action: "auth.sign-in.second-factor-failed", subject: auditSubject.user(challenge.userId), details: { attemptsLeft: left } });
        return left;
      });
      return { ok: false, reason: attemptsLeft ? "SECOND_FACTOR_INVALID" : "CHALLENGE_EXPIRED" };
    }
  }
  const proved = factor;
  return db.$transaction(async (tx) => {
    if (!(await consumeChallenge(tx, challenge.id, at))) return { ok: false as const, reason: "CHALLENGE_EXPIRED" as const };
    const user = await tx.user.update({ where: { id: challenge.userId }, data: { lastSignInAt: at }, select: { id: true, email: true, name: true, role: true, active: true } });
    if (!user.active) return { ok: false as const, reason: "CHALLENGE_EXPIRED" as const };
    await recordAudit(tx, { at, actor: user, action: "auth.sign-in.succeeded", subject: auditSubject.user(user.id), details: { email: user.email, factor: proved } });
    const sessionId = await startSession(tx, user.id);
    return { ok: true as const, user: { id: user.id, email: user.email, name: user.name }, sessionId, factor: proved };
  });
}
