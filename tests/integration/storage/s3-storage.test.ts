import { PassThrough, Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { FileStorageError, UploadRejectedError } from "@/lib/storage/errors";
import { newStorageKey } from "@/lib/storage/file-storage";
import { S3Storage, s3ConfigFromEnv } from "@/lib/storage/s3-storage";
import { storeUpload } from "@/lib/storage/store-upload";
import { createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { countingStream, minimalPdf, sha256 } from "./fixtures";
import { startFakeS3, type FakeS3 } from "./fake-s3-server";

// S3Storage runs the real AWS SDK (lib-storage's Upload included) against a
// small S3-compatible server on 127.0.0.1 (fake-s3-server.ts): no network, no MinIO.
let fake: FakeS3;
let storage: S3Storage;
let db: Database;
let uploaderId: string;

const MiB = 1024 * 1024;

beforeAll(async () => {
  fake = await startFakeS3();
  const config = s3ConfigFromEnv({
    GUICHET_S3_BUCKET: fake.bucket,
    GUICHET_S3_ENDPOINT: fake.endpoint,
    GUICHET_S3_REGION: "fr-par",
    GUICHET_S3_ACCESS_KEY_ID: "test",
    GUICHET_S3_SECRET_ACCESS_KEY: "test",
  });
  // The S3 minimum part size, so that a 12 MiB file takes the multipart path.
  storage = new S3Storage({ ...config, partSize: 5 * MiB });
  ({ db } = await useTestDatabase());
  const ej = await createLegalEntity(db, { regionCode: "84" });
  uploaderId = (await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] })).id;
});

afterAll(async () => {
  storage?.client.destroy();
  await fake?.close();
});

beforeEach(() => {
  fake.calls.length = 0;
  fake.failPartNumber = undefined;
});

describe("S3Storage against a local S3-compatible server", () => {
  it("a small file is one PutObject, path-style, and reads back", async () => {
    const key = newStorageKey();
    const pdf = minimalPdf();
    await storage.put(key, Readable.from([pdf]));
    expect(fake.calls).toEqual(["PutObject"]);
    expect(fake.objects.get(key)?.equals(pdf)).toBe(true);
    expect(await storage.exists(key)).toBe(true);
    expect((await buffer(await storage.get(key))).equals(pdf)).toBe(true);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it("a large file streams as a multipart upload", async () => {
    const key = newStorageKey();
    const { readable } = countingStream({ totalBytes: 12 * MiB + 3, chunkSize: 64 * 1024 });
    await storage.put(key, readable);
    // Parts go two at a time: their order between create and complete may vary.
    expect(fake.calls[0]).toBe("CreateMultipartUpload");
    expect(fake.calls.slice(1, -1).sort()).toEqual(["UploadPart 1", "UploadPart 2", "UploadPart 3"]);
    expect(fake.calls.at(-1)).toBe("CompleteMultipartUpload");
    expect(fake.objects.get(key)?.length).toBe(12 * MiB + 3);
    await storage.delete(key);
  });

  it("a source that fails midway aborts the multipart upload: no object, no orphaned parts", async () => {
    const key = newStorageKey();
    const { readable } = countingStream({ totalBytes: 30 * MiB, chunkSize: 64 * 1024, failAfterChunks: 200 });
    await expect(storage.put(key, readable)).rejects.toThrow("connection reset by peer");
    expect(fake.calls).toContain("AbortMultipartUpload");
    expect(fake.objects.has(key)).toBe(false);
    expect(fake.pendingUploads.size).toBe(0);
  });

  it("a source that fails before the first part is complete sends nothing", async () => {
    const key = newStorageKey();
    const source = new PassThrough();
    const writing = storage.put(key, source);
    source.write(Buffer.alloc(1000));
    setTimeout(() => source.destroy(new Error("aborted")), 20);
    await expect(writing).rejects.toThrow("aborted");
    expect(fake.calls).toEqual([]);
    expect(fake.objects.has(key)).toBe(false);
  });

  it("a missing object is a NotFoundError; exists says false", async () => {
    await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(NotFoundError);
    expect(await storage.exists(newStorageKey())).toBe(false);
  });
});

describe("storeUpload on S3", () => {
  it("stores and hashes a PDF", async () => {
    const pdf = minimalPdf();
    const file = await storeUpload(db, { stream: Readable.from([pdf]), originalName: "note.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage });
    expect(file.sha256).toBe(sha256(pdf));
    expect(fake.objects.get(file.storageKey)?.equals(pdf)).toBe(true);
  });

  it("an oversize stream is stopped and its multipart upload aborted", async () => {
    const { readable, state } = countingStream({ totalBytes: 300 * MiB, chunkSize: MiB });
    const before = fake.objects.size;
    const error = await storeUpload(db, { stream: readable, originalName: "enorme.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect((error as UploadRejectedError).reason).toBe("too-large");
    expect(state.pulled).toBeLessThan(120);
    expect(fake.calls).toContain("AbortMultipartUpload");
    expect(fake.pendingUploads.size).toBe(0);
    expect(fake.objects.size).toBe(before);
  }, 60_000);

  it("a back-end that refuses a part is a FileStorageError and leaves nothing", async () => {
    fake.failPartNumber = 2;
    const before = fake.objects.size;
    const { readable, state } = countingStream({ totalBytes: 40 * MiB, chunkSize: MiB });
    const error = await storeUpload(db, { stream: readable, originalName: "note.pdf", purpose: "NOTE_DE_CADRAGE", uploadedById: uploaderId, storage }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileStorageError);
    expect(state.destroyed).toBe(true);
    expect(fake.calls).toContain("AbortMultipartUpload");
    expect(fake.pendingUploads.size).toBe(0);
    expect(fake.objects.size).toBe(before);
    expect(await db.storedFile.count({ where: { originalName: "note.pdf", sizeBytes: 40n * BigInt(MiB) } })).toBe(0);
  }, 60_000);
});
