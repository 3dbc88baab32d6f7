/**
 * Typed domain errors. Domain functions throw them; the edge (lib/actions,
 * pages, route handlers) turns them into a French message or a 403/404/409,
 * never into a stack trace.
 */
import type { z } from "zod";

export abstract class DomainError extends Error {
  /** What the user reads, in French. */
  abstract readonly userMessage: string;
}

export class ForbiddenError extends DomainError {
  readonly userMessage = "Vous n'avez pas accès à cette ressource.";
  constructor(message = "Accès refusé") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  readonly userMessage: string;
  constructor(message = "Introuvable", userMessage = "L'élément demandé est introuvable.") {
    super(message);
    this.name = "NotFoundError";
    this.userMessage = userMessage;
  }
}

/** Someone else changed the resource since the page was loaded (optimistic concurrency). */
export class ConflictError extends DomainError {
  readonly userMessage: string;
  constructor(userMessage = "Ce contenu a été modifié entre-temps par une autre personne. Rechargez la page pour voir la dernière version ; vos saisies non enregistrées sont à reporter.") {
    super(userMessage);
    this.name = "ConflictError";
    this.userMessage = userMessage;
  }
}

/** A guichet's deadline has passed (or it is not open yet), on the server's Paris clock. */
export class DeadlinePassedError extends DomainError {
  readonly userMessage: string;
  constructor(userMessage: string) {
    super(userMessage);
    this.name = "DeadlinePassedError";
    this.userMessage = userMessage;
  }
}

/** The action is not allowed in the resource's current state (e.g. editing a submitted dossier). */
export class InvalidStateError extends DomainError {
  readonly userMessage: string;
  constructor(userMessage: string) {
    super(userMessage);
    this.name = "InvalidStateError";
    this.userMessage = userMessage;
  }
}

/** Business validation failed; each message sits next to its field. */
export class ValidationError extends DomainError {
  readonly userMessage: string;
  readonly fieldErrors: Record<string, string[]>;
  constructor(fieldErrors: Record<string, string[]>, userMessage = "Le formulaire comporte des erreurs : corrigez les champs signalés.") {
    super(userMessage);
    this.name = "ValidationError";
    this.userMessage = userMessage;
    this.fieldErrors = fieldErrors;
  }
}

/** A zod error as the forms show it: the messages of each field, keyed by its path ("_form" for the whole). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

/** The input `schema` accepts, or a ValidationError with each field's French messages. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
