/**
 * The API's errors as RFC 9457 problem details (application/problem+json), with a French `detail`.
 * `type` is a tag URI (RFC 4151) of the ministry's domain: a stable identifier that clients compare,
 * described in the OpenAPI document rather than served at a URL.
 */
import type { Problem } from "./schemas";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEM_TYPES = {
  "jeton-absent": { status: 401, title: "Jeton absent" },
  "jeton-invalide": { status: 401, title: "Jeton invalide" },
  "jeton-inconnu": { status: 401, title: "Jeton inconnu" },
  "jeton-revoque": { status: 401, title: "Jeton révoqué" },
  "jeton-expire": { status: 401, title: "Jeton expiré" },
  "requete-invalide": { status: 400, title: "Requête invalide" },
  introuvable: { status: 404, title: "Introuvable" },
  "fichier-non-servi": { status: 409, title: "Fichier non servi" },
  "trop-de-requetes": { status: 429, title: "Trop de requêtes" },
  "erreur-interne": { status: 500, title: "Erreur interne" },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

export function problemTypeUri(kind: ProblemKind): string {
  return `tag:sante.gouv.fr,2026:guichet-hospiconnect/api/${kind}`;
}

export function problemBody(kind: ProblemKind, detail: string, instance?: string): Problem {
  const { status, title } = PROBLEM_TYPES[kind];
  return { type: problemTypeUri(kind), title, status, detail, ...(instance ? { instance } : {}) };
}

export function problemResponse(kind: ProblemKind, detail: string, options: { instance?: string; headers?: Record<string, string> } = {}): Response {
  const body = problemBody(kind, detail, options.instance);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...options.headers },
  });
}

/** Thrown by an endpoint to answer a problem (lib/api/api-route.ts turns it into the response). */
export class ApiProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = "ApiProblemError";
  }
}
