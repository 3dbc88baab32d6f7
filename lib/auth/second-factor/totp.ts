import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/** Codes of the current 30-second step, or of the one before or after (a clock a little off, a slow typist). */
const TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = "Guichet HospiConnect";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads, and its QR code as an SVG (drawn here, nothing fetched). */
export async function totpEnrolment(secret: string, email: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: email, secret });
  return { uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/**
 * Whether `code` is the secret's code now; a code of a time step already accepted (`afterTimeStep`)
 * is refused, so that a code seen over a shoulder or replayed cannot serve twice.
 */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null, at = new Date()): Promise<{ valid: true; timeStep: number } | { valid: false }> {
  const token = code.replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(token)) return { valid: false };
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
