import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e-mails received by the test SMTP server of scripts/e2e-server.ts (read by tests/e2e/support/mailbox.ts).
process.env.E2E_MAILBOX ??= path.join(os.tmpdir(), `guichet-e2e-mailbox-${process.pid}.jsonl`);

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CLOCK_PORT = Number(process.env.E2E_CLOCK_PORT ?? PORT + 1);
const baseURL = `http://localhost:${PORT}`;

/**
 * The specs that move the server's simulated date (tests/e2e/support/demo-clock.ts). They run
 * one at a time on a second server process, same database and build but its own clock, while
 * the other specs run on the first: two streams at once, and no spec ever sees another's date.
 */
const CLOCK_SPECS = /(admin-follow-up|admin-guichets|care-releve-journey|dashboard-next-action|deposit-states|establishment-journey|objectives-2027|project-call-journey)\.spec\.ts$/;
// Specs that only read pages (the axe checks of every page, the public pages, the simulator): a stream of their own on the first server.
const READ_ONLY_SPECS = /(accessibility|public-pages|simulator|simulator-bounds)\.spec\.ts$/;

/**
 * Browser tests in Debian's Chromium headless shell (/usr/bin/chromium-headless-shell, installed by .ci/run),
 * never a downloaded browser. The web server is the real portal on its own
 * embedded PostgreSQL with the demo data (scripts/e2e-server.ts).
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // One worker per stream (each project below allows one at a time).
  workers: 3,
  retries: process.env.CI ? 1 : 0,
  // Three streams share the machine's cores: a test, and an answer (a sign-in's password hash), may take longer than alone.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    // A stuck click fails in seconds, not at the end of a long test's timeout.
    actionTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: [CLOCK_SPECS, READ_ONLY_SPECS],
      dependencies: ["setup"],
      workers: 1,
    },
    {
      name: "read-only",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: READ_ONLY_SPECS,
      dependencies: ["setup"],
      workers: 1,
    },
    {
      name: "clock",
      // The session cookies of the set-up (domain localhost) serve on either port.
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${CLOCK_PORT}` },
      testMatch: CLOCK_SPECS,
      dependencies: ["setup"],
      workers: 1,
    },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    // Both servers answer once this line is printed (scripts/e2e-server.ts).
    wait: { stdout: /e2e portal ready on/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_CLOCK_PORT: String(CLOCK_PORT), E2E_MAILBOX: process.env.E2E_MAILBOX },
  },
});
