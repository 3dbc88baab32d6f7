/**
 * Server actions arrive as a POST to the page with a `Next-Action` header and a body written by
 * React's encodeReply: either the arguments as one JSON array (text/plain), or multipart form
 * data whose field "0" is that JSON array (when an argument is a file, a Map, a promise…). Next
 * 16 answers an unknown or malformed action id with 400/409 itself, but a known id with a body it
 * cannot decode with a bare 500 (issue 14 §5). proxy.ts refuses such a body with a 400 before
 * Next tries to decode it. Only what React never writes is refused, so no real call is stopped:
 * tests/unit/security/server-action-request.test.ts runs React's own encoder through this check.
 */
export const SERVER_ACTION_HEADER = "next-action";

export function isServerActionRequest(request: Request): boolean {
  return request.method === "POST" && request.headers.has(SERVER_ACTION_HEADER);
}

/** True when the action's body is not one React's encodeReply can have produced. */
export async function isMalformedServerActionBody(request: Request): Promise<boolean> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      const root = form.get("0");
      return typeof root !== "string" || !isJsonArray(root);
    }
    // Next answers a url-encoded action itself (404); anything else must be the JSON text.
    if (contentType.startsWith("application/x-www-form-urlencoded")) return false;
    return !isJsonArray(await request.clone().text());
  } catch {
    // An unreadable body or a multipart body that does not parse.
    return true;
  }
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
