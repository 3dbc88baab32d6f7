import { createHash, type Hash } from "node:crypto";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database } from "@/lib/db/client";
import type { Prisma, StoredFile } from "@/lib/generated/prisma/client";
import type { FileScanStatus } from "@/lib/generated/prisma/enums";
import { FileStorageError, UploadRejectedError } from "./errors";
import { newStorageKey, type FileStorage } from "./file-storage";
import {
  checkContent,
  checkDeclaredFile,
  checkSize,
  SNIFF_WINDOW_BYTES,
  sniffMediaType,
  tooLargeMessage,
  uploadPurposeRule,
  type FileExtension,
  type UploadPurpose,
} from "./sniff-type";
import { logError } from "@/lib/log/logger";

export interface StoreUploadInput {
  /** The file's bytes. storeUpload owns it from now on: it is consumed, or destroyed on failure. */
  stream: Readable;
  /** As the client named it; sanitised here, never used to build a path. */
  originalName: string;
  purpose: UploadPurpose;
  uploadedById: string;
  storage: FileStorage;
  /** The declared length (Content-Length) when known: a body that ends shorter or longer is refused. */
  expectedBytes?: number;
  /** PENDING when an antivirus will scan it (lib/storage/file-scan.ts), else NOT_SCANNED. */
  scanStatus?: FileScanStatus;
  /** Runs in the transaction that creates the StoredFile row (its audit row): both exist, or neither and the bytes are removed. */
  withRow?: (tx: Prisma.TransactionClient, file: StoredFile) => Promise<void>;
}

const INTERRUPTED_MESSAGE = "L'envoi du fichier a été interrompu avant la fin. Aucun fichier n'a été conservé ; déposez-le à nouveau.";

/**
 * Stores one uploaded file in a single pass over its stream: bytes are counted
 * (the transfer stops as soon as the purpose's limit is passed), hashed with
 * SHA-256, and the type is sniffed from the first bytes (held back — at most
 * SNIFF_WINDOW_BYTES — until decided, so a refused type writes nothing useful),
 * while the rest flows to storage under a random key. Nothing is buffered
 * beyond the stream's own high-water marks.
 *
 * On success the StoredFile row is created and returned; linking it to a
 * dossier is the caller's job. On any failure — refused name, type or size,
 * client abort, storage or database error — what was written is removed, the
 * source is destroyed, and a typed error is thrown: UploadRejectedError (the
 * user's file or transfer), FileStorageError (the back-end), or the database's
 * own error.
 */
export async function storeUpload(db: Database, input: StoreUploadInput): Promise<StoredFile> {
  const { stream: source, purpose, storage } = input;
  const rule = uploadPurposeRule(purpose);

  // Before a byte is read: name, extension and the declared size.
  const declared = checkDeclaredFile(purpose, input.originalName, input.expectedBytes);
  if (!declared.ok) {
    source.destroy();
    throw new UploadRejectedError(declared.reason, declared.message);
  }
  const { name, extension } = declared.value;

  const inspector = new UploadInspector({ name, extension, maxBytes: rule.maxBytes, expectedBytes: input.expectedBytes, purpose });
  // The first stream to report an error is the root cause: a client abort shows
  // on the source first, a refusal or a storage failure on the inspector first
  // (pipeline then destroys the others with the same error).
  let rootCause: { origin: "source" | "pipeline"; error: unknown } | undefined;
  source.on("error", (error) => (rootCause ??= { origin: "source", error }));
  inspector.on("error", (error) => (rootCause ??= { origin: "pipeline", error }));

  const key = newStorageKey();
  const [feeding, writing] = await Promise.allSettled([
    pipeline(source, inspector),
    storage.put(key, inspector).catch((error: unknown) => {
      // A back-end may give up without destroying what it was reading: unblock the feeding side.
      inspector.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }),
  ]);

  if (feeding.status === "rejected" || writing.status === "rejected") {
    source.destroy();
    await removeQuietly(storage, key);
    throw uploadFailure(rootCause, feeding, writing);
  }

  const result = inspector.result();
  try {
    const data = { storageKey: key, originalName: name, sizeBytes: BigInt(result.sizeBytes), sha256: result.sha256, mediaType: result.mediaType, uploadedById: input.uploadedById, scanStatus: input.scanStatus ?? ("NOT_SCANNED" as const) };
    const { withRow } = input;
    if (!withRow) return await db.storedFile.create({ data });
    return await db.$transaction(async (tx) => {
      const file = await tx.storedFile.create({ data });
      await withRow(tx, file);
      return file;
    });
  } catch (error) {
    await removeQuietly(storage, key);
    throw error;
  }
}

