/**
 * The API of the ARS and DNS information systems (issue 14 §7), called through its route handlers
 * on a real PostgreSQL: each scope reads exactly its dossiers, a dossier out of scope is a 404,
 * files follow the antivirus rule, refused tokens and bad input get a problem, the rate limit
 * answers 429, every call leaves one audit row, and the OpenAPI description validates and
 * describes the real responses.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoute } from "@/lib/api/api-route";
import { listDossiersEndpoint } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";
import { dossierDetailSchema, dossierListSchema, problemSchema } from "@/lib/api/schemas";
import { authenticateApiRequest, createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { dossierScope, dossierScopeSelect } from "@/lib/dossiers/dossier-view";
import { apiScopeFilter, canApiReadDossier, type ApiScope } from "@/lib/dossiers/policy";
import { ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { careGuichet } from "../support/care-releve-builders";
import { arsAccepts, directDossier, establishment, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { asCurrentUser, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const storageDir = await mkdtemp(path.join(tmpdir(), "guichet-api-"));
process.env.GUICHET_STORAGE_DIR = storageDir;

const { GET: listDossiers } = await import("@/app/api/v1/dossiers/route");
const { GET: getDossier } = await import("@/app/api/v1/dossiers/[id]/route");
const { GET: downloadDocument } = await import("@/app/api/v1/dossiers/[id]/documents/[documentId]/route");
const { GET: getOpenApi } = await import("@/app/api/v1/openapi.json/route");

let db: Database;
let admin: CurrentUser;
const secrets = { region84: "", national: "" };
const ids: Record<"d84" | "d53" | "draft84" | "care84" | "care53" | "deposit84", string> = { d84: "", d53: "", draft84: "", care84: "", care53: "", deposit84: "" };
const documents: Record<"d84" | "d53" | "care84", { documentId: string; fileId: string }> = {} as never;
const BYTES = Buffer.from("%PDF-1.7\nnote de cadrage de test\n%%EOF\n");
let depositFiness = "";

const inDays = (days: number) => parisDate(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  const guichets = await instructionGuichets(db);
  const care = await careGuichet(db);
  const storage = new LocalDiskStorage(storageDir);

  const ej84 = await createLegalEntity(db, { regionCode: "84" });
  const ej53 = await createLegalEntity(db, { regionCode: "53" });
  const referent84 = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej84.finess] }), [ej84.finess]);
  const referent53 = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej53.finess] }), [ej53.finess]);
  const make = async (key: keyof typeof ids, guichet: typeof care, finess: string, referent: CurrentUser, status: "SUBMITTED" | "DRAFT") => {
    const dossier = await directDossier(db, { guichet, carrierFiness: finess, referent, status, withDocument: true });
    ids[key] = dossier.id;
    return dossier;
  };
  await make("d84", guichets.candidature, ej84.finess, referent84, "SUBMITTED");
  await make("d53", guichets.candidature, ej53.finess, referent53, "SUBMITTED");
  await make("draft84", guichets.deposit, ej84.finess, referent84, "DRAFT");
  await make("care84", care, ej84.finess, referent84, "SUBMITTED");
  await make("care53", care, ej53.finess, referent53, "SUBMITTED");
  for (const key of ["d84", "d53", "care84"] as const) {
    const document = await db.dossierDocument.findFirstOrThrow({ where: { dossierId: ids[key] }, include: { file: true } });
    await storage.put(document.file.storageKey, Readable.from(BYTES));
    documents[key] = { documentId: document.id, fileId: document.fileId };
  }

  // 84 — a 2026 deposit transmitted through the service and accepted by the ARS at 29 500,50 €.
  const alpha = await establishment(db, "84", "CH Alpha");
  depositFiness = alpha.ej.finess;
  const deposit = await submittedDeposit(db, alpha.referent, alpha.ej.finess, guichets);
  ids.deposit84 = deposit.id;
  const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  await arsAccepts(db, instructor, deposit.id, new Date("2026-07-01T10:00:00Z"), { [alpha.ej.finess]: 2_950_050 });

  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
  secrets.region84 = (await createApiToken(db, admin, { name: "SI de l'ARS ARA", regionCode: "84", expiresOn: inDays(30) })).secret;
  secrets.national = (await createApiToken(db, admin, { name: "Entrepôt national DNS", regionCode: null, expiresOn: inDays(30) })).secret;
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
  await rm(storageDir, { recursive: true, force: true });
});

const BASE = "http://guichet.test";
const noParams = { params: Promise.resolve({} as Record<string, never>) };
const request = (pathAndQuery: string, secret: string | null) => new Request(`${BASE}${pathAndQuery}`, { headers: secret === null ? {} : { authorization: `Bearer ${secret}` } });
const list = (query: string, secret: string) => listDossiers(request(`/api/v1/dossiers${query}`, secret), noParams);
const detail = (id: string, secret: string) => getDossier(request(`/api/v1/dossiers/${id}`, secret), { params: Promise.resolve({ id }) });
const download = (id: string, documentId: string, secret: string) =>
  downloadDocument(request(`/api/v1/dossiers/${id}/documents/${documentId}`, secret), { params: Promise.resolve({ id, documentId }) });

async function listedIds(secret: string): Promise<string[]> {
  const response = await list("?taille=100", secret);
  expect(response.status).toBe(200);
  return dossierListSchema.parse(await response.json()).items.map((item) => item.id);
}

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(await response.json());
  expect(problem.type.endsWith(`/api/${type}`)).toBe(true);
  expect(problem.status).toBe(status);
  return problem;
}

describe("the scope of a token (apiScopeFilter, next to the read policy)", () => {
  it("a regional token reads its region's transmitted HOP'EN2 dossiers, never another region, a draft or a CaRE relève; a national one every transmitted dossier", async () => {
    const rows = await db.dossier.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, ...dossierScopeSelect } });
    const region84: ApiScope = { kind: "region", regionCode: "84" };
    const national: ApiScope = { kind: "national" };
    const readable = (scope: ApiScope) => rows.filter((row) => canApiReadDossier(scope, dossierScope(row))).map((row) => row.id).sort();
    expect(readable(region84)).toEqual([ids.d84, ids.deposit84].sort());
    expect(readable(national)).toEqual([ids.d84, ids.d53, ids.care84, ids.care53, ids.deposit84].sort());
    for (const scope of [region84, national, { kind: "region", regionCode: "53" } as const]) {
      const filtered = await db.dossier.findMany({ where: { AND: [{ id: { in: Object.values(ids) } }, apiScopeFilter(scope)] }, select: { id: true } });
      expect(filtered.map((row) => row.id).sort()).toEqual(readable(scope));
    }
  });
});

describe("GET /api/v1/dossiers", () => {
  it("lists for a region 84 token its 84 transmitted dossiers only", async () => {
    const listed = await listedIds(secrets.region84);
    expect(listed).toEqual(expect.arrayContaining([ids.d84, ids.deposit84]));
    expect(listed).not.toContain(ids.d53);
    expect(listed).not.toContain(ids.draft84);
    expect(listed).not.toContain(ids.care84);
  });

  it("lists for a national token every transmitted dossier, CaRE relèves included, never a draft", async () => {
    const listed = await listedIds(secrets.national);
    // Alpha's accepted candidature (built by submittedDeposit) is transmitted too.
    const transmitted = await db.dossier.findMany({ where: { status: { not: "DRAFT" } }, select: { id: true } });
    expect(listed.sort()).toEqual(transmitted.map((row) => row.id).sort());
    expect(listed).toEqual(expect.arrayContaining([ids.d84, ids.d53, ids.care84, ids.care53, ids.deposit84]));
    expect(listed).not.toContain(ids.draft84);
  });

  it("paginates, and filters by guichet and status", async () => {
    const first = dossierListSchema.parse(await (await list("?taille=2&page=1", secrets.national)).json());
    const third = dossierListSchema.parse(await (await list("?taille=2&page=3", secrets.national)).json());
    // Six transmitted dossiers: the five above and Alpha's candidature.
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 6, totalPages: 3 });
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(2);
    const pages = [first, dossierListSchema.parse(await (await list("?taille=2&page=2", secrets.national)).json()), third];
    expect(new Set(pages.flatMap((page) => page.items.map((item) => item.id))).size).toBe(6);
    expect(dossierListSchema.parse(await (await list("?taille=2&page=4", secrets.national)).json()).items).toEqual([]);
    const accepted = dossierListSchema.parse(await (await list("?statut=ACCEPTED", secrets.national)).json());
    // The deposit and Alpha's candidature.
    expect(accepted.items.map((item) => item.id)).toContain(ids.deposit84);
    expect(accepted.items.map((item) => item.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
    const careCode = (await db.dossier.findUniqueOrThrow({ where: { id: ids.care84 }, select: { guichet: { select: { code: true } } } })).guichet.code;
    const care = dossierListSchema.parse(await (await list(`?guichet=${encodeURIComponent(careCode)}`, secrets.national)).json());
    expect(care.items.map((item) => item.id).sort()).toEqual([ids.care84, ids.care53].sort());
    expect(dossierListSchema.parse(await (await list(`?guichet=${encodeURIComponent(careCode)}`, secrets.region84)).json()).items).toEqual([]);
  });

  it("refuses a huge page size, a page 0 and an unknown status with a 400 problem, rather than serving a cut list", async () => {
    expect((await expectProblem(await list("?taille=1000", secrets.national), 400, "requete-invalide")).detail).toBe("« taille » doit être un entier entre 1 et 100.");
    await expectProblem(await list("?taille=0", secrets.national), 400, "requete-invalide");
    await expectProblem(await list("?taille=abc", secrets.national), 400, "requete-invalide");
    await expectProblem(await list("?page=0", secrets.national), 400, "requete-invalide");
    await expectProblem(await list("?statut=DRAFT", secrets.national), 400, "requete-invalide");
  });
});

describe("GET /api/v1/dossiers/{id}", () => {
  it("answers 404, not 403, for a dossier of another region, a draft or a CaRE relève", async () => {
    for (const id of [ids.d53, ids.draft84, ids.care84, "no-such-dossier"]) {
      const problem = await expectProblem(await detail(id, secrets.region84), 404, "introuvable");
      expect(problem.detail).toBe("Aucun dossier de ce numéro d'identifiant n'est accessible avec ce jeton.");
    }
    await expectProblem(await detail(ids.draft84, secrets.national), 404, "introuvable");
  });

  it("gives the parts per EJ with their amounts in cents and euros, the decision and the documents", async () => {
    const response = await detail(ids.deposit84, secrets.region84);
    expect(response.status).toBe(200);
    const dossier = dossierDetailSchema.parse(await response.json());
    expect(dossier.status).toBe("ACCEPTED");
    const part = dossier.parts.find((candidate) => candidate.finess === depositFiness)!;
    expect(part.decided).toEqual({ cents: 2_950_050, euros: "29500.50" });
    expect(part.partialAwardReason).toBe("Montant ajusté par l'ARS.");
    expect(dossier.decision).toMatchObject({ outcome: "accepted", decidedOn: "2026-07-01", decidedTotal: { cents: 2_950_050, euros: "29500.50" }, refusalReason: null });
    expect(dossier.documents.length).toBeGreaterThan(0);
    for (const document of dossier.documents) expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);

    const care = dossierDetailSchema.parse(await (await detail(ids.care84, secrets.national)).json());
    expect(care.guichet.programme).toBe("HOSPICONNECT_CARE");
    expect(care.documents[0]).toMatchObject({ id: documents.care84.documentId, scanStatus: "NOT_SCANNED", downloadUrl: `/api/v1/dossiers/${ids.care84}/documents/${documents.care84.documentId}` });
  });
});

describe("GET /api/v1/dossiers/{id}/documents/{documentId}", () => {
  it("serves a transmitted file of the scope, and nothing of another region or a CaRE relève to a regional token", async () => {
    const response = await download(ids.d84, documents.d84.documentId, secrets.region84);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(BYTES)).toBe(true);
    await expectProblem(await download(ids.d53, documents.d53.documentId, secrets.region84), 404, "introuvable");
    await expectProblem(await download(ids.care84, documents.care84.documentId, secrets.region84), 404, "introuvable");
    // A document of another dossier, asked through a readable one.
    await expectProblem(await download(ids.d84, documents.d53.documentId, secrets.region84), 404, "introuvable");
    expect((await download(ids.d53, documents.d53.documentId, secrets.national)).status).toBe(200);
  });

  it("never serves an infected file nor one still being scanned, and says so in the dossier", async () => {
    await db.storedFile.update({ where: { id: documents.d53.fileId }, data: { scanStatus: "INFECTED", scanSignature: "Eicar-Signature" } });
    const problem = await expectProblem(await download(ids.d53, documents.d53.documentId, secrets.national), 409, "fichier-non-servi");
    expect(problem.detail).toContain("Eicar-Signature");
    const dossier = dossierDetailSchema.parse(await (await detail(ids.d53, secrets.national)).json());
    expect(dossier.documents[0]).toMatchObject({ scanStatus: "INFECTED", downloadUrl: null });
    await db.storedFile.update({ where: { id: documents.d53.fileId }, data: { scanStatus: "PENDING", scanSignature: null } });
    await expectProblem(await download(ids.d53, documents.d53.documentId, secrets.national), 409, "fichier-non-servi");
    await db.storedFile.update({ where: { id: documents.d53.fileId }, data: { scanStatus: "CLEAN" } });
    expect((await download(ids.d53, documents.d53.documentId, secrets.national)).status).toBe(200);
  });
});

describe("tokens", () => {
  it("refuses a missing, malformed or forged token with a 401 problem and WWW-Authenticate", async () => {
    const missing = await listDossiers(request("/api/v1/dossiers", null), noParams);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="guichet-hospiconnect"');
    await expectProblem(missing, 401, "jeton-absent");
    await expectProblem(await list("", "not-a-token"), 401, "jeton-invalide");
    const forged = `ghc_${Buffer.alloc(32, 7).toString("base64url")}`;
    const problem = await expectProblem(await list("", forged), 401, "jeton-inconnu");
    expect(problem.detail).toBe("Ce jeton n'est pas reconnu.");
  });

  it("refuses a revoked token and an expired one", async () => {
    const revoked = await createApiToken(db, admin, { name: "Jeton révoqué", regionCode: "84", expiresOn: inDays(10) });
    expect((await list("", revoked.secret)).status).toBe(200);
    await revokeApiToken(db, admin, revoked.token.id);
    expect((await expectProblem(await list("", revoked.secret), 401, "jeton-revoque")).detail).toBe("Ce jeton a été révoqué par la DNS : demandez-en un nouveau.");
    await expect(revokeApiToken(db, admin, revoked.token.id)).rejects.toBeInstanceOf(InvalidStateError);

    const expiring = await createApiToken(db, admin, { name: "Jeton expiré", regionCode: null, expiresOn: inDays(0) });
    expect(await authenticateApiRequest(db, `Bearer ${expiring.secret}`, new Date(expiring.token.expiresAt.getTime() - 1))).toMatchObject({ ok: true });
    expect(await authenticateApiRequest(db, `Bearer ${expiring.secret}`, expiring.token.expiresAt)).toMatchObject({ ok: false, refusal: "expired" });
    await db.apiToken.update({ where: { id: expiring.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectProblem(await detail(ids.d84, expiring.secret), 401, "jeton-expire");
  });

  it("is shown once in clear and stored as its SHA-256 only, expires at the end of a Paris day at most a year ahead", async () => {
    const created = await createApiToken(db, admin, { name: "SI de l'ARS Bretagne", regionCode: "53", expiresOn: "2027-03-31" }, new Date("2026-12-04T10:00:00Z"));
    expect(created.secret).toMatch(/^ghc_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(4));
    // 1 April 2027 00:00 in Paris (summer time) = 31 March 22:00 UTC.
    expect(row.expiresAt.toISOString()).toBe("2027-03-31T22:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "api.token.created", subject: `api-token:${row.id}` } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: "DNS_ADMIN" });
    expect(JSON.stringify(audit.details)).not.toContain(created.secret);

    const at = new Date("2026-12-04T10:00:00Z");
    await expect(createApiToken(db, admin, { name: "Trop long", regionCode: null, expiresOn: "2027-12-05" }, at)).rejects.toBeInstanceOf(ValidationError);
    await expect(createApiToken(db, admin, { name: "Passé", regionCode: null, expiresOn: "2026-12-03" }, at)).rejects.toBeInstanceOf(ValidationError);
    await expect(createApiToken(db, admin, { name: "Région inconnue", regionCode: "99", expiresOn: "2027-01-01" }, at)).rejects.toBeInstanceOf(ValidationError);
  });

  it("is managed by the DNS only", async () => {
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await expect(listApiTokens(db, instructor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createApiToken(db, instructor, { name: "Le mien", regionCode: "84", expiresOn: inDays(5) })).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await listApiTokens(db, admin);
    expect(rows.find((row) => row.name === "Jeton révoqué")?.status).toBe("revoked");
    expect(rows.find((row) => row.name === "SI de l'ARS ARA")).toMatchObject({ status: "active", regionCode: "84", expiresOn: inDays(30) });
    expect(rows.find((row) => row.name === "SI de l'ARS ARA")?.lastUsedAt).not.toBeNull();
  });
});

describe("rate limit and audit", () => {
  it("answers 429 with Retry-After past the token's limit", async () => {
    const limited = apiRoute(listDossiersEndpoint, { rateLimit: { name: "api-token-test", points: 2, windowSeconds: 60 } });
    const call = () => limited(request("/api/v1/dossiers?taille=1", secrets.national), noParams);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(refused, 429, "trop-de-requetes");
  });

  it("leaves one audit row per call, refused ones included, with the token, the path and the status", async () => {
    const before = await db.auditEvent.count({ where: { action: "api.call" } });
    const national = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(secrets.national) } });
    await list("?taille=3", secrets.national);
    await detail(ids.d53, secrets.region84);
    await download(ids.d84, documents.d84.documentId, secrets.region84);
    await list("?taille=1000", secrets.national);
    await list("", "forged");
    const rows = await db.auditEvent.findMany({ where: { action: "api.call" }, orderBy: { id: "asc" }, skip: before });
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => (row.details as { status: number }).status)).toEqual([200, 404, 200, 400, 401]);
    expect(rows[0]).toMatchObject({ subject: `api-token:${national.id}`, actorId: null, details: { tokenId: national.id, method: "GET", path: "/api/v1/dossiers", query: "?taille=3", status: 200 } });
    expect(rows[2]?.details).toMatchObject({ path: `/api/v1/dossiers/${ids.d84}/documents/${documents.d84.documentId}` });
    expect(rows[4]).toMatchObject({ subject: "api-token:none", details: { tokenId: null, status: 401 } });
  });
});

describe("the OpenAPI description", () => {
  it("is served, and validates as OpenAPI 3.1", async () => {
    const response = await getOpenApi(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document).toEqual(openApiDocument());
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it("describes the handlers' real responses (validated with its own JSON Schemas)", async () => {
    const document = openApiDocument() as { components: { schemas: Record<string, object> } };
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [id, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${id}`);
    const check = (id: string, body: unknown) => {
      const validate = ajv.getSchema(`#/components/schemas/${id}`)!;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    };
    check("ListeDossiers", await (await list("", secrets.national)).json());
    for (const id of [ids.deposit84, ids.care84, ids.d53]) check("Dossier", await (await detail(id, secrets.national)).json());
    check("Probleme", await (await detail(ids.d53, secrets.region84)).json());
    check("Probleme", await (await list("?taille=1000", secrets.national)).json());
  });
});
