import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

/** Next compiles the matcher with its path-to-regexp. */
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as { pathToRegexp(path: string): RegExp };

/** React's own encoder of server-action arguments, the one Next's client uses. */
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/script-src[^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

async function actionRequest(body: BodyInit, headers: Record<string, string> = {}) {
  return new NextRequest("http://127.0.0.1:3000/simulateur", { method: "POST", body, headers: { "next-action": "7f".padEnd(42, "0"), ...headers } });
}

describe("proxy: security headers on every page (issue 14 §4)", () => {
  it("puts a fresh nonce in the response's CSP and in the request's, where Next reads it for its scripts", async () => {
    const first = await proxy(new NextRequest("http://127.0.0.1:3000/connexion"));
    const second = await proxy(new NextRequest("http://127.0.0.1:3000/connexion"));
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) passes request headers to the page this way.
    expect(first.headers.get("x-middleware-next")).toBe("1");
    expect(nonceOf(first.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("sends HSTS only when the reverse proxy says the request came over HTTPS", async () => {
    const plain = await proxy(new NextRequest("http://127.0.0.1:3000/"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(secure.headers.get("strict-transport-security")).toMatch(/^max-age=31536000/);
  });

  it("runs on pages, not on route handlers (streamed uploads) nor on static files", () => {
    const matcher = pathToRegexp(config.matcher[0]!);
    for (const path of ["/", "/connexion", "/etablissement/dossiers/abc", "/mot-de-passe/AbC-_09"]) expect(matcher.test(path), path).toBe(true);
    for (const path of ["/api/fichiers/1", "/api/health", "/_next/static/chunks/a.js", "/favicon.ico", "/dsfr/icons/a.svg"]) expect(matcher.test(path), path).toBe(false);
  });
});

describe("proxy: a malformed server-action body gets a 400, not Next's bare 500 (issue 14 §5)", () => {
  it("lets through every body React's encodeReply writes", async () => {
    const form = new FormData();
    form.set("piece", new Blob(["%PDF-1.7"]), "piece.pdf");
    form.set("commentaire", "ok");
    for (const args of [[], [{ finess: "750000001", montant: 12 }], [undefined, new Date(0), 10n, new Map([[1, 2]])], [form], [new Blob(["z"])]]) {
      const body = await encodeReply(args);
      const response = await proxy(await actionRequest(body));
      expect(response.status, JSON.stringify(typeof body === "string" ? body : [...body.keys()])).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("refuses a body that is not React's JSON array, with the security headers", async () => {
    const badForm = new FormData();
    badForm.set("1", "x");
    for (const body of ["garbage{", "", '{"not":"an array"}', badForm]) {
      const response = await proxy(await actionRequest(body));
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Requête d'action invalide.");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    const truncated = await proxy(await actionRequest("--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", { "content-type": "multipart/form-data; boundary=x" }));
    expect(truncated.status).toBe(400);
  });

  it("leaves ordinary POSTs (no Next-Action header) to Next", async () => {
    const response = await proxy(new NextRequest("http://127.0.0.1:3000/connexion", { method: "POST", body: "garbage" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
