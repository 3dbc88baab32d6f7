import { openApiDocument } from "@/lib/api/openapi";
import { withRequestLog } from "@/lib/log/route-log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/openapi.json — the API's OpenAPI 3.1 description, generated from its zod schemas.
 * Public: it describes the API and holds no data, so a client can read it before it has a token.
 */
function handleGet(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const GET = withRequestLog(handleGet);
