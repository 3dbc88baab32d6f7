import { apiRoute } from "@/lib/api/api-route";
import { getDossierEndpoint } from "@/lib/api/endpoints";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/dossiers/{id} — one dossier of the token's scope; 404 outside it (lib/api). */
export const GET = apiRoute(getDossierEndpoint);
