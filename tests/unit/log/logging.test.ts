/** Issue 14 §6: one correlation id per request, carried to the page and to the logs; no token nor query string in them. */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logError, logger, requestPath } from "@/lib/log/logger";
import { withRequestLog } from "@/lib/log/route-log";
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

  afterEach(() => vi.restoreAllMocks());

  it("give route handlers under /api (outside the proxy) one line per request with status and duration, and the correlation id in the response", async () => {
    const info = vi.spyOn(logger, "info");
    const handler = withRequestLog(async (request: Request) => new Response(null, { status: request.method === "POST" ? 201 : 404 }));
    const response = await handler(new Request("http://127.0.0.1:3000/api/fichiers/abc?email=nom%40exemple.fr", { method: "POST", headers: { "x-correlation-id": "lb-4f2a9c1e" } }));
    expect(response.status).toBe(201);
    expect(response.headers.get("x-correlation-id")).toBe("lb-4f2a9c1e");
    expect(info).toHaveBeenCalledTimes(1);
    const [line] = info.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(line).toMatchObject({ type: "request", correlationId: "lb-4f2a9c1e", method: "POST", path: "/api/fichiers/abc", status: 201 });
    expect(typeof line.durationMs).toBe("number");
    expect(JSON.stringify(line)).not.toContain("exemple.fr");
  });

  it("log a handler that throws as a 500 and let the error go on to Next", async () => {
    const info = vi.spyOn(logger, "info");
    const handler = withRequestLog(async () => {
      throw new Error("boom");
    });
    await expect(handler(new Request("http://127.0.0.1:3000/api/health"))).rejects.toThrow("boom");
    expect(info.mock.calls[0]?.[0]).toMatchObject({ path: "/api/health", status: 500 });
  });

  it("keep an error's type, PostgreSQL code and frames, never its message (it may quote what a person typed)", () => {
    const error = vi.spyOn(logger, "error");
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "User_email_key": Key (email)=(nom@exemple.fr)'), { code: "23505" });
    logError("action", cause, { reference: "ab12cd34", userId: "u1" });
    const [line] = error.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(line).toMatchObject({ type: "error", event: "action", reference: "ab12cd34", userId: "u1", err: { type: "Error", code: "23505" } });
    expect(JSON.stringify(line)).not.toContain("exemple.fr");
    expect(String((line.err as { stack: string }).stack)).toContain("logging.test.ts");
  });
});
