import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";

/**
 * Where file bytes live: local disk by default, S3-compatible object storage
 * when configured (lib/storage/index.ts). The database keeps the metadata
 * (StoredFile); storage only knows opaque keys.
 */
export interface FileStorage {
  /** For logs and the bench ("disque local /…", "S3 bucket …"). */
  readonly description: string;
  /**
   * Streams `stream` to `key` without holding it in memory. Either the whole
   * object is stored, or — when the stream or the back-end fails — nothing is
   * left under `key` and the promise rejects.
   */
  put(key: string, stream: Readable): Promise<void>;
  /** The object's bytes; rejects with NotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/**
 * Keys are ours, never built from a client's input. Up to 8 "/"-separated
 * segments of letters, digits, ".", "_" and "-", none starting with a dot: no
 * "..", no absolute path, no hidden name (the disk's ".tmp" stays unreachable).
 */
const STORAGE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}$/;

/** Two hex characters of fan-out (at most 256 directories on disk), then a random UUID. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/** Refuses anything that is not a key of ours (so no path traversal can reach the disk). */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
