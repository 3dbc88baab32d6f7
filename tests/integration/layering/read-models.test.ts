/**
 * The domain functions that took over the queries app/ used to run itself (issue 10 §1):
 * same answers, same checks, on a real database.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { moveDemoDate, parisLocalToInstant } from "@/lib/admin/demo-date";
import { importRunExists, importRunProgress } from "@/lib/admin/import-run-progress";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError } from "@/lib/errors";
import { isDatabaseReachable } from "@/lib/health/database-health";
import { instructorRegionName } from "@/lib/instruction/instructor-region";
import { asCurrentUser, createRegion, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let admin: CurrentUser;
let instructor: CurrentUser;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await createRegion(db, "84", "Auvergne-Rhône-Alpes");
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
});

describe("instructorRegionName (the ARS pages' titles)", () => {
  it("names the instructor's region", async () => {
    expect(await instructorRegionName(db, instructor)).toBe("Auvergne-Rhône-Alpes");
  });

  it("is null for an account without a region, and for a code the database does not know", async () => {
    expect(await instructorRegionName(db, { ...instructor, regionCode: null })).toBeNull();
    expect(await instructorRegionName(db, { ...instructor, regionCode: "99" })).toBeNull();
  });
});

describe("import runs, as the import page polls them", () => {
  it("gives a running import's progress, and null for an id no run has", async () => {
    const run = await db.importRun.create({
      data: { kind: "FINESS_FLAT_CSV", fileName: "finess.csv", sha256: "0".repeat(64), counts: { stage: "reading", bytes: 2048, read: 12, rejected: 1 } },
    });
    expect(await importRunProgress(db, admin, run.id)).toEqual({ status: "RUNNING", stage: "reading", bytes: 2048, read: 12, rejected: 1 });
    expect(await importRunProgress(db, admin, randomUUID())).toBeNull();
  });

  it("reads a run without counts as zero lines at no stage", async () => {
    const run = await db.importRun.create({ data: { kind: "SAE_SYGEN", fileName: "sae.csv", sha256: "1".repeat(64), status: "FAILED" } });
    expect(await importRunProgress(db, admin, run.id)).toEqual({ status: "FAILED", stage: null, bytes: null, read: 0, rejected: 0 });
  });

  it("knows whether an id was already sent", async () => {
    const id = randomUUID();
    expect(await importRunExists(db, admin, id)).toBe(false);
    await db.importRun.create({ data: { id, kind: "SAE_SYGEN", fileName: "sae.csv", sha256: "2".repeat(64) } });
    expect(await importRunExists(db, admin, id)).toBe(true);
  });

  it("answers DNS admins only", async () => {
    await expect(importRunProgress(db, instructor, randomUUID())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importRunExists(db, instructor, randomUUID())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("isDatabaseReachable (GET /api/health)", () => {
  it("is true when the database answers", async () => {
    expect(await isDatabaseReachable(() => db)).toBe(true);
  });

  it("is false when no client can be built (no DATABASE_URL) or the server does not answer", async () => {
    expect(
      await isDatabaseReachable(() => {
        throw new Error("DATABASE_URL n'est pas défini");
      }),
    ).toBe(false);
    const nowhere = createDatabaseClient("postgresql://guichet@127.0.0.1:1/guichet");
    try {
      expect(await isDatabaseReachable(() => nowhere)).toBe(false);
    } finally {
      await nowhere.$disconnect();
    }
  });
});

describe("moveDemoDate (the admin's demo clock)", () => {
  const saved = { demo: process.env.GUICHET_DEMO, date: process.env.GUICHET_DEMO_DATE };
  afterEach(() => {
    for (const [key, value] of [["GUICHET_DEMO", saved.demo], ["GUICHET_DEMO_DATE", saved.date]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("reads the wall-clock time as Paris time, winter and summer", () => {
    expect(parisLocalToInstant("2026-02-01T10:00").toISOString()).toBe("2026-02-01T09:00:00.000Z");
    expect(parisLocalToInstant("2026-06-26T23:59").toISOString()).toBe("2026-06-26T21:59:00.000Z");
  });

  it("refuses outside demo mode and records nothing", async () => {
    delete process.env.GUICHET_DEMO;
    await expect(moveDemoDate(db, admin, "2026-02-01T10:00")).rejects.toBeInstanceOf(InvalidStateError);
    expect(await db.auditEvent.count({ where: { action: "demo.clock.set" } })).toBe(0);
  });

  it("refuses anyone but a DNS admin", async () => {
    process.env.GUICHET_DEMO = "1";
    process.env.GUICHET_DEMO_DATE = "2026-02-01T09:00:00.000Z";
    await expect(moveDemoDate(db, instructor, "2026-02-01T10:00")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("in demo mode, moves the date and audits it with the time as typed", async () => {
    process.env.GUICHET_DEMO = "1";
    process.env.GUICHET_DEMO_DATE = "2026-02-01T09:00:00.000Z";
    const instant = await moveDemoDate(db, admin, "2026-07-01T10:00");
    expect(instant.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "demo.clock.set" } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: "DNS_ADMIN", details: { localDateTime: "2026-07-01T10:00" } });
  });
});
