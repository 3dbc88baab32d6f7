/**
 * The outbox dispatcher against a real SMTP server (the `smtp-server`
 * package, on 127.0.0.1 and a free port) through the nodemailer transport
 * configured the way the portal configures it (GUICHET_SMTP_URL).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { dispatchOutbox, retryDelayMs } from "@/lib/notifications/dispatcher";
import { createSmtpTransport, type SmtpMailTransport } from "@/lib/notifications/smtp-transport";
import { TestSmtpServer } from "../../support/smtp-sink";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let otherProcessDb: Database;
const smtp = new TestSmtpServer();
let transport: SmtpMailTransport;

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  // A second client: another server process dispatching the same outbox.
  otherProcessDb = createDatabaseClient(database.url);
  await smtp.start();
  const configured = createSmtpTransport({ GUICHET_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  if (!configured) throw new Error("the SMTP transport should be configured from GUICHET_SMTP_URL");
  transport = configured;
});

afterAll(async () => {
  transport?.close();
  await smtp.stop();
  await otherProcessDb?.$disconnect();
});

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  smtp.received = [];
  smtp.mode = "accept";
  smtp.delayMs = 0;
  if (!smtp.running) await smtp.start();
});

const T0 = new Date("2026-06-01T08:00:00.000Z");
const seconds = (n: number) => new Date(T0.getTime() + n * 1_000);

/** `count` pending e-mails due at T0, oldest first. */
async function enqueue(count: number, prefix = "referent") {
  await db.outboxEmail.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      createdAt: new Date(T0.getTime() - 60_000 + index),
      nextAttemptAt: T0,
      template: "dossier-submitted-establishment",
      toAddress: `${prefix}.${index}@ch-test.fr`,
      subject: `[HospiConnect – Jalon juin 2026] - Transmission de votre formulaire de dépôt à votre ARS – HC-J2026-${String(index).padStart(6, "0")}`,
      textBody: "Bonjour,\n\nVotre dossier a été transmis à votre ARS.\n\nCordialement,\nL'équipe Guichet HospiConnect\n",
    })),
  });
  return db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
}

function receivedIds(): string[] {
  return smtp.received.map((mail) => mail.outboxId);
}

