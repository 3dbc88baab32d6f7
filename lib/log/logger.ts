import pino from "pino";

/**
 * The portal's structured logs (issue 14 §6): one JSON line per request (proxy.ts), per error
 * (instrumentation.ts, with the digest the error page shows as « référence ») and per background
 * run that did something (e-mails, antivirus, sweeps). Never personal data beyond ids: no e-mail,
 * no query string, no link token (see requestPath).
 */
export const logger = pino({
  level: process.env.GUICHET_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "guichet-hospiconnect" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** A single-use link's token is a credential: its path segment is never logged. */
const TOKEN_PATHS = [/^(\/mot-de-passe\/)[^/]+/, /^(\/inscription\/confirmer\/)[^/]+/];

/** The path of a request as the logs keep it: no query string (it may carry an e-mail), no token. */
export function requestPath(pathname: string): string {
  return TOKEN_PATHS.reduce((path, pattern) => path.replace(pattern, "$1…"), pathname);
}

/** For the background jobs that take a `log` (info, error): their lines become JSON with the job's name. */
export function jobLog(job: string): Pick<Console, "info" | "error"> {
  const child = logger.child({ job });
  return {
    info: (...args: unknown[]) => child.info(args.map(String).join(" ")),
    error: (message: unknown, error?: unknown) => child.error({ err: error instanceof Error ? { type: error.name, message: error.message } : error }, String(message)),
  };
}

/**
 * An error the portal caught and answered with a « référence » (server actions, route handlers,
 * imports): one JSON line with that reference, the ids given, the error's type, its PostgreSQL code
 * if any, and its stack frames — never its message, which may quote what a person typed (a pg
 * unique violation quotes the e-mail).
 */
export function logError(event: string, error: unknown, ids: Record<string, string | number | null | undefined> = {}): void {
  logger.error({ type: "error", event, ...ids, err: errorFacts(error) }, event);
}

/** A non-fatal anomaly (a missing object, a scan without verdict) with the ids that locate it. */
export function logWarning(event: string, ids: Record<string, string | number | null | undefined> = {}): void {
  logger.warn({ type: "warning", event, ...ids }, event);
}

function errorFacts(error: unknown): { type: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  // The first line of a stack repeats the message: only the frames are kept.
  const frames = error.stack?.split("\n").slice(1).join("\n");
  return { type: error.name, code: typeof code === "string" ? code : undefined, stack: frames };
}
