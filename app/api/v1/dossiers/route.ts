import { apiRoute } from "@/lib/api/api-route";
import { listDossiersEndpoint } from "@/lib/api/endpoints";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/dossiers?guichet=&statut=&page=&taille= — the token's transmitted dossiers (lib/api). */
export const GET = apiRoute(listDossiersEndpoint);
