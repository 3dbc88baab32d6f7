/**
 * The endpoints of /api/v1 (the route handlers of app/api/v1 wrap them in apiRoute). Kept in lib/
 * so that tests can wrap them with their own options (a small rate limit).
 */
import { Readable } from "node:stream";
import { downloadHeaders } from "@/lib/storage/file-access";
import { getFileStorage } from "@/lib/storage";
import { apiJson, type ApiEndpoint } from "./api-route";
import { getApiDossier, listApiDossiers, openApiDocument } from "./dossiers";
import { ApiProblemError } from "./problem";
import { dossierListQuerySchema } from "./schemas";

/** GET /api/v1/dossiers?guichet=&statut=&page=&taille= */
export const listDossiersEndpoint: ApiEndpoint<Record<string, never>> = async ({ url, db, scope }) => {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([key]) => ["guichet", "statut", "page", "taille"].includes(key)));
  const parsed = dossierListQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    const detail = field === "statut" ? "« statut » est inconnu : voyez les valeurs de StatutDossier dans la description OpenAPI." : (issue?.message ?? "Paramètres invalides.");
    throw new ApiProblemError("requete-invalide", detail);
  }
  return apiJson(await listApiDossiers(db, scope, parsed.data));
};

/** GET /api/v1/dossiers/{id} */
export const getDossierEndpoint: ApiEndpoint<{ id: string }> = async ({ db, scope, params }) => apiJson(await getApiDossier(db, scope, params.id));

/** GET /api/v1/dossiers/{id}/documents/{documentId}: the bytes, as the portal's downloads send them. */
export const downloadDocumentEndpoint: ApiEndpoint<{ id: string; documentId: string }> = async ({ db, scope, params }) => {
  const { file, body } = await openApiDocument(db, scope, params.id, params.documentId, getFileStorage());
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers: { ...downloadHeaders(file, false), "X-Content-SHA256": file.sha256 } });
};
