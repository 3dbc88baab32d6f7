/**
 * The two route handlers called as Next calls them (a Web Request in, a
 * Response out), on a real database and a temporary storage directory. Only
 * the session is replaced: getCurrentUser reads next-auth's cookie otherwise.
 */
import { logger } from "@/lib/log/logger";
import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { asCurrentUser, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { filesUnder, minimalPdf, sha256, temporaryDirectory } from "./fixtures";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { POST } = await import("@/app/api/fichiers/route");
const { GET } = await import("@/app/api/fichiers/[id]/route");

let db: Database;
let root: string;
let uploader: CurrentUser;
let otherReferent: CurrentUser;
let instructor: CurrentUser;

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  // The routes use the process-wide client and storage, built lazily from these.
  process.env.DATABASE_URL = database.url;
  root = temporaryDirectory("guichet-routes-");
  process.env.GUICHET_STORAGE_DIR = root;
  delete process.env.GUICHET_S3_BUCKET;
  const ej = await createLegalEntity(db, { regionCode: "84" });
  const otherEj = await createLegalEntity(db, { regionCode: "84" });
  uploader = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] }), [ej.finess]);
  otherReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [otherEj.finess] }), [otherEj.finess]);
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = uploader;
});

function upload(body: Uint8Array | ReadableStream<Uint8Array>, options: { name?: string; usage?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream", ...options.headers };
  if (options.name !== undefined) headers["x-file-name"] = encodeURIComponent(options.name);
  if (body instanceof Uint8Array && !("content-length" in headers)) headers["content-length"] = String(body.length);
  const request = new Request(`http://localhost/api/fichiers?usage=${options.usage ?? "NOTE_DE_CADRAGE"}`, {
    method: "POST",
    headers,
    body: body as BodyInit,
    duplex: "half",
  } as RequestInit);
  return POST(request);
}

function download(id: string, query = ""): Promise<Response> {
  return GET(new Request(`http://localhost/api/fichiers/${id}${query}`), { params: Promise.resolve({ id }) });
}

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

describe("POST /api/fichiers", () => {
  it("stores a PDF and answers 201 with its id, name, size, SHA-256 and type; audited", async () => {
    const pdf = minimalPdf();
    const response = await upload(pdf, { name: "Note de cadrage – GHT été.pdf" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; name: string; size: number; sha256: string; mediaType: string; scanStatus: string };
    expect(body).toEqual({ id: expect.any(String), name: "Note de cadrage – GHT été.pdf", size: pdf.length, sha256: sha256(pdf), mediaType: "application/pdf", scanStatus: "NOT_SCANNED" });
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.uploadedById).toBe(uploader.id);
    expect(await db.auditEvent.count({ where: { action: "file.upload", actorId: uploader.id, subject: `file:${body.id}` } })).toBe(1);
  });

  it("streams a body without Content-Length (chunked) too", async () => {
    const pdf = minimalPdf();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf.subarray(0, 10));
        controller.enqueue(pdf.subarray(10));
        controller.close();
      },
    });
    const response = await upload(stream, { name: "flux.pdf" });
    expect(response.status).toBe(201);
  });

  it("401 when signed out, 403 for an instructor", async () => {
    session.user = null;
    const signedOut = await upload(minimalPdf(), { name: "n.pdf" });
    expect(signedOut.status).toBe(401);
    expect(await messageOf(signedOut)).toMatch(/session a expiré/);
    session.user = instructor;
    const instructorResponse = await upload(minimalPdf(), { name: "n.pdf" });
    expect(instructorResponse.status).toBe(403);
    expect(await messageOf(instructorResponse)).toBe("Seuls les référents d'établissement peuvent déposer des fichiers.");
  });

  it("400 for an unknown usage or a missing name", async () => {
    expect((await upload(minimalPdf(), { name: "n.pdf", usage: "AUTRE" })).status).toBe(400);
    const noName = await upload(minimalPdf());
    expect(noName.status).toBe(400);
    expect(await messageOf(noName)).toMatch(/nom du fichier est manquant/);
    expect((await upload(minimalPdf(), { headers: { "x-file-name": "%E9%" } })).status).toBe(400);
  });

  it("413 from the declared length alone, before reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await upload(body, { name: "enorme.pdf", headers: { "content-length": String(100 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(await messageOf(response)).toMatch(/^Le fichier « enorme\.pdf » dépasse la taille maximale autorisée/);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("413 while streaming when no length was declared", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    chunk.set(new TextEncoder().encode("%PDF-1.7\n"));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 200) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await upload(body, { name: "enorme.pdf" });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(120);
  });

  it("415 for a format not accepted, and for a .pdf that is not a PDF; nothing kept", async () => {
    const before = filesUnder(root).length;
    const rows = await db.storedFile.count();
    const docx = await upload(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), { name: "note.docx" });
    expect(docx.status).toBe(415);
    const fake = await upload(new TextEncoder().encode("<html>pas un pdf</html>"), { name: "x.pdf" });
    expect(fake.status).toBe(415);
    expect(await messageOf(fake)).toBe("Le fichier « x.pdf » n'est pas un PDF valide.");
    expect(filesUnder(root).length).toBe(before);
    expect(await db.storedFile.count()).toBe(rows);
  });

  it("400 when the body is shorter than its declared length", async () => {
    const pdf = minimalPdf();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf);
        controller.close();
      },
    });
    const response = await upload(stream, { name: "tronque.pdf", headers: { "content-length": String(pdf.length + 100) } });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toMatch(/n'a pas été reçu en entier/);
  });
});

describe("GET /api/fichiers/[id]", () => {
  async function uploaded(): Promise<{ id: string; pdf: Buffer }> {
    session.user = uploader;
    const pdf = minimalPdf("Téléchargement");
    const response = await upload(pdf, { name: "Attestation signée.pdf", usage: "EXPENSE_ATTESTATION" });
    expect(response.status).toBe(201);
    return { id: ((await response.json()) as { id: string }).id, pdf };
  }

  it("the uploader downloads the exact bytes with safe headers; audited", async () => {
    const { id, pdf } = await uploaded();
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `attachment; filename="Attestation signee.pdf"; filename*=UTF-8''Attestation%20sign%C3%A9e.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { action: "file.download", subject: `file:${id}` } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: uploader.id, actorRole: "ESTABLISHMENT_REFERENT", details: { fileId: id, preview: false } });
  });

  it("?apercu=1 shows a PDF inline", async () => {
    const { id } = await uploaded();
    const response = await download(id, "?apercu=1");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    await response.body?.cancel();
  });

  it("403 for another establishment's referent, 404 for an unknown id, 401 signed out; nothing audited", async () => {
    const { id } = await uploaded();
    session.user = otherReferent;
    const forbidden = await download(id);
    expect(forbidden.status).toBe(403);
    expect(await messageOf(forbidden)).toBe("Vous n'avez pas accès à ce fichier.");
    const missing = await download("no-such-file");
    expect(missing.status).toBe(404);
    expect(await messageOf(missing)).toBe("Ce fichier est introuvable.");
    session.user = null;
    expect((await download(id)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "file.download", subject: `file:${id}` } })).toBe(0);
  });

  it("404 when the bytes are gone from storage", async () => {
    const { id } = await uploaded();
    const row = await db.storedFile.findUniqueOrThrow({ where: { id } });
    fs.rmSync(`${root}/${row.storageKey}`);
    const errors = vi.spyOn(logger, "warn");
    const response = await download(id);
    expect(response.status).toBe(404);
    expect(await messageOf(response)).toBe("Ce fichier n'est plus disponible.");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
