/**
 * The progress of a running import, as the admin import page polls it: the ImportRun
 * holds the bytes consumed and the lines read so far while RUNNING, then its final counts.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { importFinessFlatCsv } from "@/lib/reference/import";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { gunzipFile, FINESS_EXTRACT } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/admin/imports/[id]/route");

let db: Database;
beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
});

const poll = async (id: string) => {
  const response = await GET(new Request(`http://test/api/admin/imports/${id}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("import progress", () => {
  it("is readable while the file is read, then gives way to the final counts", async () => {
    session.user = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const text = gunzipFile(FINESS_EXTRACT);
    const half = text.indexOf("\n", Math.floor(text.length / 2)) + 1;
    const firstHalf = Buffer.from(text.slice(0, half));
    const runId = randomUUID();
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let reachedPause!: () => void;
    const atPause = new Promise<void>((resolve) => (reachedPause = resolve));
    // The file arrives in two halves, with a pause between them longer than the progress interval.
    async function* input() {
      yield firstHalf;
      await sleep(1_100);
      reachedPause();
      await paused;
      yield Buffer.from(text.slice(half));
    }
    const importing = importFinessFlatCsv(db, input(), { fileName: "en-deux-fois.csv", runId });

    await atPause;
    await sleep(200); // the progress write is asynchronous
    const during = await poll(runId);
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ status: "RUNNING", stage: "reading", bytes: firstHalf.byteLength });
    // Lines of the first half are parsed as the second chunk is awaited; no line of the second half yet.
    expect(during.body.read).toBeLessThan(882);
    resume();

    const report = await importing;
    expect(report.runId).toBe(runId);
    expect(report.counts).toMatchObject({ read: 882, created: 882, rejected: 0 });
    const after = await poll(runId);
    expect(after.body).toMatchObject({ status: "SUCCEEDED", stage: null, read: 882 });
  });

  it("is for DNS admins only, and an unknown run is a 404", async () => {
    session.user = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
    expect((await poll(randomUUID())).status).toBe(403);
    session.user = null;
    expect((await poll(randomUUID())).status).toBe(401);
    session.user = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const unknown = await poll(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Import inconnu/);
  });
});
