"use server";

import { setPasswordSchema } from "@/lib/admin/account-schemas";
import { setPasswordWithToken } from "@/lib/admin/accounts";
import type { ActionResult } from "@/lib/actions/action-result";
import { fieldErrorsOf } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { randomUUID } from "node:crypto";
import type { SetPasswordInput } from "@/lib/admin/account-schemas";
import { logError } from "@/lib/log/logger";

/**
 * Public (no session): the token in the link is the credential. createAction
 * needs a signed-in user, so this action repeats its error handling.
 */
export async function setPassword(raw: SetPasswordInput): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Le formulaire comporte des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await setPasswordWithToken(getDb(), parsed.data.token, parsed.data.password, now()) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.userMessage };
    const reference = randomUUID().slice(0, 8);
    logError("set-password", error, { reference });
    return { ok: false, message: `Une erreur inattendue est survenue (référence ${reference}). Votre mot de passe n'a pas été modifié ; réessayez.` };
  }
}
