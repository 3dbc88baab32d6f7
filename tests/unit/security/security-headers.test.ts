import { describe, expect, it } from "vitest";
import { createNonce, hstsHeader, isHttpsRequest, securityHeaders, staticSecurityHeaders } from "@/lib/security/security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const NONCE = "bm9uY2Utb2YtdGhlLXRlc3Q=";

describe("securityHeaders (issue 14 §4)", () => {
  const headers = securityHeaders({ nonce: NONCE, https: false, development: false });
  const csp = directives(headers.get("content-security-policy")!);

  it("allows scripts from the portal and those carrying this request's nonce, nothing inline otherwise", () => {
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("lets DSFR's inline styles through without a nonce (a nonce would switch 'unsafe-inline' off)", () => {
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("refuses to be framed by any site: frame-ancestors 'none' and X-Frame-Options DENY", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(headers.get("x-frame-options")).toBe("DENY");
  });

  it("sets nosniff, a same-origin referrer and denies unused powerful features", () => {
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    // Not no-referrer: browsers then send `Origin: null` on same-origin POSTs, which Next refuses for server actions.
    expect(headers.get("referrer-policy")).toBe("same-origin");
    const permissions = headers.get("permissions-policy")!;
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()"]) expect(permissions).toContain(feature);
    // WebAuthn (the staff's security keys) keeps its default, the page's own origin.
    expect(permissions).not.toContain("publickey-credentials");
  });

  it("sends HSTS and upgrade-insecure-requests only over HTTPS", () => {
    expect(headers.get("strict-transport-security")).toBeNull();
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    const secure = securityHeaders({ nonce: NONCE, https: true, development: false });
    expect(secure.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(directives(secure.get("content-security-policy")!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("adds 'unsafe-eval' in development only (React's error overlay)", () => {
    const dev = directives(securityHeaders({ nonce: NONCE, https: false, development: true }).get("content-security-policy")!);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("isHttpsRequest", () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });

  it("trusts the reverse proxy's X-Forwarded-Proto first", () => {
    expect(isHttpsRequest(request("http://127.0.0.1:3000/", { "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(isHttpsRequest(request("http://127.0.0.1:3000/", { "x-forwarded-proto": "http" }), { NODE_ENV: "production", GUICHET_PUBLIC_URL: "https://guichet.example.fr" })).toBe(false);
  });

  it("else the request's own scheme, else a production portal whose public URL is https", () => {
    expect(isHttpsRequest(request("https://guichet.example.fr/"), {})).toBe(true);
    expect(isHttpsRequest(request("http://127.0.0.1:3000/"), { NODE_ENV: "production", GUICHET_PUBLIC_URL: "https://guichet.example.fr" })).toBe(true);
    expect(isHttpsRequest(request("http://127.0.0.1:3000/"), { NODE_ENV: "development", GUICHET_PUBLIC_URL: "https://guichet.example.fr" })).toBe(false);
    expect(isHttpsRequest(request("http://localhost:3000/"), { NODE_ENV: "production", GUICHET_PUBLIC_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("createNonce", () => {
  it("is base64 of 128 random bits, new each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("staticSecurityHeaders (route handlers and files, from next.config.ts)", () => {
  const headers = new Map(staticSecurityHeaders().map(({ key, value }) => [key.toLowerCase(), value]));

  it("refuses framing and sniffing, without a CSP that would stop an inline PDF preview", () => {
    expect([...directives(headers.get("content-security-policy")!).keys()]).toEqual(["frame-ancestors"]);
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("same-origin");
    expect(headers.has("strict-transport-security")).toBe(false);
    expect(hstsHeader()).toEqual({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  });
});
