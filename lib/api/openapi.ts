/**
 * The OpenAPI 3.1 description of /api/v1, generated from the response schemas (lib/api/schemas.ts)
 * with zod 4's z.toJSONSchema: the registry's schemas become components (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1) and refer to one another by `#/components/schemas/<id>`. Served at
 * /api/v1/openapi.json; tests validate it with @apidevtools/swagger-parser.
 */
import { z } from "zod";
import { API_RATE_LIMIT } from "./api-route";
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, problemTypeUri, type ProblemKind } from "./problem";
import { API_PAGE_SIZE_DEFAULT, API_PAGE_SIZE_MAX, apiSchemaRegistry } from "./schemas";

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(apiSchemaRegistry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // Each schema comes as a document of its own ($schema, $id): inside components they are the description's.
      const rest: JsonObject = { ...(schema as JsonObject) };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

function problemResponse(description: string, kinds: ProblemKind[]) {
  return {
    description: `${description} Types possibles : ${kinds.map((kind) => `\`${problemTypeUri(kind)}\` (${PROBLEM_TYPES[kind].title})`).join(", ")}.`,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ref("Probleme") } },
  };
}

const UNAUTHORIZED: ProblemKind[] = ["jeton-absent", "jeton-invalide", "jeton-inconnu", "jeton-revoque", "jeton-expire"];

const commonResponses = {
  "401": problemResponse("Jeton absent, mal formé, inconnu, révoqué ou expiré.", UNAUTHORIZED),
  "429": {
    ...problemResponse(`Plus de ${API_RATE_LIMIT.points} requêtes en ${API_RATE_LIMIT.windowSeconds} secondes pour ce jeton.`, ["trop-de-requetes"]),
    headers: { "Retry-After": { description: "Secondes à attendre.", schema: { type: "integer", minimum: 1 } } },
  },
  "500": problemResponse("Erreur inattendue (une référence est donnée).", ["erreur-interne"]),
};

const idParameter = { name: "id", in: "path", required: true, description: "Identifiant du dossier.", schema: { type: "string" } };

export function openApiDocument(): JsonObject {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "API du Guichet HospiConnect pour les systèmes d'information des ARS et de la DNS",
      version: "1.0.0",
      description: [
        "Lecture seule des dossiers transmis, de leurs parts par EJ (montants en centimes entiers et en euros sous forme de texte), de leurs décisions et de leurs documents (métadonnées et téléchargement).",
        "Un jeton régional lit ce qu'un instructeur de l'ARS de la région lit : les dossiers transmis HOP'EN2 et AAP de la région, jamais un brouillon ni une relève CaRE. Un jeton national lit tous les dossiers transmis (HOP'EN2, AAP, CaRE).",
        "Un dossier hors du périmètre du jeton répond 404. Un fichier infecté ou en cours d'analyse antivirus n'est jamais servi. Chaque appel est journalisé.",
        "Les jetons sont créés et révoqués par la DNS (page Administration > API) ; ils expirent au plus tard un an après leur création.",
      ].join("\n\n"),
    },
    servers: [{ url: "/", description: "Le portail qui sert cette description." }],
    security: [{ jeton: [] }],
    paths: {
      "/api/v1/dossiers": {
        get: {
          operationId: "listerDossiers",
          summary: "Dossiers transmis du périmètre du jeton, les plus récemment transmis d'abord",
          parameters: [
            { name: "guichet", in: "query", required: false, description: "Code du guichet.", schema: { type: "string", maxLength: 100 } },
            { name: "statut", in: "query", required: false, description: "Statut du dossier.", schema: ref("StatutDossier") },
            { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "taille", in: "query", required: false, description: `Dossiers par page (au plus ${API_PAGE_SIZE_MAX} ; au-delà, 400).`, schema: { type: "integer", minimum: 1, maximum: API_PAGE_SIZE_MAX, default: API_PAGE_SIZE_DEFAULT } },
          ],
          responses: {
            "200": { description: "Une page de dossiers.", content: { "application/json": { schema: ref("ListeDossiers") } } },
            "400": problemResponse("Paramètre invalide (taille hors de 1–100, statut inconnu…).", ["requete-invalide"]),
            ...commonResponses,
          },
        },
      },
      "/api/v1/dossiers/{id}": {
        get: {
          operationId: "lireDossier",
          summary: "Un dossier : parts par EJ et montants, décision, documents de la dernière transmission",
          parameters: [idParameter],
          responses: {
            "200": { description: "Le dossier.", content: { "application/json": { schema: ref("Dossier") } } },
            "404": problemResponse("Aucun dossier de cet identifiant dans le périmètre du jeton.", ["introuvable"]),
            ...commonResponses,
          },
        },
      },
      "/api/v1/dossiers/{id}/documents/{documentId}": {
        get: {
          operationId: "telechargerDocument",
          summary: "Le contenu d'un document de la dernière transmission",
          parameters: [idParameter, { name: "documentId", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "Les octets du fichier, de son type détecté (PDF, tableur…).",
              headers: { "X-Content-SHA256": { description: "SHA-256 du fichier, en hexadécimal.", schema: { type: "string" } } },
              content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
            },
            "404": problemResponse("Dossier hors périmètre, ou document absent de la dernière transmission.", ["introuvable"]),
            "409": problemResponse("Fichier infecté (en quarantaine) ou en cours d'analyse antivirus : jamais servi.", ["fichier-non-servi"]),
            ...commonResponses,
          },
        },
      },
    },
    components: {
      securitySchemes: { jeton: { type: "http", scheme: "bearer", description: "Jeton « ghc_… » créé par la DNS." } },
      schemas: componentSchemas(),
    },
  };
}

