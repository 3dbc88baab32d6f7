/**
 * The audit hash chain on a real PostgreSQL (issue 14 §2, « Done when: the chain verification
 * test »): rows written through recordAudit verify; a row altered, deleted or inserted by hand, a
 * hash removed, the tail rewritten with recomputed hashes, or a digest tampered with is reported
 * at the right place; concurrent audited transactions still form one chain.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { auditSubject, recordAudit, recordAuditAlone, type AuditEntry } from "@/lib/audit";
import { auditRowHash } from "@/lib/audit/chain";
import { recordDailyDigests } from "@/lib/audit/digest";
import { describeAuditBreak, verifyAuditChain } from "@/lib/audit/verify";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "../support/test-database";

let db: Database;

// Each test gets its own database: the chain is the whole table.
beforeEach(async () => {
  db = (await useTestDatabase()).db;
});

function entry(index: number, at = new Date(`2026-03-${String(10 + (index % 3)).padStart(2, "0")}T10:00:00Z`)): AuditEntry {
  return {
    at,
    actor: { id: `user-${index}`, role: "DNS_ADMIN" },
    action: "admin.account.disabled",
    subject: auditSubject.user(`u${index}`),
    before: { active: true, when: new Date("2026-01-01T00:00:00Z"), nested: { b: 2, a: [1, "x", null] } },
    after: { active: false },
    details: { email: `u${index}@example.fr`, count: 10n, ratio: 0.1 },
    correlationId: `corr-${index}`,
  };
}

async function writeRows(count: number): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let index = 0; index < count; index += 1) ids.push((await recordAuditAlone(db, entry(index))).id);
  return ids;
}

describe("verifyAuditChain", () => {
  it("finds the rows written through recordAudit intact, after the migration's start marker", async () => {
    await writeRows(5);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, rows: 5, legacyRows: 1, breakCount: 0 });
    expect(report.first?.at.toISOString()).toBe("2026-03-10T10:00:00.000Z");
    // Stored exactly as hashed: Dates as ISO strings, bigints as text.
    const row = await db.auditEvent.findFirstOrThrow({ where: { id: report.last!.id } });
    expect(row.details).toEqual({ email: "u4@example.fr", count: "10", ratio: 0.1 });
    expect(row.before).toEqual({ active: true, when: "2026-01-01T00:00:00.000Z", nested: { b: 2, a: [1, "x", null] } });
  });

  it("reports a row whose details were altered with raw SQL, at that row", async () => {
    const ids = await writeRows(4);
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = jsonb_set("details", '{email}', '"autre@example.fr"') WHERE "id" = ${ids[2]}`;
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([{ kind: "content-altered", id: ids[2] }]);
    expect(describeAuditBreak(report.breaks[0]!)).toBe(`ligne ${ids[2]} : contenu modifié (son empreinte ne correspond plus à son contenu)`);
  });

  it("reports an altered actor or date as well as an altered JSON member", async () => {
    const ids = await writeRows(3);
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE "id" = ${ids[0]}`;
    await db.$executeRaw`UPDATE "AuditEvent" SET "at" = "at" + interval '1 second' WHERE "id" = ${ids[1]}`;
    expect((await verifyAuditChain(db)).breaks.map((found) => [found.kind, "id" in found ? found.id : null])).toEqual([
      ["content-altered", ids[0]],
      ["content-altered", ids[1]],
    ]);
  });

  it("reports a deleted row as a broken link at the row after it", async () => {
    const ids = await writeRows(4);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${ids[1]}`;
    const report = await verifyAuditChain(db);
    expect(report.breaks).toEqual([{ kind: "link-broken", id: ids[2], previousId: ids[0] }]);
    expect(describeAuditBreak(report.breaks[0]!)).toContain("lien rompu");
  });

  it("reports a row inserted by hand without hash, and the chain resumes after it", async () => {
    await writeRows(2);
    const [{ id } = { id: 0n }] = await db.$queryRaw<{ id: bigint }[]>`INSERT INTO "AuditEvent" ("action", "subject") VALUES ('admin.export', 'national') RETURNING "id"`;
    await writeRows(2);
    expect((await verifyAuditChain(db)).breaks).toEqual([{ kind: "unchained", id }]);
  });

  it("reports a rewritten tail (every hash recomputed after an altered row) through the daily digest", async () => {
    const ids = await writeRows(6);
    expect(await recordDailyDigests(db, "2026-03-13")).toBe(3);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // The forger alters row 2 and recomputes every hash after it, so that every link holds.
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = jsonb_set("details", '{email}', '"forge@example.fr"') WHERE "id" = ${ids[1]}`;
    const rows = await db.auditEvent.findMany({ where: { id: { gte: ids[1]! } }, orderBy: { id: "asc" } });
    let prevHash = (await db.auditEvent.findUniqueOrThrow({ where: { id: ids[0]! } })).hash!;
    for (const row of rows) {
      const hash = auditRowHash({ ...row, prevHash });
      await db.auditEvent.update({ where: { id: row.id }, data: { prevHash, hash } });
      prevHash = hash;
    }
    const report = await verifyAuditChain(db);
    expect(report.breaks.filter((found) => found.kind !== "digest-mismatch")).toEqual([]);
    expect(report.breaks).toEqual([
      { kind: "digest-mismatch", day: "2026-03-10", lastId: ids[3], reason: "hash-differs" },
      { kind: "digest-mismatch", day: "2026-03-11", lastId: ids[4], reason: "hash-differs" },
      { kind: "digest-mismatch", day: "2026-03-12", lastId: ids[5], reason: "hash-differs" },
    ]);
    expect(describeAuditBreak(report.breaks[0]!)).toBe(`condensé du 2026-03-10 (ligne ${ids[3]}) : ne correspond plus — l'empreinte de la ligne a changé`);
  });

  it("reports a tampered digest", async () => {
    const ids = await writeRows(3);
    await recordDailyDigests(db, "2026-03-13");
    await db.$executeRaw`UPDATE "AuditDigest" SET "rows" = "rows" + 1 WHERE "day" = '2026-03-11'`;
    await db.$executeRaw`UPDATE "AuditDigest" SET "lastHash" = repeat('a', 64) WHERE "day" = '2026-03-12'`;
    expect((await verifyAuditChain(db)).breaks).toEqual([
      { kind: "digest-mismatch", day: "2026-03-11", lastId: ids[1], reason: "row-count-differs" },
      { kind: "digest-mismatch", day: "2026-03-12", lastId: ids[2], reason: "hash-differs" },
    ]);
  });

  it("reports the deletion of the last rows up to a digested day", async () => {
    const ids = await writeRows(3);
    await recordDailyDigests(db, "2026-03-13");
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" >= ${ids[1]}`;
    expect((await verifyAuditChain(db)).breaks).toEqual([
      { kind: "digest-mismatch", day: "2026-03-11", lastId: ids[1], reason: "row-missing" },
      { kind: "digest-mismatch", day: "2026-03-12", lastId: ids[2], reason: "row-missing" },
    ]);
  });
});

describe("recordDailyDigests", () => {
  it("digests each finished Paris day once, never today, and pins the last row before Paris midnight", async () => {
    // 22:30 UTC on 10 March is 23:30 in Paris (still the 10th); 23:30 UTC is the 11th in Paris.
    const late = (await recordAuditAlone(db, entry(0, new Date("2026-03-10T22:30:00Z")))).id;
    await recordAuditAlone(db, entry(1, new Date("2026-03-10T23:30:00Z")));
    expect(await recordDailyDigests(db, "2026-03-11")).toBe(1);
    expect(await recordDailyDigests(db, "2026-03-11")).toBe(0);
    const [digest] = await db.auditDigest.findMany();
    expect(digest).toMatchObject({ lastId: late, rows: 1 });
    expect(digest!.day.toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(await recordDailyDigests(db, "2026-03-13")).toBe(2);
    expect((await db.auditDigest.findMany({ orderBy: { day: "asc" } })).map((row) => [row.day.toISOString().slice(0, 10), row.rows])).toEqual([
      ["2026-03-10", 1],
      ["2026-03-11", 2],
      ["2026-03-12", 2],
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("recordAudit under concurrency", () => {
  it("chains rows of parallel transactions in one total order", async () => {
    const writers = Array.from({ length: 12 }, (_, index) =>
      db.$transaction(async (tx) => {
        // Work before the first audit write runs in parallel; from it to the commit, the writers take turns.
        await tx.$queryRaw`SELECT 1 AS "slept" FROM pg_sleep(${(index % 4) / 100})`;
        await recordAudit(tx, entry(index));
        await tx.$queryRaw`SELECT 1 AS "slept" FROM pg_sleep(0.005)`;
        await recordAudit(tx, entry(index + 100));
      }),
    );
    await Promise.all(writers);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, rows: 24 });
  });

  it("leaves no trace of a transaction rolled back after its audit row", async () => {
    await writeRows(1);
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, entry(1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await writeRows(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
  });

  it("refuses a REPEATABLE READ transaction, whose snapshot could miss the last row", async () => {
    await expect(db.$transaction((tx) => recordAudit(tx, entry(1)), { isolationLevel: "RepeatableRead" })).rejects.toThrow(/READ COMMITTED/);
  });
});
