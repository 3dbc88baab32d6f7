/**
 * The one pipeline of every call of /api/v1 (issue 14 §7), like lib/actions for the forms:
 * 1. the token of `Authorization: Bearer ghc_…` (lib/api/tokens.ts): missing, malformed, unknown,
 *    revoked or expired → 401 problem, nothing read;
 * 2. the token's rate limit (counters in PostgreSQL, shared by every instance) → 429 with Retry-After;
 * 3. the endpoint, on the token's scope only; typed errors become problems (404 out of scope, 409 a
 *    file not served), anything else a 500 with a reference in the logs, never a stack;
 * 4. one audit row per call, refused ones included (token id, method, path, status), written
 *    before the response leaves: a response whose audit failed is not sent.
 */
import { randomUUID } from "node:crypto";
import { getDb, type Database } from "@/lib/db/client";
import type { ApiScope } from "@/lib/dossiers/policy";
import { InvalidStateError, NotFoundError } from "@/lib/errors";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { take, type LimitOptions } from "@/lib/security/rate-limit";
import { logError } from "@/lib/log/logger";
import { withRequestLog } from "@/lib/log/route-log";
import { auditApi } from "./audit-call";
import { ApiProblemError, problemResponse, type ProblemKind } from "./problem";
import { authenticateApiRequest, TOKEN_REFUSAL_DETAILS, type TokenRefusal } from "./tokens";

/** 600 calls a minute per token: ten a second, far above a nightly synchronisation's needs. */
export const API_RATE_LIMIT: LimitOptions = { name: "api-token", points: 600, windowSeconds: 60 };

export interface ApiCall<P> {
  request: Request;
  url: URL;
  db: Database;
  token: ApiToken;
  scope: ApiScope;
  params: P;
}

export type ApiEndpoint<P> = (call: ApiCall<P>) => Promise<Response>;

export interface ApiRouteOptions {
  rateLimit?: LimitOptions;
  /** The database (default: the process-wide client). */
  db?: () => Database;
}

const REFUSAL_KINDS: Record<TokenRefusal, ProblemKind> = {
  missing: "jeton-absent",
  malformed: "jeton-invalide",
  unknown: "jeton-inconnu",
  revoked: "jeton-revoque",
  expired: "jeton-expire",
};

export function apiRoute<P>(endpoint: ApiEndpoint<P>, options: ApiRouteOptions = {}): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return withRequestLog(async (request: Request, context: { params: Promise<P> }) => {
    const db = (options.db ?? getDb)();
    const url = new URL(request.url);
    const path = url.pathname;
    let tokenId: string | null = null;
    let response: Response;
    try {
      response = await answer();
    } catch (error) {
      response = unexpected(error, tokenId, path);
    }
    try {
      await auditApi(db, { action: "api.call", actor: null, tokenId, details: { method: request.method, path, query: url.search || null, status: response.status } });
    } catch (error) {
      await response.body?.cancel().catch(() => {});
      return unexpected(error, tokenId, path);
    }
    return response;

    async function answer(): Promise<Response> {
      const authentication = await authenticateApiRequest(db, request.headers.get("authorization"));
      if (!authentication.ok) {
        tokenId = authentication.tokenId;
        // RFC 6750 §3: the scheme the client must use.
        return problemResponse(REFUSAL_KINDS[authentication.refusal], TOKEN_REFUSAL_DETAILS[authentication.refusal], {
          instance: path,
          headers: { "WWW-Authenticate": `Bearer realm="guichet-hospiconnect"${authentication.refusal === "missing" ? "" : ', error="invalid_token"'}` },
        });
      }
      const { token, scope } = authentication;
      tokenId = token.id;
      const limit = await take(db, options.rateLimit ?? API_RATE_LIMIT, token.id);
      if (!limit.ok) {
        return problemResponse("trop-de-requetes", `Limite de ${(options.rateLimit ?? API_RATE_LIMIT).points} requêtes par ${(options.rateLimit ?? API_RATE_LIMIT).windowSeconds} secondes atteinte pour ce jeton : réessayez dans ${limit.retryAfterSeconds} s.`, {
          instance: path,
          headers: { "Retry-After": String(limit.retryAfterSeconds) },
        });
      }
      try {
        return await endpoint({ request, url, db, token, scope, params: await context.params });
      } catch (error) {
        if (error instanceof ApiProblemError) return problemResponse(error.kind, error.detail, { instance: path });
        if (error instanceof NotFoundError) return problemResponse("introuvable", error.userMessage, { instance: path });
        // Quarantined (infected) or still being scanned: never served, said in French.
        if (error instanceof InvalidStateError) return problemResponse("fichier-non-servi", error.userMessage, { instance: path });
        throw error;
      }
    }
  });
}

function unexpected(error: unknown, tokenId: string | null, path: string): Response {
  const reference = randomUUID().slice(0, 8);
  logError("api", error, { reference, tokenId, path });
  return problemResponse("erreur-interne", `Une erreur inattendue est survenue (référence ${reference}). Réessayez dans quelques minutes.`, { instance: path });
}

/** A JSON answer of the API: never cached by a shared cache. */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}
