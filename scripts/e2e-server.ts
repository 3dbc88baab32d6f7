/**
 * The portal for the browser tests: a throw-away embedded PostgreSQL (or
 * DATABASE_URL), the demo seed, a fresh production build, on E2E_PORT.
 * Playwright starts it and stops it (SIGTERM).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/embedded-postgres";
import { startE2eOidcServer } from "../tests/e2e/support/oidc-server";
import { seedE2eFixtures } from "../tests/e2e/support/seed-fixtures";
import { startTestClamd } from "../tests/support/clamd";
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

// Every upload is scanned by a real clamd (tests/support/clamd.ts): the EICAR spec needs it.
const clamd = await startTestClamd();
process.env.GUICHET_CLAMD_SOCKET = clamd.socket;

const portalPort = Number(process.env.E2E_PORT ?? 3100);
const clockPorts = process.env.E2E_CLOCK_PORT ? [Number(process.env.E2E_CLOCK_PORT)] : [];

// Single sign-on (tests/e2e/sso.spec.ts): a real OpenID Connect server, started before the portal so
// that the portal's PROCONNECT_* variables (set by startE2eOidcServer) point at it.
const oidc = await startE2eOidcServer(
  [portalPort, ...clockPorts].map((port) => `http://localhost:${port}`),
  // 0: any free port (the issuer carries it).
  Number(process.env.E2E_OIDC_PORT ?? 0),
);
console.log(`e2e OpenID Connect server on ${oidc.issuer}`);

const portal = await startPortal({
  port: portalPort,
  // The specs that move the simulated date run on their own server (playwright.config.ts, project « clock »).
  extraPorts: clockPorts,
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
  Promise.all([portal.stop(), smtp.stop(), oidc.stop(), clamd.stop()])
    .finally(() => {
      fs.rmSync(tempDir, { recursive: true, force: true });
      process.exit(0);
    });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
