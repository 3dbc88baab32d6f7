"use server";

import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authenticationMessage, SECOND_STEP_MESSAGES } from "@/lib/auth/authentication-messages";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/auth/second-factor/enrolment";
import { confirmSecurityKeyRegistration, securityKeyAuthenticationOptions, securityKeyRegistrationOptions } from "@/lib/auth/second-factor/webauthn";
import { getCurrentUser } from "@/lib/auth/session";
import { startSignIn } from "@/lib/auth/sign-in-flow";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { SecondFactorKind, SignInStep } from "@/lib/generated/prisma/enums";
import { clientAddress } from "@/lib/security/rate-limit";
import { logError } from "@/lib/log/logger";

/**
 * The sign-in's steps before next-auth's authorize() (public: the password, then the challenge it
 * opens, are the credentials). Each answers a French message, never a cause.
 */
type StepResult<T> = { ok: true; data: T } | { ok: false; message: string };

async function guarded<T>(name: string, run: () => Promise<StepResult<T>>): Promise<StepResult<T>> {
  try {
    return await run();
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    logError(name, error, { reference });
    return { ok: false, message: `Une erreur inattendue est survenue (référence ${reference}) : réessayez.` };
  }
}

/** Enrolling from the security page while signed in: that session stays open (lib/auth/second-factor/enrolment.ts). */
async function enrolmentSource() {
  return { keepSessionId: (await getCurrentUser())?.sessionId };
}

const passwordStep = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });
const challengeStep = z.object({ challenge: z.string().min(1).max(100) });
const enrolmentStep = challengeStep.extend({ code: z.string().max(20), label: z.string().max(80) });

export async function beginSignIn(raw: { email: string; password: string }): Promise<StepResult<{ challenge: string; step: SignInStep; factors: SecondFactorKind[] }>> {
  const parsed = passwordStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: authenticationMessage("INVALID_CREDENTIALS") };
  return guarded("sign-in", async () => {
    const started = await startSignIn(getDb(), parsed.data.email, parsed.data.password, now(), clientAddress(await headers()));
    if (!started.ok) return { ok: false, message: authenticationMessage(started.reason === "THROTTLED" ? `THROTTLED:${started.retryAfterMinutes ?? 1}` : started.reason) };
    return { ok: true, data: { challenge: started.challenge, step: started.step, factors: started.factors } };
  });
}

export async function startAuthenticatorEnrolment(raw: { challenge: string }): Promise<StepResult<{ secret: string; qrSvg: string }>> {
  const parsed = challengeStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SECOND_STEP_MESSAGES.CHALLENGE_EXPIRED };
  return guarded("totp-enrolment", async () => {
    const begun = await beginTotpEnrolment(getDb(), parsed.data.challenge);
    return begun.ok ? { ok: true, data: { secret: begun.secret, qrSvg: begun.qrSvg } } : { ok: false, message: SECOND_STEP_MESSAGES[begun.reason] };
  });
}

export async function finishAuthenticatorEnrolment(raw: { challenge: string; code: string; label: string }): Promise<StepResult<{ recoveryCodes: string[] }>> {
  const parsed = enrolmentStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SECOND_STEP_MESSAGES.CODE_INVALID };
  return guarded("totp-enrolment", async () => {
    const done = await confirmTotpEnrolment(getDb(), parsed.data.challenge, parsed.data.code, parsed.data.label, now(), await enrolmentSource());
    return done.ok ? { ok: true, data: { recoveryCodes: done.recoveryCodes } } : { ok: false, message: SECOND_STEP_MESSAGES[done.reason] };
  });
}

export async function securityKeyOptionsForEnrolment(raw: { challenge: string }): Promise<StepResult<PublicKeyCredentialCreationOptionsJSON>> {
  const parsed = challengeStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SECOND_STEP_MESSAGES.CHALLENGE_EXPIRED };
  return guarded("webauthn-enrolment", async () => {
    const result = await securityKeyRegistrationOptions(getDb(), parsed.data.challenge);
    return result.ok ? { ok: true, data: result.options } : { ok: false, message: SECOND_STEP_MESSAGES[result.reason] };
  });
}

const registrationStep = challengeStep.extend({ response: z.string().max(20_000), label: z.string().max(80) });

export async function finishSecurityKeyEnrolment(raw: { challenge: string; response: string; label: string }): Promise<StepResult<{ recoveryCodes: string[] }>> {
  const parsed = registrationStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SECOND_STEP_MESSAGES.CODE_INVALID };
  return guarded("webauthn-enrolment", async () => {
    let response: RegistrationResponseJSON;
    try {
      response = JSON.parse(parsed.data.response) as RegistrationResponseJSON;
    } catch {
      return { ok: false, message: SECURITY_KEY_REFUSED };
    }
    const done = await confirmSecurityKeyRegistration(getDb(), parsed.data.challenge, response, parsed.data.label, now(), await enrolmentSource());
    if (done.ok) return { ok: true, data: { recoveryCodes: done.recoveryCodes } };
    return { ok: false, message: done.reason === "CODE_INVALID" ? SECURITY_KEY_REFUSED : SECOND_STEP_MESSAGES[done.reason] };
  });
}

const SECURITY_KEY_REFUSED = "La clé n'a pas pu être vérifiée : réessayez, ou choisissez une application d'authentification.";

export async function securityKeyOptionsForSignIn(raw: { challenge: string }): Promise<StepResult<PublicKeyCredentialRequestOptionsJSON>> {
  const parsed = challengeStep.safeParse(raw);
  if (!parsed.success) return { ok: false, message: SECOND_STEP_MESSAGES.CHALLENGE_EXPIRED };
  return guarded("webauthn-sign-in", async () => {
    const result = await securityKeyAuthenticationOptions(getDb(), parsed.data.challenge);
    return result.ok ? { ok: true, data: result.options } : { ok: false, message: SECOND_STEP_MESSAGES[result.reason] };
  });
}
