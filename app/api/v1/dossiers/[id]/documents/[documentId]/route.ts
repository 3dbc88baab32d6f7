import { apiRoute } from "@/lib/api/api-route";
import { downloadDocumentEndpoint } from "@/lib/api/endpoints";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/dossiers/{id}/documents/{documentId} — a transmitted file's bytes, never an infected or pending one (lib/api). */
export const GET = apiRoute(downloadDocumentEndpoint);
