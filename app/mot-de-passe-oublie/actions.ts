"use server";

import { createPublicAction } from "@/lib/actions/public-action";
import { passwordResetSchema, requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { now } from "@/lib/clock";
import { InvalidStateError } from "@/lib/errors";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";
import type { LimitOptions } from "@/lib/security/rate-limit";

const perAddress: LimitOptions = { name: "password-reset-address", points: 10, windowSeconds: 15 * 60 };

/** Public (no session): asks for a reset link; the answer never says whether the address has an account. */
export const askPasswordReset = createPublicAction({ schema: passwordResetSchema, limit: perAddress, name: "password-reset" }, async ({ email }, { db }) => {
  const outcome = await requestPasswordReset(db, email, { at: now(), baseUrl: publicBaseUrl() });
  if (!outcome.ok) throw new InvalidStateError(`Trop de demandes pour cette adresse : réessayez dans ${outcome.retryAfterMinutes} minute${outcome.retryAfterMinutes > 1 ? "s" : ""}.`);
  return { message: RESET_REQUESTED_MESSAGE };
});
