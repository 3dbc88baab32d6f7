import fs from "node:fs";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { FileStorageError, UploadRejectedError } from "@/lib/storage/errors";
import type { FileStorage } from "@/lib/storage/file-storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { MAX_UPLOAD_BYTES, SNIFF_WINDOW_BYTES } from "@/lib/storage/sniff-type";
import { storeUpload } from "@/lib/storage/store-upload";
import { createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { chunked, countingStream, filesUnder, minimalPdf, ole2File, sha256, temporaryDirectory } from "./fixtures";

let db: Database;
let uploaderId: string;
let root: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const ej = await createLegalEntity(db, { regionCode: "84" });
  uploaderId = (await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] })).id;
  root = temporaryDirectory("guichet-storage-");
  storage = new LocalDiskStorage(root);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function expectNothingLeft() {
  expect(filesUnder(root)).toEqual([]);
  expect(await db.storedFile.count()).toBe(0);
}

async function rejection(promise: Promise<unknown>): Promise<UploadRejectedError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  return error as UploadRejectedError;
}

describe("storeUpload", () => {
  it("stores a real PDF: bytes, SHA-256, size and sniffed type recorded", async () => {
    const pdf = minimalPdf();
    const file = await storeUpload(db, { stream: chunked(pdf, 64 * 1024), originalName: "Note de cadrage été.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage });

    expect(file).toMatchObject({ originalName: "Note de cadrage été.pdf", sizeBytes: BigInt(pdf.length), sha256: sha256(pdf), mediaType: "application/pdf", uploadedById: uploaderId });
    expect(await storage.exists(file.storageKey)).toBe(true);
    expect(await text(await storage.get(file.storageKey))).toBe(pdf.toString("utf8"));
    expect(fs.readFileSync(`${root}/${file.storageKey}`).equals(pdf)).toBe(true);
    // The temporary file was renamed, not copied.
    expect(filesUnder(root)).toEqual([file.storageKey]);

    await db.storedFile.delete({ where: { id: file.id } });
    await storage.delete(file.storageKey);
  });

  it("sniffs across tiny chunks and passes every byte through unchanged", async () => {
    const pdf = Buffer.concat([minimalPdf(), Buffer.alloc(3 * SNIFF_WINDOW_BYTES, 0x0a)]);
    const file = await storeUpload(db, { stream: chunked(pdf, 7), originalName: "petits-morceaux.pdf", purpose: "OBJECTIVE_PROOF", uploadedById: uploaderId, storage });
    expect(file.sha256).toBe(sha256(pdf));
    expect(fs.readFileSync(`${root}/${file.storageKey}`).equals(pdf)).toBe(true);
    await db.storedFile.delete({ where: { id: file.id } });
    await storage.delete(file.storageKey);
  });

  it("records an .xls (OLE2) for the CaRE financial statement as an Excel workbook", async () => {
    const xls = ole2File();
    const file = await storeUpload(db, { stream: chunked(xls, 1000), originalName: "trame-financiere.xls", purpose: "CARE_FINANCIAL_STATEMENT", uploadedById: uploaderId, storage });
    expect(file.mediaType).toBe("application/vnd.ms-excel");
    await db.storedFile.delete({ where: { id: file.id } });
    await storage.delete(file.storageKey);
  });

  it("refuses a .pdf that is not a PDF, and leaves nothing on disk nor in the database", async () => {
    const fake = Buffer.from("<!DOCTYPE html><html><body>Pas un PDF</body></html>".repeat(200));
    const error = await rejection(storeUpload(db, { stream: chunked(fake, 1024), originalName: "x.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("content-mismatch");
    expect(error.userMessage).toBe("Le fichier « x.pdf » n'est pas un PDF valide.");
    await expectNothingLeft();
  });

  it("refuses a small fake PDF decided only at the end of the stream", async () => {
    const error = await rejection(storeUpload(db, { stream: Readable.from([Buffer.from("%PDF")]), originalName: "court.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("content-mismatch");
    await expectNothingLeft();
  });

  it("refuses a ZIP named .pdf (the extension must agree with the content)", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const error = await rejection(storeUpload(db, { stream: Readable.from([zip]), originalName: "archive.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.userMessage).toBe("Le fichier « archive.pdf » n'est pas un PDF valide.");
    await expectNothingLeft();
  });

  it("refuses a format the purpose does not accept before reading a byte", async () => {
    const { readable, state } = countingStream({ totalBytes: 10_000, chunkSize: 1000 });
    const error = await rejection(storeUpload(db, { stream: readable, originalName: "note.docx", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("format-not-allowed");
    expect(state.pulled).toBe(0);
    expect(state.destroyed).toBe(true);
    await expectNothingLeft();
  });

  it("refuses an empty file", async () => {
    const error = await rejection(storeUpload(db, { stream: Readable.from([]), originalName: "vide.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("empty");
    await expectNothingLeft();
  });

  it("aborts an oversize stream as soon as the limit is passed: it stops reading and leaves nothing", async () => {
    const chunkSize = 1024 * 1024;
    const { readable, state } = countingStream({ totalBytes: 300 * chunkSize, chunkSize });
    const error = await rejection(storeUpload(db, { stream: readable, originalName: "enorme.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("too-large");
    // 100 chunks of 1 MiB fit under the limit; the 101st passes it. A few more may sit in stream buffers, never the 300.
    expect(state.pulled).toBeGreaterThanOrEqual(101);
    expect(state.pulled).toBeLessThan(110);
    expect(state.finished).toBe(false);
    expect(state.destroyed).toBe(true);
    await expectNothingLeft();
  });

  it("accepts a file of exactly the largest accepted size (100 × 2^20 − 1 bytes)", async () => {
    const { readable } = countingStream({ totalBytes: MAX_UPLOAD_BYTES, chunkSize: 1024 * 1024 });
    const file = await storeUpload(db, { stream: readable, originalName: "limite.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage });
    expect(file.sizeBytes).toBe(BigInt(MAX_UPLOAD_BYTES));
    expect(fs.statSync(`${root}/${file.storageKey}`).size).toBe(MAX_UPLOAD_BYTES);
    await db.storedFile.delete({ where: { id: file.id } });
    await storage.delete(file.storageKey);
  });

  it("refuses one byte more (100 × 2^20 bytes is not « < 100 Mo »)", async () => {
    const { readable } = countingStream({ totalBytes: MAX_UPLOAD_BYTES + 1, chunkSize: 1024 * 1024 });
    const error = await rejection(storeUpload(db, { stream: readable, originalName: "limite.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("too-large");
    await expectNothingLeft();
  });

  it("a stream that fails midway (client abort) leaves nothing", async () => {
    const { readable, state } = countingStream({ totalBytes: 50 * 65536, chunkSize: 65536, failAfterChunks: 10 });
    const error = await rejection(storeUpload(db, { stream: readable, originalName: "coupure.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }));
    expect(error.reason).toBe("interrupted");
    expect(state.pulled).toBe(10);
    await expectNothingLeft();
  });

  it("a body shorter than its declared length is refused", async () => {
    const pdf = minimalPdf();
    const error = await rejection(
      storeUpload(db, { stream: chunked(pdf, 100), originalName: "tronque.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage, expectedBytes: pdf.length + 1 }),
    );
    expect(error.reason).toBe("incomplete");
    await expectNothingLeft();
  });

  it("a body longer than its declared length is refused as soon as it passes it", async () => {
    const { readable, state } = countingStream({ totalBytes: 100 * 65536, chunkSize: 65536 });
    const error = await rejection(storeUpload(db, { stream: readable, originalName: "long.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage, expectedBytes: 5 * 65536 }));
    expect(error.reason).toBe("incomplete");
    expect(state.pulled).toBeLessThan(30);
    await expectNothingLeft();
  });

  it("a storage failure midway is a FileStorageError; the source is destroyed and the key removed", async () => {
    const deleted: string[] = [];
    const failing: FileStorage = {
      description: "stockage qui échoue",
      async put(_key, stream) {
        let seen = 0;
        for await (const chunk of stream) {
          seen += (chunk as Buffer).length;
          if (seen > 200_000) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        }
      },
      get: () => Promise.reject(new Error("unused")),
      delete: async (key) => {
        deleted.push(key);
      },
      exists: async () => false,
    };
    const { readable, state } = countingStream({ totalBytes: 100 * 65536, chunkSize: 65536 });
    const error = await storeUpload(db, { stream: readable, originalName: "note.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage: failing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileStorageError);
    expect((error as FileStorageError).userMessage).toMatch(/^L'enregistrement du fichier a échoué/);
    expect(state.destroyed).toBe(true);
    expect(state.finished).toBe(false);
    expect(deleted).toHaveLength(1);
    expect(await db.storedFile.count()).toBe(0);
  });

  it("a back-end that gives up without reading does not hang the upload", async () => {
    const refusing: FileStorage = {
      description: "stockage indisponible",
      put: () => Promise.reject(new Error("503 Service Unavailable")),
      get: () => Promise.reject(new Error("unused")),
      delete: async () => {},
      exists: async () => false,
    };
    const { readable, state } = countingStream({ totalBytes: 100 * 65536, chunkSize: 65536 });
    const error = await storeUpload(db, { stream: readable, originalName: "note.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage: refusing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileStorageError);
    expect(state.destroyed).toBe(true);
  });

  it("a database failure after storing removes the stored bytes", async () => {
    const error = await storeUpload(db, { stream: chunked(minimalPdf(), 512), originalName: "note.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: "no-such-user", storage }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UploadRejectedError);
    await expectNothingLeft();
  });

  it("several uploads at once get distinct keys and rows", async () => {
    const files = await Promise.all(
      [1, 2, 3].map((n) => storeUpload(db, { stream: chunked(minimalPdf(`Pièce ${n}`), 256), originalName: `piece-${n}.pdf`, purpose: "EXPENSE_ATTESTATION", uploadedById: uploaderId, storage })),
    );
    expect(new Set(files.map((file) => file.storageKey)).size).toBe(3);
    expect(new Set(files.map((file) => file.sha256)).size).toBe(3);
    for (const file of files) {
      await db.storedFile.delete({ where: { id: file.id } });
      await storage.delete(file.storageKey);
    }
  });
});
