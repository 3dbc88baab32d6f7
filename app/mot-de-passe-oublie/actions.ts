"use server";

import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import type { ActionResult } from "@/lib/actions/action-result";
import { fieldErrorsOf } from "@/lib/actions/create-action";
import { passwordResetSchema, requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/rate-limit";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";

/** Public (no session): asks for a reset link; the answer never says whether the address has an account. */
export async function askPasswordReset(raw: { email: string }): Promise<ActionResult<{ message: string }>> {
  const parsed = passwordResetSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Le formulaire comporte des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const outcome = await requestPasswordReset(getDb(), parsed.data.email, clientAddress(await headers()), { at: now(), baseUrl: publicBaseUrl() });
    if (!outcome.ok) return { ok: false, message: `Trop de demandes : réessayez dans ${outcome.retryAfterMinutes} minute${outcome.retryAfterMinutes > 1 ? "s" : ""}.` };
    return { ok: true, data: { message: RESET_REQUESTED_MESSAGE } };
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    console.error(`[password-reset ${reference}]`, error);
    return { ok: false, message: `Une erreur inattendue est survenue (référence ${reference}) : aucun e-mail n'a été envoyé ; réessayez.` };
  }
}
