/**
 * The portal for the browser tests: a throw-away embedded PostgreSQL (or
 * DATABASE_URL), the demo seed, a fresh production build, on E2E_PORT.
 * Playwright starts it and stops it (SIGTERM).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/embedded-postgres";
import { seedE2eFixtures } from "../tests/e2e/support/seed-fixtures";
import { TestSmtpServer } from "../tests/support/smtp-sink";
import { startPortal } from "./portal-server";

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-e2e-"));
fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as the "postgres" user when we are root

// Uploaded files of the browser tests stay in the throw-away directory too.
process.env.GUICHET_STORAGE_DIR = path.join(tempDir, "storage");

// A real SMTP server receives the portal's e-mails; each one is appended to E2E_MAILBOX (JSON lines) for the tests.
const smtp = new TestSmtpServer();
const mailbox = process.env.E2E_MAILBOX;
if (mailbox) {
  fs.writeFileSync(mailbox, "");
  smtp.onReceived = (mail) => fs.appendFileSync(mailbox, `${JSON.stringify({ to: mail.envelopeTo, subject: mail.subject })}\n`);
  await smtp.start();
  process.env.GUICHET_SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.GUICHET_OUTBOX_INTERVAL_MS = "1000";
}

const portal = await startPortal({
  port: Number(process.env.E2E_PORT ?? 3100),
  // The specs that move the simulated date run on their own server (playwright.config.ts, project « clock »).
  extraPorts: process.env.E2E_CLOCK_PORT ? [Number(process.env.E2E_CLOCK_PORT)] : [],
  dataDir: path.join(tempDir, "postgres"),
  dbPort: await freePort(),
  persistent: false,
  demoDate: "2026-06-01T10:00:00+02:00",
  reuseBuild: process.env.E2E_REUSE_BUILD === "1",
  distDir: ".next-e2e",
  log: (line) => console.log(line),
  // Establishments of the browser tests only (tests/e2e/support/fixtures.ts), after the demo data.
  afterSeed: seedE2eFixtures,
});
console.log(`e2e portal ready on ${[portal.url, ...portal.extraUrls].join(" and ")}`);

const shutdown = () => {
  Promise.all([portal.stop(), smtp.stop()])
    .finally(() => {
      fs.rmSync(tempDir, { recursive: true, force: true });
      process.exit(0);
    });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
