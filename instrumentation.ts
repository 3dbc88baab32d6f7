/**
 * Next.js calls `register()` once when a server instance starts (Next 16
 * instrumentation convention). The portal uses it to start the outbox worker
 * (lib/notifications/worker.ts) in the Node.js server, so e-mails are sent
 * without any other process, the hourly sweep of never-attached uploads
 * (lib/storage/orphan-files.ts), and the antivirus scan of uploads left pending (lib/storage/file-scan.ts). Not in the Edge runtime, not during `next build`.
 */
export async function register() {
  // The literal comparison lets Next drop the import from the Edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // `next build` loads the server to prerender pages: no worker there (NEXT_PHASE is set by the build).
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const [{ startServerOutboxWorker }, { getDb }, { startOrphanFileSweeper }, { getFileStorage }, { startPendingScanner }] = await Promise.all([
      import("./lib/notifications/worker"),
      import("./lib/db/client"),
      import("./lib/storage/orphan-files"),
      import("./lib/storage"),
      import("./lib/storage/file-scan"),
    ]);
    const { jobLog } = await import("./lib/log/logger");
    startServerOutboxWorker(getDb, jobLog("courriels"));
    startOrphanFileSweeper(getDb, getFileStorage, undefined, jobLog("fichiers-orphelins"));
    startPendingScanner(getDb, getFileStorage, undefined, jobLog("antivirus"));
  }
}

/**
 * Every server error of a request, as one JSON line (issue 14 §6): the digest the error page shows
 * the person as « référence de l'incident », the request's correlation id (proxy.ts), where, and
 * the error's type — its message stays out, it may carry what a person typed.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger, requestPath }, { CORRELATION_HEADER }] = await Promise.all([import("./lib/log/logger"), import("./lib/log/correlation")]);
  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
  const correlation = request.headers[CORRELATION_HEADER];
  logger.error(
    {
      type: "error",
      digest,
      correlationId: Array.isArray(correlation) ? correlation[0] : correlation,
      method: request.method,
      path: requestPath(request.path.split("?")[0] ?? ""),
      route: context.routePath,
      routeType: context.routeType,
      error: error instanceof Error ? error.name : typeof error,
    },
    "request error",
  );
}
