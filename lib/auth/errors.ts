/** Thrown by domain functions when the caller's scope does not cover the resource. */
export class ForbiddenError extends Error {
  constructor(message = "Accès refusé") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(message = "Introuvable") {
    super(message);
    this.name = "NotFoundError";
  }
}