describe("dispatchOutbox with a real SMTP server", () => {
  it("sends every due e-mail to its recipient with its subject, from « Guichet HospiConnect », and marks it sent", async () => {
    const rows = await enqueue(3);
    const result = await dispatchOutbox(db, transport, { at: T0 });

    expect(result).toEqual({ claimed: 3, sent: 3, failed: 0, released: 0 });
    expect(smtp.received.map((mail) => [mail.envelopeTo, mail.subject, mail.outboxId])).toEqual(rows.map((row) => [[row.toAddress], row.subject, row.id]));
    expect(smtp.received[0]?.from).toMatch(/^"?Guichet HospiConnect"? <ne-pas-repondre@guichet-hospiconnect\.local>$/);
    const after = await db.outboxEmail.findMany();
    expect(after.every((row) => row.status === "SENT" && row.sentAt?.getTime() === T0.getTime() && row.attempts === 1 && row.claimedUntil === null)).toBe(true);

    // Sent is sent: a later run sends nothing again.
    expect(await dispatchOutbox(db, transport, { at: seconds(3_600) })).toEqual({ claimed: 0, sent: 0, failed: 0, released: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it("leaves e-mails not yet due for later", async () => {
    await enqueue(2);
    expect((await dispatchOutbox(db, transport, { at: seconds(-1) })).claimed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("SMTP server down: the e-mails stay pending, attempts counted, retried later; back up: each is sent exactly once", async () => {
    const rows = await enqueue(4);
    await smtp.stop();

    const down = await dispatchOutbox(db, transport, { at: T0, random: () => 0.5 });
    expect(down).toEqual({ claimed: 4, sent: 0, failed: 4, released: 0 });
    const pending = await db.outboxEmail.findMany();
    expect(pending).toHaveLength(4);
    for (const row of pending) {
      expect(row.status).toBe("PENDING");
      expect(row.attempts).toBe(1);
      expect(row.claimedUntil).toBeNull();
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      // First retry: 30 s, less up to a quarter of jitter.
      expect(row.nextAttemptAt.getTime() - T0.getTime()).toBe(retryDelayMs(1, { random: () => 0.5 }));
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(seconds(22).getTime());
    }

    // Not due yet: nothing is tried again before its next attempt.
    expect((await dispatchOutbox(db, transport, { at: seconds(10) })).claimed).toBe(0);

    await smtp.start(); // same port
    const up = await dispatchOutbox(db, transport, { at: seconds(31) });
    expect(up).toEqual({ claimed: 4, sent: 4, failed: 0, released: 0 });
    expect(receivedIds().sort()).toEqual(rows.map((row) => row.id).sort());
    const sent = await db.outboxEmail.findMany();
    expect(sent.every((row) => row.status === "SENT" && row.attempts === 2 && row.lastError === null)).toBe(true);
    expect((await dispatchOutbox(db, transport, { at: seconds(7_200) })).claimed).toBe(0);
    expect(smtp.received).toHaveLength(4);
  });

  it("SMTP answering 451: the SMTP reply is kept, the delay doubles at each failure, then the e-mail goes once", async () => {
    const [row] = await enqueue(1);
    smtp.mode = "reject-451";

    expect((await dispatchOutbox(db, transport, { at: T0, random: () => 0 })).failed).toBe(1);
    const first = await db.outboxEmail.findUniqueOrThrow({ where: { id: row?.id } });
    expect(first.lastError).toContain("451");
    expect(first.attempts).toBe(1);
    expect(first.nextAttemptAt.getTime() - T0.getTime()).toBe(22_500); // 30 s × 0.75

    const retryAt = first.nextAttemptAt;
    expect((await dispatchOutbox(db, transport, { at: retryAt, random: () => 0 })).failed).toBe(1);
    const second = await db.outboxEmail.findUniqueOrThrow({ where: { id: row?.id } });
    expect(second.attempts).toBe(2);
    expect(second.status).toBe("PENDING");
    expect(second.nextAttemptAt.getTime() - retryAt.getTime()).toBe(45_000); // 60 s × 0.75

    smtp.mode = "accept";
    expect((await dispatchOutbox(db, transport, { at: second.nextAttemptAt })).sent).toBe(1);
    expect(receivedIds()).toEqual([row?.id]);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: row?.id } })).attempts).toBe(3);
  });

  it("two dispatchers (two processes) racing on the same rows never send one twice, and send them all", async () => {
    const rows = await enqueue(40);
    smtp.delayMs = 15;

    async function drain(client: Database, at: Date): Promise<number> {
      let sent = 0;
      for (;;) {
        const result = await dispatchOutbox(client, transport, { at, batchSize: 4 });
        sent += result.sent;
        if (result.claimed === 0) return sent;
      }
    }
    const counts = await Promise.all([drain(db, T0), drain(otherProcessDb, T0), drain(db, seconds(1)), drain(otherProcessDb, seconds(2))]);

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40);
    // The race was real: more than one dispatcher sent something.
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(1);
    expect(smtp.received).toHaveLength(40);
    expect(new Set(receivedIds()).size).toBe(40);
    expect(receivedIds().sort()).toEqual(rows.map((row) => row.id).sort());
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(40);
  });

  it("a run that runs out of time hands its remaining rows back unsent, for the next run", async () => {
    await enqueue(3);
    smtp.delayMs = 60;
    // A 100 ms claim: the run stops sending after 50 ms (real time), i.e. after the first e-mail.
    const partial = await dispatchOutbox(db, transport, { at: T0, claimMs: 100 });
    expect(partial.sent).toBe(1);
    expect(partial.released).toBe(2);
    expect(await db.outboxEmail.count({ where: { status: "PENDING", claimedUntil: null } })).toBe(2);
    smtp.delayMs = 0;
    expect((await dispatchOutbox(db, transport, { at: T0 })).sent).toBe(2);
    expect(new Set(receivedIds()).size).toBe(3);
  });
});

describe("retry delay", () => {
  it("30 s × 2^(failures − 1), jitter taking off at most a quarter, capped at 1 h", () => {
    const noJitter = { random: () => 1 };
    expect(retryDelayMs(1, noJitter)).toBe(30_000);
    expect(retryDelayMs(1, { random: () => 0 })).toBe(22_500);
    expect(retryDelayMs(2, noJitter)).toBe(60_000);
    expect(retryDelayMs(5, noJitter)).toBe(480_000);
    expect(retryDelayMs(8, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(500, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(500, { random: () => 0 })).toBe(2_700_000);
    expect(retryDelayMs(3, { maxMs: 90_000, ...noJitter })).toBe(90_000);
    for (let failures = 1; failures < 40; failures += 1) {
      const delay = retryDelayMs(failures);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(3_600_000);
    }
  });
});
