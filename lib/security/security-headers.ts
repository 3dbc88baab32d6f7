import { defaults, nosecone } from "@nosecone/next";

/**
 * The security headers of every page (issue 14 §4), built with Nosecone (a maintained library
 * that validates and serialises each header) from its Next.js defaults, with these choices:
 *
 * - script-src: 'self' and the request's nonce. Next puts the nonce on its own inline scripts
 *   when it finds it in the request's Content-Security-Policy (proxy.ts sets it there), and the
 *   root layout hands it to DSFR's head (its colour-scheme script). No 'strict-dynamic': every
 *   script is same-origin, and 'self' keeps working for chunks Next loads later.
 * - style-src: 'self' 'unsafe-inline'. DSFR and React write inline `style` attributes (server-
 *   rendered, so a nonce cannot cover them) and DSFR injects a <style> for the colour scheme;
 *   a nonce in style-src would switch 'unsafe-inline' off and break them. Styles cannot run code.
 * - frame-ancestors 'none' and X-Frame-Options DENY: no other site frames a page (clickjacking on
 *   the decision buttons). Nosecone's default X-Frame-Options is SAMEORIGIN; the portal frames
 *   nothing of its own either (frame-src 'none').
 * - Referrer-Policy same-origin, not Nosecone's no-referrer: with no-referrer, browsers send
 *   `Origin: null` on same-origin POSTs, and Next refuses server actions whose Origin does not
 *   match the host. same-origin still gives other sites nothing (our URLs name dossiers).
 * - No Cross-Origin-Embedder-Policy: cross-origin isolation buys nothing here and require-corp
 *   risks blocking what a browser opens inline (a PDF preview).
 * - HSTS only when the request came over HTTPS: over plain HTTP a browser ignores it, and a
 *   development or test server on http://localhost must not be pinned to HTTPS.
 */

/** Powerful features the portal never uses, denied to the page and anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

export interface SecurityHeaderOptions {
  /** This request's CSP nonce (base64), also given to Next and DSFR for their inline scripts. */
  nonce: string;
  /** The request reached the portal over HTTPS (directly or through the reverse proxy). */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval. */
  development: boolean;
}

const NEXT_DIRECTIVES = defaults.contentSecurityPolicy.directives;

export function contentSecurityPolicyDirectives({ nonce, https, development }: SecurityHeaderOptions) {
  return {
    ...NEXT_DIRECTIVES,
    defaultSrc: ["'self'"],
    scriptSrc: development ? (["'self'", `'nonce-${nonce}'`, "'unsafe-eval'"] as const) : (["'self'", `'nonce-${nonce}'`] as const),
    styleSrc: ["'self'", "'unsafe-inline'"],
    // The TOTP enrolment's QR code is a data: image.
    imgSrc: ["'self'", "blob:", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    frameSrc: ["'none'"],
    childSrc: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    ...(https ? { upgradeInsecureRequests: true } : {}),
  } as const;
}

/** The headers proxy.ts puts on a page's response (and the CSP on the request, for Next's nonce). */
export function securityHeaders(options: SecurityHeaderOptions): Headers {
  const headers = nosecone({
    ...defaults,
    contentSecurityPolicy: { directives: contentSecurityPolicyDirectives(options) },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: ["same-origin"] },
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: options.https ? defaults.strictTransportSecurity : false,
  });
  headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  return headers;
}

/**
 * Did the request come over HTTPS? The reverse proxy in front of the portal says so in
 * X-Forwarded-Proto (only as trustworthy as that proxy, like X-Forwarded-For); in production a
 * public URL in https means the portal is only served over HTTPS.
 */
export function isHttpsRequest(
  request: { url: string; headers: Headers },
  env: { NODE_ENV?: string; GUICHET_PUBLIC_URL?: string } = process.env,
): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  if (new URL(request.url).protocol === "https:") return true;
  return env.NODE_ENV === "production" && (env.GUICHET_PUBLIC_URL ?? "").toLowerCase().startsWith("https://");
}

/** 128 random bits, base64: unpredictable and new for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The headers of the responses proxy.ts does not see (route handlers under /api, which stream
 * uploads and downloads past the proxy's body buffer, and static files): the same protections
 * but a CSP reduced to frame-ancestors — a stricter one (object-src 'none') stops Chromium's
 * viewer from showing an inline PDF preview. Used by next.config.ts, so it is fixed at build
 * time: HSTS there keys on X-Forwarded-Proto (see hstsHeader).
 */
export function staticSecurityHeaders(): { key: string; value: string }[] {
  const headers = nosecone({
    ...defaults,
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: ["same-origin"] },
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: false,
  });
  headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  return [...headers.entries()].map(([key, value]) => ({ key, value }));
}

/** Nosecone's Strict-Transport-Security (one year, subdomains, no preload). */
export function hstsHeader(): { key: string; value: string } {
  const headers = nosecone({ ...defaults, contentSecurityPolicy: false, strictTransportSecurity: defaults.strictTransportSecurity });
  return { key: "Strict-Transport-Security", value: headers.get("strict-transport-security")! };
}
