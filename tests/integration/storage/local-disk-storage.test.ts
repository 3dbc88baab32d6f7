import fs from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { newStorageKey } from "@/lib/storage/file-storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { filesUnder, minimalPdf, temporaryDirectory } from "./fixtures";

const root = temporaryDirectory("guichet-disk-");
const storage = new LocalDiskStorage(root);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("LocalDiskStorage", () => {
  it("put, exists, get and delete round-trip the bytes", async () => {
    const key = newStorageKey();
    const pdf = minimalPdf();
    await storage.put(key, Readable.from([pdf]));
    expect(await storage.exists(key)).toBe(true);
    expect((await buffer(await storage.get(key))).equals(pdf)).toBe(true);
    expect((fs.statSync(path.join(root, key)).mode & 0o777).toString(8)).toBe("600");
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key); // idempotent
  });

  it("a file being written is invisible under its key until complete (temporary file, then rename)", async () => {
    const key = newStorageKey();
    const source = new PassThrough();
    const writing = storage.put(key, source);
    source.write(Buffer.from("%PDF-1.4\n"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.exists(key)).toBe(false);
    expect(filesUnder(root).some((file) => file.startsWith(".tmp/") && file.endsWith(".part"))).toBe(true);
    source.end(Buffer.from("%%EOF\n"));
    await writing;
    expect(await storage.exists(key)).toBe(true);
    expect(filesUnder(root)).toEqual([key]);
    await storage.delete(key);
  });

  it("a stream that fails leaves neither the object, nor a temporary file, nor a directory", async () => {
    const freshRoot = temporaryDirectory("guichet-disk-fail-");
    const fresh = new LocalDiskStorage(freshRoot);
    const key = newStorageKey();
    const source = new PassThrough();
    const writing = fresh.put(key, source);
    source.write(Buffer.alloc(100_000, 1));
    setTimeout(() => source.destroy(new Error("aborted")), 20);
    await expect(writing).rejects.toThrow("aborted");
    expect(await fresh.exists(key)).toBe(false);
    expect(fs.readdirSync(freshRoot)).toEqual([".tmp"]);
    expect(fs.readdirSync(path.join(freshRoot, ".tmp"))).toEqual([]);
    fs.rmSync(freshRoot, { recursive: true, force: true });
  });

  it("a missing object is a NotFoundError with a French message", async () => {
    await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.get(newStorageKey())).rejects.toMatchObject({ userMessage: "Ce fichier n'est plus disponible." });
  });

  it("keys that could leave the root are refused", async () => {
    await expect(storage.put("../escape", Readable.from([Buffer.from("x")]))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.exists(".tmp/anything.part")).rejects.toThrow(/Invalid storage key/);
  });

  it("temporary files left by a killed process are swept once they are a day old", async () => {
    const temporaryDir = path.join(root, ".tmp");
    fs.mkdirSync(temporaryDir, { recursive: true });
    const stale = path.join(temporaryDir, "stale.part");
    const fresh = path.join(temporaryDir, "fresh.part");
    fs.writeFileSync(stale, "x");
    fs.writeFileSync(fresh, "y");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(stale, twoDaysAgo, twoDaysAgo);
    expect(await storage.removeStaleTemporaryFiles()).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh);
  });
});
