import { DomainError } from "@/lib/errors";

/** A file that cannot be imported at all (nothing is written). The message is French. */
export class ImportFileError extends DomainError {
  readonly userMessage: string;
  constructor(userMessage: string) {
    super(userMessage);
    this.name = "ImportFileError";
    this.userMessage = userMessage;
  }
}
