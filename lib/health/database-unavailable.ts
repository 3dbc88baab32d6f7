/**
 * PostgreSQL paused, stopped, unreachable or overloaded (issue 14 §5). The process-wide client
 * (lib/db/client.ts) turns the driver's errors of that kind into this one, whose `digest` Next
 * keeps when it hands a server error to the error pages (it replaces the message with a hash
 * otherwise): app/error.tsx and app/global-error.tsx then show « Service momentanément
 * indisponible » instead of the generic error.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "GUICHET_DATABASE_UNAVAILABLE";

export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super("La base de données ne répond pas.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// pg's own timers (lib/db/client.ts) and a closed socket.
const DRIVER_MESSAGES = /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout|Can't reach database server/i;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"]);
// PostgreSQL: statement_timeout (57014), shutting down or starting up (57P01–57P03), too many connections (53300).
const POSTGRES_CODES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);
// Prisma: can't reach, timed out, server closed the connection, pool timeout, transaction not started in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// @prisma/adapter-pg's mapped kinds.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);

/** Is this error (or one of its causes) the database not answering? */
export function isDatabaseUnavailableError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, message, kind, originalCode } = current as { code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && POSTGRES_CODES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Rethrows a database-unavailable error as DatabaseUnavailableError, any other unchanged. */
export function asDatabaseUnavailable(error: unknown): unknown {
  return !(error instanceof DatabaseUnavailableError) && isDatabaseUnavailableError(error) ? new DatabaseUnavailableError(error) : error;
}
