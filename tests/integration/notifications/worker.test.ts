import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/notifications/dispatcher";
import { startOutboxWorker } from "@/lib/notifications/worker";
import { createGuichet, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };

beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

/** A transport that takes `delayMs` per message and records how many sends overlap. */
function slowTransport(delayMs: number) {
  const state = { sent: [] as OutboxMessage[], inFlight: 0, maxInFlight: 0, closed: false };
  return {
    state,
    sendMail: async (message: OutboxMessage) => {
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      state.inFlight -= 1;
      state.sent.push(message);
    },
    close: () => {
      state.closed = true;
    },
  };
}

async function enqueue(count: number) {
  await db.outboxEmail.createMany({
    data: Array.from({ length: count }, (_, index) => ({ template: "test", toAddress: `r${index}@ch-test.fr`, subject: `Sujet ${index}`, textBody: "Bonjour," })),
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startOutboxWorker", () => {
  it("sends the outbox on its interval, never two runs at once, and stops cleanly (waits for its run, closes the transport)", async () => {
    await enqueue(6);
    const transport = slowTransport(30);
    // A 10 ms interval while each run takes ≥ 180 ms: ticks would overlap if the worker let them.
    const worker = startOutboxWorker(() => db, 10, { transport, batchSize: 2, log: quiet, reminderEveryMs: Number.POSITIVE_INFINITY });
    await Promise.all([worker.runOnce(), worker.runOnce()]);
    expect(transport.state.sent).toHaveLength(6);
    expect(transport.state.maxInFlight).toBe(1);

    await enqueue(2);
    const deadline = Date.now() + 5_000;
    while (transport.state.sent.length < 8 && Date.now() < deadline) await wait(20);
    expect(transport.state.sent).toHaveLength(8);

    await worker.stop();
    expect(transport.state.closed).toBe(true);
    await enqueue(1);
    await wait(100);
    await worker.runOnce();
    expect(transport.state.sent).toHaveLength(8);
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(8);
    expect(new Set(transport.state.sent.map((message) => message.messageId)).size).toBe(8);
  });

  it("without an SMTP server, sends nothing but still schedules the reminders (on the business clock)", async () => {
    const guichet = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
    const ej = await createLegalEntity(db, { regionCode: "84" });
    const referent = await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] });
    await db.dossier.create({
      data: { number: "HC-J2026-990001", guichetId: guichet.id, carrierFiness: ej.finess, completedById: referent.id, legalEntities: { create: [{ legalEntityFiness: ej.finess, guichetId: guichet.id }] } },
    });
    const worker = startOutboxWorker(() => db, 60_000, { transport: null, log: quiet, businessClock: () => new Date("2026-06-23T08:00:00Z") });
    await worker.runOnce();
    await worker.stop();
    const rows = await db.outboxEmail.findMany();
    expect(rows.map((row) => [row.template, row.toAddress, row.status])).toEqual([["dossier-draft-reminder", referent.email, "PENDING"]]);
  });
});

describe("the audit chain's daily digests", () => {
  it("are recorded by the worker with the hourly reminders, for the days ended on the portal's clock", async () => {
    await recordAuditAlone(db, { at: new Date("2026-03-10T09:00:00Z"), actor: null, action: "auth.sign-in.unknown-email", subject: auditSubject.email("worker@example.fr") });
    const worker = startOutboxWorker(() => db, 60_000, { transport: null, log: quiet, businessClock: () => new Date("2026-03-12T09:00:00Z") });
    await worker.runOnce();
    await worker.stop();
    const days = (await db.auditDigest.findMany({ orderBy: { day: "asc" } })).map((digest) => digest.day.toISOString().slice(0, 10));
    expect(days).toEqual(["2026-03-10", "2026-03-11"]);
  });
});