function uploadFailure(
  rootCause: { origin: "source" | "pipeline"; error: unknown } | undefined,
  feeding: PromiseSettledResult<void>,
  writing: PromiseSettledResult<void>,
): Error {
  if (rootCause?.error instanceof UploadRejectedError) return rootCause.error;
  if (rootCause?.origin === "source") return new UploadRejectedError("interrupted", INTERRUPTED_MESSAGE, { cause: rootCause.error });
  const reasons = [feeding, writing].flatMap((settled) => (settled.status === "rejected" ? [settled.reason as unknown] : []));
  const rejection = reasons.find((reason): reason is UploadRejectedError => reason instanceof UploadRejectedError);
  if (rejection) return rejection;
  if (writing.status === "rejected") {
    return new FileStorageError(`Storage failed: ${describe(writing.reason)}`, { cause: writing.reason });
  }
  return new UploadRejectedError("interrupted", INTERRUPTED_MESSAGE, { cause: reasons[0] });
}

async function removeQuietly(storage: FileStorage, key: string): Promise<void> {
  try {
    await storage.delete(key);
  } catch (error) {
    // The upload already failed; report the leftover for an operator rather than hide the first error.
    logError("storage-cleanup", error, { storageKey: key, storage: storage.description });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface InspectorOptions {
  name: string;
  extension: FileExtension;
  purpose: UploadPurpose;
  maxBytes: number;
  expectedBytes?: number;
}

/**
 * Pass-through that counts, hashes and sniffs. It holds back the first
 * SNIFF_WINDOW_BYTES until the type is decided, then lets every chunk through
 * unchanged; it fails (and so stops the whole pipeline) on the first chunk
 * past the limit.
 */
class UploadInspector extends Transform {
  private readonly options: InspectorOptions;
  private readonly hash: Hash = createHash("sha256");
  private bytes = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private mediaType: string | null = null;
  private sha256: string | null = null;

  constructor(options: InspectorOptions) {
    super();
    this.options = options;
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    this.bytes += buffer.length;
    if (this.bytes > this.options.maxBytes) {
      callback(new UploadRejectedError("too-large", tooLargeMessage(this.options.name, this.options.maxBytes)));
      return;
    }
    if (this.options.expectedBytes !== undefined && this.bytes > this.options.expectedBytes) {
      callback(this.incomplete());
      return;
    }
    this.hash.update(buffer);
    if (this.mediaType !== null) {
      callback(null, buffer);
      return;
    }
    this.head.push(buffer);
    this.headBytes += buffer.length;
    if (this.headBytes >= SNIFF_WINDOW_BYTES) callback(this.releaseHead());
    else callback();
  }

  override _flush(callback: TransformCallback): void {
    const size = checkSize(this.options.purpose, this.options.name, this.bytes);
    if (!size.ok) {
      callback(new UploadRejectedError(size.reason, size.message));
      return;
    }
    if (this.options.expectedBytes !== undefined && this.bytes !== this.options.expectedBytes) {
      callback(this.incomplete());
      return;
    }
    const error = this.mediaType === null ? this.releaseHead() : null;
    if (error) {
      callback(error);
      return;
    }
    this.sha256 = this.hash.digest("hex");
    callback();
  }

  /** Decides the type from the held-back head; pushes it on, or returns the refusal. */
  private releaseHead(): UploadRejectedError | null {
    const head = Buffer.concat(this.head);
    const content = checkContent(this.options.name, this.options.extension, sniffMediaType(head.subarray(0, SNIFF_WINDOW_BYTES)));
    if (!content.ok) return new UploadRejectedError(content.reason, content.message);
    this.mediaType = content.value;
    this.head = [];
    this.push(head);
    return null;
  }

  private incomplete(): UploadRejectedError {
    return new UploadRejectedError(
      "incomplete",
      `Le fichier « ${this.options.name} » n'a pas été reçu en entier (taille annoncée différente de la taille reçue). Aucun fichier n'a été conservé ; déposez-le à nouveau.`,
    );
  }

  /** Size, digest and type; only once the stream has been read to its end. */
  result(): { sizeBytes: number; sha256: string; mediaType: string } {
    if (this.sha256 === null || this.mediaType === null) throw new Error("UploadInspector: the stream was not read to its end");
    return { sizeBytes: this.bytes, sha256: this.sha256, mediaType: this.mediaType };
  }
}
