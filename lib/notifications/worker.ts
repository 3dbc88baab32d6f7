/**
 * The outbox worker that runs inside the portal's server process (started by
 * instrumentation.ts), so mail goes out without any other process:
 * - every `intervalMs`, when an SMTP server is configured, it sends what is due;
 * - once an hour it writes the reminders of dossiers not yet transmitted, and the daily digests
 *   of the audit chain for the Paris days that ended (lib/audit/digest.ts).
 * Runs never overlap; `stop()` waits for the current one and closes the transport.
 */
import { recordDailyDigests } from "@/lib/audit/digest";
import { now, parisDate } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { dispatchOutbox, type DispatchResult, type MailTransport } from "./dispatcher";
import { scheduleDraftReminders } from "./dossier-notifications";
import { createSmtpTransport, type Environment } from "./smtp-transport";

export interface OutboxWorkerOptions {
  /** Default: the SMTP transport of the environment (null: nothing is sent, e-mails stay in the outbox). */
  transport?: (MailTransport & { close?(): void }) | null;
  /** Rows per dispatch (default 20); a run dispatches again while batches come back full, up to `maxBatchesPerRun`. */
  batchSize?: number;
  maxBatchesPerRun?: number;
  /** How often reminders are scheduled (default 1 h, real time). */
  reminderEveryMs?: number;
  /** Days before the deadline at which a reminder goes (default 5). */
  reminderDaysBefore?: number;
  /**
   * The portal's clock (default lib/clock `now()`, simulated in the demo): the
   * reminders' deadlines, and the instants the mailbox shows (each e-mail's
   * sending date). Scheduling uses the machine's clock: when a row is due, its
   * claim and its retry delays are real durations (lib/notifications/dispatcher.ts).
   */
  businessClock?: () => Date;
  log?: Pick<Console, "info" | "error">;
}

export interface OutboxWorker {
  /** Runs once now (or joins the run in progress). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startOutboxWorker(getDb: () => Database, intervalMs: number, options: OutboxWorkerOptions = {}): OutboxWorker {
  const transport = options.transport === undefined ? createSmtpTransport() : options.transport;
  const log = options.log ?? console;
  const reminderEveryMs = options.reminderEveryMs ?? 60 * 60_000;
  const maxBatches = options.maxBatchesPerRun ?? 10;
  const batchSize = options.batchSize ?? 20;
  const businessClock = options.businessClock ?? now;
  let lastReminders = Number.NEGATIVE_INFINITY;
  let current: Promise<void> | null = null;
  let stopped = false;

  async function run(): Promise<void> {
    const db = getDb();
    if (transport) {
      try {
        const total: DispatchResult = { claimed: 0, sent: 0, failed: 0, released: 0 };
        for (let batch = 0; batch < maxBatches && !stopped; batch += 1) {
          const result = await dispatchOutbox(db, transport, { at: new Date(), batchSize, portalClock: businessClock });
          total.claimed += result.claimed;
          total.sent += result.sent;
          total.failed += result.failed;
          total.released += result.released;
          if (result.claimed < batchSize || result.released > 0) break;
        }
        if (total.claimed > 0) log.info(`[courriels] ${total.sent} envoyé(s)${total.failed > 0 ? `, ${total.failed} en échec (nouvelle tentative programmée)` : ""}`);
      } catch (error) {
        log.error("[courriels] envoi de la boîte d'envoi impossible :", error);
      }
    }
    if (!stopped && Date.now() - lastReminders >= reminderEveryMs) {
      lastReminders = Date.now();
      try {
        const written = await scheduleDraftReminders(db, businessClock(), { daysBefore: options.reminderDaysBefore });
        if (written > 0) log.info(`[courriels] ${written} rappel(s) de dossier non transmis ajouté(s) à la boîte d'envoi`);
      } catch (error) {
        log.error("[courriels] programmation des rappels impossible :", error);
      }
      try {
        // The portal's clock, as the audit rows' `at`: the days that ended on it are digested.
        const digested = await recordDailyDigests(db, parisDate(businessClock()));
        if (digested > 0) log.info(`[audit] ${digested} condensé(s) journalier(s) de la chaîne d'audit enregistré(s)`);
      } catch (error) {
        log.error("[audit] enregistrement des condensés journaliers impossible :", error);
      }
    }
  }

  function runOnce(): Promise<void> {
    if (stopped) return Promise.resolve();
    // No overlap: a tick while a run is in progress joins it.
    current ??= run().finally(() => {
      current = null;
    });
    return current;
  }

  const timer = setInterval(() => void runOnce(), intervalMs);
  // The worker never keeps the process alive on its own.
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
      transport?.close?.();
    },
  };
}

const registry = globalThis as unknown as { guichetOutboxWorker?: OutboxWorker };

/**
 * The server's worker, once per process (instrumentation.ts). Interval from
 * GUICHET_OUTBOX_INTERVAL_MS (default 15 s); GUICHET_OUTBOX_WORKER=0 turns it off.
 */
export function startServerOutboxWorker(getDb: () => Database, log: Pick<Console, "info" | "error"> = console, env: Environment = process.env): OutboxWorker | null {
  if (env.GUICHET_OUTBOX_WORKER === "0") return null;
  if (!env.DATABASE_URL) {
    log.error("[courriels] DATABASE_URL n'est pas défini : la boîte d'envoi n'est pas traitée.");
    return null;
  }
  if (registry.guichetOutboxWorker) return registry.guichetOutboxWorker;
  const requested = Number(env.GUICHET_OUTBOX_INTERVAL_MS ?? 15_000);
  const intervalMs = Number.isFinite(requested) && requested >= 1_000 ? requested : 15_000;
  let transport: ReturnType<typeof createSmtpTransport> = null;
  try {
    transport = createSmtpTransport(env);
  } catch (error) {
    // A wrong SMTP setting must not stop the portal: e-mails wait in the outbox, the mailbox page says why.
    log.error("[courriels] configuration SMTP invalide, aucun envoi :", error);
  }
  log.info(
    transport
      ? `[courriels] envoi par ${transport.description} toutes les ${Math.round(intervalMs / 1000)} s`
      : "[courriels] aucun serveur SMTP configuré : les courriels restent dans la boîte d'envoi (/admin/courriels)",
  );
  const worker = startOutboxWorker(getDb, intervalMs, { transport, log });
  registry.guichetOutboxWorker = worker;
  // A first run soon after start-up, not at the first interval.
  setTimeout(() => void worker.runOnce(), 2_000).unref();
  return worker;
}
