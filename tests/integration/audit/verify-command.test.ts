/**
 * `npm run audit:verify` (scripts/audit-verify.ts) on a real database: « Chaîne d'audit intègre »
 * and exit 0 on an intact chain; on an altered row, the first broken row, what differs, and exit 1
 * (issue 14 §2, bad input: « an altered audit row … a clear answer »).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await useTestDatabase());
});

function verifyCommand(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.resolve("node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run audit:verify", () => {
  it("says the chain is intact, then names the first altered row and exits 1", async () => {
    const ids: bigint[] = [];
    for (const day of ["2026-03-10", "2026-03-11", "2026-03-12"]) {
      ids.push((await recordAuditAlone(db, { at: new Date(`${day}T09:00:00Z`), actor: null, action: "auth.sign-in.unknown-email", subject: auditSubject.email("x@example.fr") })).id);
    }
    const intact = await verifyCommand();
    expect(intact.stdout).toContain("Chaîne d'audit intègre : 3 lignes, du 10 mars 2026 à 10:00 au 12 mars 2026 à 10:00");
    expect(intact.code).toBe(0);
    await db.$executeRaw`UPDATE "AuditEvent" SET "subject" = 'email:y@example.fr' WHERE "id" = ${ids[1]}`;
    const broken = await verifyCommand();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Première rupture — ligne ${ids[1]} : contenu modifié`);
  }, 120_000);
});
