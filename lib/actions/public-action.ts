import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb, type Database } from "@/lib/db/client";
import { DomainError, ValidationError } from "@/lib/errors";
import { isDatabaseUnavailableError } from "@/lib/health/database-unavailable";
import { clientAddress, take, type LimitOptions } from "@/lib/security/rate-limit";
import type { ActionResult } from "./action-result";
import { DATABASE_UNAVAILABLE_MESSAGE, fieldErrorsOf } from "./create-action";
import { logError } from "@/lib/log/logger";

/**
 * createAction for the pages a visitor uses without a session (account request, e-mail
 * confirmation): the same parsing and error handling, plus a per-address limit because anyone
 * can call them. The credential, if any, is in the input (a link's token).
 */
export function createPublicAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; limit: LimitOptions; name: string },
  handler: (input: z.output<Schema>, context: { db: Database }) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: "Le formulaire comporte des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
    const address = clientAddress(await headers());
    try {
      const db = getDb();
      // Counted in PostgreSQL: the limit holds across every instance of the portal.
      const allowed = address ? await take(db, options.limit, address) : null;
      if (allowed && !allowed.ok) return { ok: false, message: `Trop de tentatives depuis votre connexion : réessayez dans ${allowed.retryAfterSeconds} secondes.` };
      return { ok: true, data: await handler(parsed.data, { db }) };
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, message: error.userMessage, fieldErrors: error.fieldErrors };
      if (error instanceof DomainError) return { ok: false, message: error.userMessage };
      if (isDatabaseUnavailableError(error)) return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE };
      const reference = randomUUID().slice(0, 8);
      logError(options.name, error, { reference });
      return { ok: false, message: `Une erreur inattendue est survenue (référence ${reference}). Rien n'a été enregistré ; réessayez.` };
    }
  };
}
