import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";
import { liveChallenge } from "../sign-in-challenge";
import { enrollingChallenge, settleEnrolment, type EnrolmentFailure, type EnrolmentSource } from "./enrolment";

/**
 * WebAuthn passkeys and security keys (issue 13) through @simplewebauthn/server. The relying
 * party is the portal's public address (GUICHET_PUBLIC_URL / NEXTAUTH_URL) — never the request's
 * Host, which a client chooses; GUICHET_WEBAUTHN_ORIGINS may add origins serving the same portal.
 * Each ceremony's challenge is kept on the sign-in challenge and cleared once used, so that a
 * replayed answer finds nothing to match.
 */
export function relyingParty(env: Readonly<Record<string, string | undefined>> = process.env): { id: string; name: string; origins: string[] } {
  const base = new URL(publicBaseUrl(env));
  const extra = (env.GUICHET_WEBAUTHN_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => new URL(origin).origin);
  return { id: base.hostname, name: "Guichet HospiConnect", origins: [...new Set([base.origin, ...extra])] };
}

const TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];
const transportsOf = (values: string[]) => values.filter((value): value is AuthenticatorTransportFuture => TRANSPORTS.includes(value));

export async function securityKeyRegistrationOptions(db: Database, token: string): Promise<{ ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; reason: EnrolmentFailure }> {
  const enrolling = await enrollingChallenge(db, token);
  if (!enrolling.ok) return enrolling;
  const { challenge } = enrolling;
  const user = await db.user.findUniqueOrThrow({ where: { id: challenge.userId }, select: { id: true, email: true, name: true, secondFactors: { where: { kind: "WEBAUTHN" } } } });
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: user.secondFactors.flatMap((factor) => (factor.webauthnCredentialId ? [{ id: factor.webauthnCredentialId, transports: transportsOf(factor.webauthnTransports) }] : [])),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await db.signInChallenge.update({ where: { id: challenge.id }, data: { webauthnChallenge: options.challenge } });
  return { ok: true, options };
}

export async function confirmSecurityKeyRegistration(
  db: Database,
  token: string,
  response: RegistrationResponseJSON,
  label: string,
  at: Date,
  from: EnrolmentSource = {},
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: EnrolmentFailure }> {
  const enrolling = await enrollingChallenge(db, token);
  if (!enrolling.ok) return enrolling;
  const { challenge } = enrolling;
  if (!challenge.webauthnChallenge) return { ok: false, reason: "NOT_ENROLLING" };
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge.webauthnChallenge, expectedOrigin: rp.origins, expectedRPID: rp.id, requireUserVerification: false }).catch(() => null);
  if (!verification?.verified) return { ok: false, reason: "CODE_INVALID" };
  const { credential } = verification.registrationInfo;
  return db.$transaction(async (tx) => {
    const { count } = await tx.signInChallenge.updateMany({ where: { id: challenge.id, verifiedAt: null, webauthnChallenge: challenge.webauthnChallenge }, data: { verifiedAt: at, webauthnChallenge: null } });
    if (count !== 1) return { ok: false as const, reason: "CHALLENGE_EXPIRED" as const };
    const user = await tx.user.findUniqueOrThrow({ where: { id: challenge.userId }, select: { id: true, role: true } });
    await tx.secondFactor.create({
      data: {
        userId: user.id,
        kind: "WEBAUTHN",
        label: label.trim().slice(0, 80) || "Clé de sécurité",
        webauthnCredentialId: credential.id,
        webauthnPublicKey: Buffer.from(credential.publicKey),
        webauthnCounter: BigInt(credential.counter),
        webauthnTransports: credential.transports ?? [],
        lastUsedAt: at,
      },
    });
    const recoveryCodes = await settleEnrolment(tx, challenge, from);
    await recordAudit(tx, { at, actor: user, action: "auth.second-factor.enrolled", subject: auditSubject.user(user.id), before: null, after: { kind: "WEBAUTHN" } });
    return { ok: true as const, recoveryCodes };
  });
}

export async function securityKeyAuthenticationOptions(db: Database, token: string): Promise<{ ok: true; options: PublicKeyCredentialRequestOptionsJSON } | { ok: false; reason: "CHALLENGE_EXPIRED" }> {
  const challenge = await liveChallenge(db, token);
  if (!challenge || challenge.step !== "VERIFY") return { ok: false, reason: "CHALLENGE_EXPIRED" };
  const factors = await db.secondFactor.findMany({ where: { userId: challenge.userId, kind: "WEBAUTHN" } });
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: factors.flatMap((factor) => (factor.webauthnCredentialId ? [{ id: factor.webauthnCredentialId, transports: transportsOf(factor.webauthnTransports) }] : [])),
    userVerification: "preferred",
  });
  await db.signInChallenge.update({ where: { id: challenge.id }, data: { webauthnChallenge: options.challenge } });
  return { ok: true, options };
}

/** Whether `response` proves one of the account's keys for the challenge's ceremony; the ceremony's challenge is spent either way. */
export async function provedSecurityKey(db: Database, challengeId: string, userId: string, response: AuthenticationResponseJSON, at: Date): Promise<boolean> {
  const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: challengeId }, select: { webauthnChallenge: true } });
  if (!challenge.webauthnChallenge) return false;
  const { count } = await db.signInChallenge.updateMany({ where: { id: challengeId, webauthnChallenge: challenge.webauthnChallenge }, data: { webauthnChallenge: null } });
  if (count !== 1) return false;
  const factor = await db.secondFactor.findFirst({ where: { userId, kind: "WEBAUTHN", webauthnCredentialId: response.id } });
  if (!factor?.webauthnCredentialId || !factor.webauthnPublicKey) return false;
  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge.webauthnChallenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.id,
    requireUserVerification: false,
    credential: {
      id: factor.webauthnCredentialId,
      publicKey: new Uint8Array(factor.webauthnPublicKey),
      counter: Number(factor.webauthnCounter ?? 0),
      transports: transportsOf(factor.webauthnTransports),
    },
  }).catch(() => null);
  if (!verification?.verified) return false;
  await db.secondFactor.update({ where: { id: factor.id }, data: { webauthnCounter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: at } });
  return true;
}
