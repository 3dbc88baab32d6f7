import { NextResponse, type NextRequest } from "next/server";
import { CORRELATION_HEADER } from "@/lib/log/correlation";
import { logger, requestPath } from "@/lib/log/logger";
import { correlationIdOf } from "@/lib/log/route-log";
import { createNonce, isHttpsRequest, securityHeaders } from "@/lib/security/security-headers";
import { isMalformedServerActionBody, isServerActionRequest } from "@/lib/security/server-action-request";

/**
 * Next 16's proxy (the former middleware) runs before every page (issue 14 §4, §5):
 * - a fresh CSP nonce per request, in the response's headers and in the request's
 *   Content-Security-Policy, where Next reads it to put it on its own inline scripts (the root
 *   layout reads it too, for DSFR's head); with the other security headers of
 *   lib/security/security-headers.ts;
 * - a server action whose body React cannot have written gets a 400, not Next's bare 500.
 * Route handlers under /api are left out (see `config`): the proxy buffers request bodies and
 * cuts them at 10 MB, and uploads and imports stream; next.config.ts gives them their headers.
 */
export async function proxy(request: NextRequest) {
  // One id per request, in the logs' line and in the request's headers (instrumentation.ts logs errors with it).
  const correlationId = correlationIdOf(request);
  logger.info({ type: "request", correlationId, method: request.method, path: requestPath(request.nextUrl.pathname), action: isServerActionRequest(request) || undefined }, "request");
  const headers = securityHeaders({
    nonce: createNonce(),
    https: isHttpsRequest(request),
    development: process.env.NODE_ENV === "development",
  });

  if (isServerActionRequest(request) && (await isMalformedServerActionBody(request))) {
    const refusal = new NextResponse("Requête d'action invalide.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    headers.forEach((value, key) => refusal.headers.set(key, value));
    return refusal;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers.get("content-security-policy")!);
  requestHeaders.set(CORRELATION_HEADER, correlationId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  headers.forEach((value, key) => response.headers.set(key, value));
  response.headers.set(CORRELATION_HEADER, correlationId);
  return response;
}

export const config = {
  matcher: [
    // Every page and server action; not route handlers (/api), Next's static files, nor the
    // files of public/ (a name with an extension).
    "/((?!api/|_next/static/|_next/image|.*\\.[a-zA-Z0-9]+$).*)",
  ],
};
