/**
 * The DNS reads the audit of one subject in the portal (issue 14 §2): newest first, paginated,
 * actor and French label, before → after, each row's place in the chain checked; nobody else may.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setAccountActive } from "@/lib/admin/accounts";
import { auditSubject, recordAuditAlone } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, auditOfSubject } from "@/lib/audit/read";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { asCurrentUser, createRegion, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  await createRegion(db, "84");
});

describe("auditOfSubject", () => {
  it("lists an account's rows for the DNS, with the actor, the French label, before → after and an intact chain", async () => {
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const target = await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" });
    await setAccountActive(db, admin, target.id, false, new Date("2026-03-10T09:00:00Z"));
    await setAccountActive(db, admin, target.id, true, new Date("2026-03-10T10:00:00Z"));
    const audit = await auditOfSubject(db, admin, auditSubject.user(target.id));
    expect(audit.title).toBe(`Compte de ${target.name} (${target.email})`);
    expect(audit.total).toBe(2);
    expect(audit.broken).toBe(0);
    expect(audit.rows.map((row) => [row.actionLabel, row.changes, row.status])).toEqual([
      ["Compte réactivé", ["active : non → oui"], "intact"],
      ["Compte désactivé", ["active : oui → non"], "intact"],
    ]);
    expect(audit.rows[0]?.actor).toMatchObject({ id: admin.id, name: admin.name, role: "DNS_ADMIN" });
    expect(audit.rows[0]?.details).toEqual([`email : ${target.email}`]);
  });

  it("marks an altered row, and the row after a deleted one, on the page", async () => {
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const subject = auditSubject.email(`altered-${Date.now()}@example.fr`);
    const ids: bigint[] = [];
    for (let index = 0; index < 4; index += 1) ids.push((await recordAuditAlone(db, { at: new Date(), actor: null, action: "auth.sign-in.unknown-email", subject, details: { index } })).id);
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"index": 9}' WHERE "id" = ${ids[0]}`;
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${ids[1]}`;
    const audit = await auditOfSubject(db, admin, subject);
    expect(audit.rows.map((row) => [row.id, row.status])).toEqual([
      [String(ids[3]), "intact"],
      [String(ids[2]), "link-broken"],
      [String(ids[0]), "content-altered"],
    ]);
    expect(audit.broken).toBe(2);
  });

  it("pages the rows", async () => {
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const subject = auditSubject.guichet(`paged-${Date.now()}`);
    for (let index = 0; index < AUDIT_PAGE_SIZE + 3; index += 1) await recordAuditAlone(db, { at: new Date(), actor: admin, action: "admin.export", subject, details: { index } });
    const second = await auditOfSubject(db, admin, subject, { page: 2 });
    expect(second).toMatchObject({ total: AUDIT_PAGE_SIZE + 3, page: 2, pageCount: 2 });
    expect(second.rows.map((row) => row.details)).toEqual([["index : 2"], ["index : 1"], ["index : 0"]]);
    expect((await auditOfSubject(db, admin, subject, { page: 99 })).page).toBe(2);
  });

  it.each(["ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "ESTABLISHMENT_REFERENT"] as const)("refuses a %s (ForbiddenError), whatever the page", async (role) => {
    const other = asCurrentUser(await createUser(db, { role, ...(role === "ARS_INSTRUCTOR" ? { regionCode: "84" } : {}) }));
    await expect(auditOfSubject(db, other, auditSubject.user(other.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
