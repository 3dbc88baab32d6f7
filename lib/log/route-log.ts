import { CORRELATION_HEADER } from "./correlation";
import { logger, requestPath } from "./logger";

/**
 * Route handlers under /api are outside proxy.ts (it would buffer their streamed bodies), so they
 * log their own line (issue 14 §6): one JSON line per request with its correlation id (the
 * caller's, when well formed, else a new one, returned in x-correlation-id), method, path without
 * query string, status and duration.
 */
export function withRequestLog<Request_ extends Request, Rest extends unknown[]>(handler: (request: Request_, ...rest: Rest) => Promise<Response> | Response) {
  return async (request: Request_, ...rest: Rest): Promise<Response> => {
    const startedAt = performance.now();
    const correlationId = correlationIdOf(request);
    const line = { type: "request", correlationId, method: request.method, path: requestPath(new URL(request.url).pathname) };
    try {
      const response = await handler(request, ...rest);
      logger.info({ ...line, status: response.status, durationMs: Math.round(performance.now() - startedAt) }, "request");
      return withCorrelationHeader(response, correlationId);
    } catch (error) {
      logger.info({ ...line, status: 500, durationMs: Math.round(performance.now() - startedAt) }, "request");
      throw error;
    }
  };
}

/** The caller's correlation id when well formed (a balancer's), else a new one: pages (proxy.ts) and route handlers alike. */
export function correlationIdOf(request: Request): string {
  return request.headers.get(CORRELATION_HEADER)?.match(/^[A-Za-z0-9-]{8,64}$/)?.[0] ?? crypto.randomUUID();
}

function withCorrelationHeader(response: Response, correlationId: string): Response {
  try {
    response.headers.set(CORRELATION_HEADER, correlationId);
    return response;
  } catch {
    // Response.redirect() and fetched responses have immutable headers: the line is logged all the same.
    return response;
  }
}
