/**
 * The mailbox dates e-mails with the portal's clock (issue 9, §2.8): with a
 * simulated clock (the demo's, here frozen by setClockForTests) every outbox
 * row is created and sent at the simulated instant, never at the database's
 * or the machine's now, while sending itself (due rows, retry delays) keeps
 * running on real time, whatever the simulated date.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStaffAccount } from "@/lib/admin/accounts";
import { MAILBOX_PAGE_SIZE, readMailbox } from "@/lib/admin/mailbox";
import type { CurrentUser } from "@/lib/auth/current-user";
import { now, setClockForTests } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { submitDossier } from "@/lib/dossiers/service";
import { ForbiddenError } from "@/lib/errors";
import { dispatchOutbox, type OutboxMessage } from "@/lib/notifications/dispatcher";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { startOutboxWorker } from "@/lib/notifications/worker";
import { candidature, establishment, inCandidature, instructionGuichets } from "../support/dossier-builders";
import { asCurrentUser, createGuichet, createRegion, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let admin: CurrentUser;
const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };
// Simulated instants years away from the machine's clock, on either side of it.
const SIMULATED_PAST = new Date("2021-03-04T05:06:07.000Z");
const SIMULATED_FUTURE = new Date("2031-09-10T11:12:13.000Z");

function recordingTransport(fail = false) {
  const sent: OutboxMessage[] = [];
  return {
    sent,
    sendMail: async (message: OutboxMessage) => {
      if (fail) throw Object.assign(new Error("Connexion refusée"), { response: "421 4.3.2 Service indisponible" });
      sent.push(message);
    },
  };
}

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  await createRegion(db, "84", "Auvergne-Rhône-Alpes");
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
});

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

afterEach(() => setClockForTests(null));

describe("outbox instants on a simulated clock", () => {
  it("a set-password link is created at the simulated instant, and sent at the simulated instant of the sending", async () => {
    setClockForTests(SIMULATED_PAST);
    await createStaffAccount(db, admin, { email: "horloge.passee@sante.gouv.fr", name: "Horloge Passée", role: "DNS_ADMIN" }, { at: now(), baseUrl: "https://guichet.example.fr" });
    const [created] = await db.outboxEmail.findMany();
    expect(created?.createdAt.toISOString()).toBe(SIMULATED_PAST.toISOString());

    // The simulated clock moved on by 25 minutes; the worker reads it (its default clock is lib/clock's now()).
    const sending = new Date(SIMULATED_PAST.getTime() + 25 * 60_000);
    setClockForTests(sending);
    const transport = recordingTransport();
    const worker = startOutboxWorker(() => db, 60_000, { transport, log: quiet, reminderEveryMs: Number.POSITIVE_INFINITY });
    await worker.runOnce();
    await worker.stop();
    // Sent although the simulated date is years before the machine's: being due is a matter of real time.
    expect(transport.sent.map((message) => message.to)).toEqual(["horloge.passee@sante.gouv.fr"]);
    const sent = await db.outboxEmail.findUniqueOrThrow({ where: { id: created!.id } });
    expect(sent.status).toBe("SENT");
    expect(sent.sentAt?.toISOString()).toBe(sending.toISOString());
    expect(sent.createdAt.toISOString()).toBe(SIMULATED_PAST.toISOString());
  });

  it("the e-mails of a dossier transmission are created at the simulated instant, and sent on it even years ahead of the machine", async () => {
    const guichets = await instructionGuichets(db);
    const { ej, referent } = await establishment(db, "84", "CH de l'Horloge");
    await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "instructeur.horloge@ars.sante.fr" });
    const id = await candidature(db, referent, ej.finess, guichets.candidature.id, { draft: true });
    const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
    // The portal's clock is the transmission's clock: here a simulated instant inside the candidature window.
    setClockForTests(inCandidature);
    await submitDossier(db, referent, id, version, now(), notifyDossierEvent);
    const rows = await db.outboxEmail.findMany({ where: { dossierId: id }, orderBy: { toAddress: "asc" } });
    expect(rows.map((row) => row.toAddress)).toEqual(["instructeur.horloge@ars.sante.fr", referent.email]);
    for (const row of rows) expect(row.createdAt.toISOString()).toBe(inCandidature.toISOString());

    setClockForTests(SIMULATED_FUTURE);
    const transport = recordingTransport();
    const worker = startOutboxWorker(() => db, 60_000, { transport, log: quiet, reminderEveryMs: Number.POSITIVE_INFINITY });
    await worker.runOnce();
    await worker.stop();
    expect(transport.sent).toHaveLength(2);
    for (const row of await db.outboxEmail.findMany({ where: { dossierId: id } })) expect(row.sentAt?.toISOString()).toBe(SIMULATED_FUTURE.toISOString());
    const { number } = await db.dossier.findUniqueOrThrow({ where: { id } });
    const mailbox = await readMailbox(db, admin, { status: "SENT", page: 1 });
    expect(mailbox.emails.map((email) => [email.dossierNumber, email.createdAt.toISOString(), email.sentAt?.toISOString()])).toEqual([
      [number, inCandidature.toISOString(), SIMULATED_FUTURE.toISOString()],
      [number, inCandidature.toISOString(), SIMULATED_FUTURE.toISOString()],
    ]);
  });

  it("a reminder written by the worker is created at the simulated instant", async () => {
    const guichet = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2026, opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" });
    const { ej, referent } = await establishment(db, "84", "CH du Rappel");
    await db.dossier.create({
      data: { number: "HC-J2026-990101", guichetId: guichet.id, carrierFiness: ej.finess, completedById: referent.id, legalEntities: { create: [{ legalEntityFiness: ej.finess, guichetId: guichet.id }] } },
    });
    // Three days before the closing day (Paris), the reminder is due.
    const simulated = new Date("2026-06-23T08:00:00.000Z");
    setClockForTests(simulated);
    const worker = startOutboxWorker(() => db, 60_000, { transport: null, log: quiet });
    await worker.runOnce();
    await worker.stop();
    const [reminder] = await db.outboxEmail.findMany();
    expect(reminder?.template).toBe("dossier-draft-reminder");
    expect(reminder?.createdAt.toISOString()).toBe(simulated.toISOString());
  });
});

describe("the mailbox read model", () => {
  it("shows the portal's instants: created and sent as written, the next attempt as the portal's clock will read once the real delay has passed", async () => {
    const portalNow = new Date("2026-06-01T08:00:00.000Z");
    setClockForTests(portalNow);
    await createStaffAccount(db, admin, { email: "echec@ars.sante.fr", name: "Envoi En Échec", role: "ARS_INSTRUCTOR", regionCode: "84" }, { at: now(), baseUrl: "https://guichet.example.fr" });
    const machineNow = new Date();
    // The SMTP server refuses: retried after 30 s of real time (random = 1: no jitter off the delay).
    const result = await dispatchOutbox(db, recordingTransport(true), { at: machineNow, portalClock: now, random: () => 1 });
    expect(result).toMatchObject({ claimed: 1, failed: 1 });

    const mailbox = await readMailbox(db, admin, { status: null, page: 1 }, { portalNow, machineNow });
    expect(mailbox.counts).toEqual({ PENDING: 1, SENT: 0 });
    const [email] = mailbox.emails;
    expect(email).toMatchObject({ toAddress: "echec@ars.sante.fr", status: "PENDING", attempts: 1, sentAt: null, dossierNumber: null });
    expect(email?.createdAt.toISOString()).toBe(portalNow.toISOString());
    expect(email?.nextAttemptAt.toISOString()).toBe(new Date(portalNow.getTime() + 30_000).toISOString());
    expect(email?.lastError).toContain("421 4.3.2");

    const sending = new Date(portalNow.getTime() + 90_000);
    setClockForTests(sending);
    await dispatchOutbox(db, recordingTransport(), { at: new Date(machineNow.getTime() + 30_000), portalClock: now });
    const sent = await readMailbox(db, admin, { status: "SENT", page: 1 }, { portalNow: sending });
    expect(sent.counts).toEqual({ PENDING: 0, SENT: 1 });
    expect(sent.emails.map((row) => [row.toAddress, row.sentAt?.toISOString()])).toEqual([["echec@ars.sante.fr", sending.toISOString()]]);
    expect((await readMailbox(db, admin, { status: "PENDING", page: 1 })).emails).toEqual([]);
  });

  it("pages newest first (page clamped to the last one), and is for DNS admins only", async () => {
    const base = new Date("2026-06-01T08:00:00.000Z");
    await db.outboxEmail.createMany({
      data: Array.from({ length: MAILBOX_PAGE_SIZE + 3 }, (_, index) => ({
        template: "test",
        toAddress: `r${index}@ch-test.fr`,
        subject: `Sujet ${index}`,
        textBody: "Bonjour,",
        createdAt: new Date(base.getTime() + index * 1_000),
      })),
    });
    const first = await readMailbox(db, admin, { status: null, page: 1 });
    expect(first).toMatchObject({ total: MAILBOX_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.emails[0]?.subject).toBe(`Sujet ${MAILBOX_PAGE_SIZE + 2}`);
    const last = await readMailbox(db, admin, { status: null, page: 99 });
    expect(last.page).toBe(2);
    expect(last.emails.map((email) => email.subject)).toEqual(["Sujet 2", "Sujet 1", "Sujet 0"]);

    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    await expect(readMailbox(db, instructor, { status: null, page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
