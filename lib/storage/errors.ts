import { DomainError } from "@/lib/errors";

/** Why an upload was refused; the route handler maps each reason to an HTTP status. */
export type UploadRejectionReason =
  /** No usable file name (empty, only dots, …). */
  | "invalid-name"
  /** The extension is not among the formats accepted for this purpose. */
  | "format-not-allowed"
  /** The bytes are not what the extension claims (a `.pdf` that is not a PDF). */
  | "content-mismatch"
  /** Over the purpose's size limit. */
  | "too-large"
  /** Zero bytes. */
  | "empty"
  /** The client stopped sending (aborted request, network error). */
  | "interrupted"
  /** The body ended shorter or longer than its declared Content-Length. */
  | "incomplete";

/** An upload the rules refuse, or that did not arrive whole. Nothing of it is kept. */
export class UploadRejectedError extends DomainError {
  readonly userMessage: string;
  readonly reason: UploadRejectionReason;
  constructor(reason: UploadRejectionReason, userMessage: string, options?: { cause?: unknown }) {
    super(`Upload rejected: ${reason}`, options);
    this.name = "UploadRejectedError";
    this.reason = reason;
    this.userMessage = userMessage;
  }
}

/** The storage back-end (disk, S3) failed: not the user's fault, nothing was kept. */
export class FileStorageError extends DomainError {
  readonly userMessage =
    "L'enregistrement du fichier a échoué à cause d'un incident technique. Aucun fichier n'a été conservé ; réessayez dans quelques minutes.";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileStorageError";
  }
}
