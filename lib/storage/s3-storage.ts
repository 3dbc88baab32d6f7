import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { NotFoundError } from "@/lib/errors";
import { assertStorageKey, type FileStorage } from "./file-storage";

export interface S3StorageConfig {
  bucket: string;
  /** S3-compatible endpoint (MinIO, Garage, a cloud provider's); AWS when absent. */
  endpoint?: string;
  region: string;
  /** Both or neither; without them the SDK's default chain applies (AWS_* variables, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Multipart part size in bytes (S3 minimum 5 MiB). Memory held by one upload ≈ partSize × queueSize. */
  partSize: number;
  queueSize: number;
}

export const DEFAULT_S3_REGION = "us-east-1";
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const DEFAULT_QUEUE_SIZE = 2;

/**
 * Reads GUICHET_S3_BUCKET, GUICHET_S3_ENDPOINT, GUICHET_S3_REGION,
 * GUICHET_S3_ACCESS_KEY_ID and GUICHET_S3_SECRET_ACCESS_KEY. Throws on a
 * half-configured set rather than silently falling back to other credentials.
 */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3StorageConfig {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const bucket = value("GUICHET_S3_BUCKET");
  if (!bucket) throw new Error("GUICHET_S3_BUCKET n'est pas défini : le stockage S3 n'est pas configuré.");
  const endpoint = value("GUICHET_S3_ENDPOINT");
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new Error(`GUICHET_S3_ENDPOINT doit être une URL http(s) (reçu ${JSON.stringify(endpoint)}).`);
  }
  const accessKeyId = value("GUICHET_S3_ACCESS_KEY_ID");
  const secretAccessKey = value("GUICHET_S3_SECRET_ACCESS_KEY");
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error("GUICHET_S3_ACCESS_KEY_ID et GUICHET_S3_SECRET_ACCESS_KEY doivent être définis ensemble.");
  }
  return {
    bucket,
    endpoint,
    region: value("GUICHET_S3_REGION") ?? DEFAULT_S3_REGION,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    partSize: DEFAULT_PART_SIZE,
    queueSize: DEFAULT_QUEUE_SIZE,
  };
}

/** The SDK client for a configuration: path-style addressing, checksums only where S3 requires them. */
export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
    // Path-style ("https://host/bucket/key"): what S3-compatible servers support everywhere.
    forcePathStyle: true,
    // Since SDK 3.729 every request carries a CRC32 checksum by default, which several
    // S3-compatible servers reject; our own SHA-256 is computed and recorded anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * S3-compatible object storage. Uploads stream through @aws-sdk/lib-storage:
 * a single PutObject below one part, else a multipart upload holding at most
 * `queueSize` parts in memory; when the source stream fails, lib-storage aborts
 * the multipart upload (leavePartsOnError: false), so no object and no
 * orphaned parts remain.
 */
export class S3Storage implements FileStorage {
  readonly config: S3StorageConfig;
  readonly client: S3Client;

  constructor(config: S3StorageConfig, client: S3Client = createS3Client(config)) {
    this.config = config;
    this.client = client;
  }

  get description(): string {
    return `S3 ${this.config.endpoint ?? "AWS"} bucket ${this.config.bucket}`;
  }

  async put(key: string, stream: Readable): Promise<void> {
    assertStorageKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: key, Body: stream, ContentType: "application/octet-stream" },
      partSize: this.config.partSize,
      queueSize: this.config.queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // lib-storage does not destroy a body it stopped reading (e.g. the server refused a part).
      stream.destroy();
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      if (!(output.Body instanceof Readable)) throw new Error(`S3 GetObject ${key}: the body is not a Node stream`);
      return output.Body;
    } catch (error) {
      if (isNotFound(error)) throw new NotFoundError(`No stored object ${key}`, "Ce fichier n'est plus disponible.");
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  const candidate = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  return candidate?.name === "NoSuchKey" || candidate?.name === "NotFound" || candidate?.$metadata?.httpStatusCode === 404;
}
