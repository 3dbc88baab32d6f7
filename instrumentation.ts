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
    startServerOutboxWorker(getDb);
    startOrphanFileSweeper(getDb, getFileStorage);
    startPendingScanner(getDb, getFileStorage);
  }
}
