import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb, type Database } from "@/lib/db/client";
import { DomainError, fieldErrorsOf, ValidationError } from "@/lib/errors";

// Where the actions import it from (its home is lib/errors.ts).
export { fieldErrorsOf };
import { isDatabaseUnavailableError } from "@/lib/health/database-unavailable";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "./action-result";
import { logError } from "@/lib/log/logger";

export interface ActionContext {
  user: CurrentUser;
  db: Database;
}

/**
 * The one pipeline of every server action: session, role, input parsed with the
 * form's zod schema, typed domain errors turned into French messages, anything
 * else logged with a correlation id and answered with a generic message.
 * Scope (which EJ, which region) is checked by the handler on the resource it
 * loads from its id — never trusted from the client.
 */
export function createAction<Schema extends z.ZodType, T>(
  options: { roles: readonly Role[]; schema: Schema },
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer. Vos saisies n'ont pas été enregistrées." };
    if (!options.roles.includes(user.role)) return { ok: false, message: "Cette action n'est pas autorisée pour votre rôle." };
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, message: "Le formulaire comporte des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await handler(parsed.data, { user, db: getDb() }) };
    } catch (error) {
      if (error instanceof ValidationError) return { ok: false, message: error.userMessage, fieldErrors: error.fieldErrors };
      if (error instanceof DomainError) return { ok: false, message: error.userMessage };
      if (isDatabaseUnavailableError(error)) return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE };
      // Next's redirect()/notFound() travel as errors: let them through.
      if (isNextInterrupt(error)) throw error;
      const reference = randomUUID().slice(0, 8);
      logError("action", error, { reference, userId: user.id });
      return { ok: false, message: `Une erreur inattendue est survenue (référence ${reference}). Rien n'a été modifié ; réessayez.` };
    }
  };
}

/**
 * The database did not answer (lib/health/database-unavailable.ts). A commit may still have gone
 * through just before, hence « vérifiez » rather than « rien n'a été modifié ».
 */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "Service momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques minutes, puis vérifiez que votre saisie a bien été enregistrée.";

/** zod issues keyed by their dotted path ("parts.0.requested"). */

function isNextInterrupt(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
