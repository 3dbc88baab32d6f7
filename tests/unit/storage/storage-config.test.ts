import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertStorageKey, newStorageKey } from "@/lib/storage/file-storage";
import { createFileStorage } from "@/lib/storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { DEFAULT_S3_REGION, S3Storage, s3ConfigFromEnv } from "@/lib/storage/s3-storage";

describe("createFileStorage picks the back-end from the environment", () => {
  it("local disk under .data/storage by default", () => {
    const storage = createFileStorage({});
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).root).toBe(path.resolve(".data/storage"));
  });

  it("local disk under GUICHET_STORAGE_DIR", () => {
    const storage = createFileStorage({ GUICHET_STORAGE_DIR: "/srv/guichet/fichiers" });
    expect((storage as LocalDiskStorage).root).toBe("/srv/guichet/fichiers");
  });

  it("S3 as soon as GUICHET_S3_BUCKET is set, path-style, with the configured endpoint, region and keys", async () => {
    const storage = createFileStorage({
      GUICHET_S3_BUCKET: "guichet-fichiers",
      GUICHET_S3_ENDPOINT: "http://127.0.0.1:9000",
      GUICHET_S3_REGION: "fr-par",
      GUICHET_S3_ACCESS_KEY_ID: "cle",
      GUICHET_S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(storage).toBeInstanceOf(S3Storage);
    const s3 = storage as S3Storage;
    expect(s3.config).toMatchObject({ bucket: "guichet-fichiers", endpoint: "http://127.0.0.1:9000", region: "fr-par" });
    expect(s3.client.config.forcePathStyle).toBe(true);
    expect(await s3.client.config.region()).toBe("fr-par");
    const endpoint = await s3.client.config.endpoint?.();
    expect(endpoint).toMatchObject({ hostname: "127.0.0.1", port: 9000, protocol: "http:" });
    expect(await s3.client.config.credentials()).toMatchObject({ accessKeyId: "cle", secretAccessKey: "secret" });
    expect(await s3.client.config.requestChecksumCalculation()).toBe("WHEN_REQUIRED");
  });
});

describe("s3ConfigFromEnv", () => {
  it("defaults: AWS endpoint, region us-east-1, SDK credential chain", () => {
    expect(s3ConfigFromEnv({ GUICHET_S3_BUCKET: "b" })).toMatchObject({ bucket: "b", endpoint: undefined, region: DEFAULT_S3_REGION, credentials: undefined });
  });

  it("refuses half a key pair rather than falling back silently", () => {
    expect(() => s3ConfigFromEnv({ GUICHET_S3_BUCKET: "b", GUICHET_S3_ACCESS_KEY_ID: "k" })).toThrow(/doivent être définis ensemble/);
  });

  it("refuses an endpoint that is not an http(s) URL", () => {
    expect(() => s3ConfigFromEnv({ GUICHET_S3_BUCKET: "b", GUICHET_S3_ENDPOINT: "minio:9000" })).toThrow(/URL http/);
  });

  it("needs a bucket", () => {
    expect(() => s3ConfigFromEnv({ GUICHET_S3_BUCKET: "  " })).toThrow(/GUICHET_S3_BUCKET/);
  });
});

describe("storage keys", () => {
  it("are random, fanned out, and valid", () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(key.slice(0, 2)).toBe(key.slice(3, 5));
    expect(newStorageKey()).not.toBe(key);
    expect(() => assertStorageKey(key)).not.toThrow();
  });

  it.each(["../etc/passwd", "/etc/passwd", "a/../b", ".tmp/x.part", "a//b", "a/", "", "a\\b", "é"])("%j is refused", (key) => {
    expect(() => assertStorageKey(key)).toThrow(/Invalid storage key/);
  });
});
