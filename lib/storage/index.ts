import type { FileStorage } from "./file-storage";
import { DEFAULT_STORAGE_DIR, LocalDiskStorage } from "./local-disk-storage";
import { S3Storage, s3ConfigFromEnv } from "./s3-storage";

export type { FileStorage } from "./file-storage";
export { FileStorageError, UploadRejectedError } from "./errors";

/** S3-compatible storage when GUICHET_S3_BUCKET is set, else local disk under GUICHET_STORAGE_DIR (default `.data/storage`). */
export function createFileStorage(env: Record<string, string | undefined> = process.env): FileStorage {
  if (env.GUICHET_S3_BUCKET?.trim()) return new S3Storage(s3ConfigFromEnv(env));
  return new LocalDiskStorage(env.GUICHET_STORAGE_DIR?.trim() || DEFAULT_STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { guichetFileStorage?: FileStorage };

/** The process-wide storage (one S3 client and its connection pool, reused across hot reloads). */
export function getFileStorage(): FileStorage {
  globalForStorage.guichetFileStorage ??= createFileStorage();
  return globalForStorage.guichetFileStorage;
}
