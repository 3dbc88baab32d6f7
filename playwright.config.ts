import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e-mails received by the test SMTP server of scripts/e2e-server.ts (read by tests/e2e/support/mailbox.ts).
process.env.E2E_MAILBOX ??= path.join(os.tmpdir(), `guichet-e2e-mailbox-${process.pid}.jsonl`);

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/**
 * Browser tests in Debian's Chromium (/usr/bin/chromium, installed by .ci/run),
 * never a downloaded browser. The web server is the real portal on its own
 * embedded PostgreSQL with the demo data (scripts/e2e-server.ts).
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    // A stuck click fails in seconds, not at the end of a long test's timeout.
    actionTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_MAILBOX: process.env.E2E_MAILBOX },
  },
});
