import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { NotFoundError } from "@/lib/errors";
import { assertStorageKey, type FileStorage } from "./file-storage";

export const DEFAULT_STORAGE_DIR = ".data/storage";
/** Temporary files older than this are leftovers of a killed process. */
const STALE_TEMPORARY_MS = 24 * 60 * 60 * 1000;

/**
 * Files on local disk under one root (GUICHET_STORAGE_DIR, default
 * `.data/storage`, git-ignored). A put writes to `<root>/.tmp/<uuid>.part`
 * (same file system, so the final rename is atomic), flushes it to disk, then
 * renames it to `<root>/<key>`: a reader never sees half a file, and a failed
 * write only ever leaves a temporary file, which is removed at once — or, if
 * the process was killed, swept a day later.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  private readonly temporaryDir: string;
  private sweep: Promise<void> | undefined;

  constructor(root: string = DEFAULT_STORAGE_DIR) {
    this.root = path.resolve(root);
    this.temporaryDir = path.join(this.root, ".tmp");
  }

  get description(): string {
    return `disque local ${this.root}`;
  }

  async put(key: string, stream: Readable): Promise<void> {
    const target = this.pathOf(key);
    this.sweep ??= this.removeStaleTemporaryFiles().then(
      () => undefined,
      () => undefined,
    );
    // The root's parents keep the default mode (".data" is shared with the embedded PostgreSQL,
    // which runs as another user); only the storage's own directories are private.
    await mkdir(this.root, { recursive: true });
    await mkdir(this.temporaryDir, { recursive: true, mode: 0o700 });
    const temporary = path.join(this.temporaryDir, `${randomUUID()}.part`);
    try {
      // `flush`: fsync before close, so that the rename publishes bytes that are on disk.
      await pipeline(stream, createWriteStream(temporary, { flags: "wx", mode: 0o600, flush: true }));
      // The fan-out directory only once the file is whole: a failed upload leaves not even a directory.
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(temporary, target);
    } catch (error) {
      stream.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opening first turns a missing file into a rejection here, not an error mid-response.
    const handle = await open(this.pathOf(key), "r").catch((error: unknown) => {
      if (isMissing(error)) throw new NotFoundError(`No stored object ${key}`, "Ce fichier n'est plus disponible.");
      throw error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Removes temporary files left by a process killed mid-upload. */
  async removeStaleTemporaryFiles(olderThanMs: number = STALE_TEMPORARY_MS): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.temporaryDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.temporaryDir, name);
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
