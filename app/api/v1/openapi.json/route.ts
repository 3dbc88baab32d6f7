import { openApiDocument } from "@/lib/api/openapi";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/openapi.json — the API's OpenAPI 3.1 description, generated from its zod schemas.
 * Public: it describes the API and holds no data, so a client can read it before it has a token.
 */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
