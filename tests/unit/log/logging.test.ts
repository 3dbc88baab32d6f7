/** Issue 14 §6: one correlation id per request, carried to the page and to the logs; no token nor query string in them. */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requestPath } from "@/lib/log/logger";
import { proxy } from "@/proxy";

describe("structured logs", () => {
  it("keep a request's path without the tokens of single-use links", () => {
    expect(requestPath("/ars/dossiers/abc")).toBe("/ars/dossiers/abc");
    expect(requestPath("/mot-de-passe/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg")).toBe("/mot-de-passe/…");
    expect(requestPath("/inscription/confirmer/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg")).toBe("/inscription/confirmer/…");
  });

  it("give every page request a correlation id, in its response and in the request the page reads; a well-formed one from the reverse proxy is kept", async () => {
    const fresh = await proxy(new NextRequest("http://127.0.0.1:3000/connexion?email=nom%40exemple.fr"));
    const id = fresh.headers.get("x-correlation-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("x-middleware-request-x-correlation-id")).toBe(id);
    const other = await proxy(new NextRequest("http://127.0.0.1:3000/connexion"));
    expect(other.headers.get("x-correlation-id")).not.toBe(id);
    const kept = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-correlation-id": "lb-4f2a9c1e" } }));
    expect(kept.headers.get("x-correlation-id")).toBe("lb-4f2a9c1e");
    const forged = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-correlation-id": "<script>" } }));
    expect(forged.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
