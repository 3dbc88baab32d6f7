import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { hospiconnectAnnualCeiling } from "@/lib/funding";
import { listGuichets } from "@/lib/guichets/guichets";
import { verifyAuditChain } from "@/lib/audit/verify";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { DEMO_FINESS, LEGAL_ENTITIES } from "../../prisma/seed-data/establishments";
import { seedDemo } from "../../prisma/seed-demo";
import { asCurrentUser } from "./support/factories";
import { useTestDatabase } from "./support/test-database";

let db: Database;
// The seed stores the demo deposit's PDFs: in a directory of this file's own.
const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-seed-"));
const storage = new LocalDiskStorage(storageRoot);

const counts = async () => ({
  regions: await db.region.count(),
  legalEntities: await db.legalEntity.count(),
  sites: await db.site.count(),
  ghts: await db.ght.count(),
  staffCounts: await db.saeStaffCount.count(),
  guichets: await db.guichet.count(),
  users: await db.user.count(),
  links: await db.referentLink.count(),
  careEnvelopes: await db.careEnvelope.count(),
  selfAssessments: await db.selfAssessment.count(),
  dossiers: await db.dossier.count(),
  events: await db.dossierEvent.count(),
  submissions: await db.dossierSubmission.count(),
  files: await db.storedFile.count(),
  storedObjects: fs.readdirSync(storageRoot, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length,
});

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await seedDemo(db, storage);
});

afterAll(() => fs.rmSync(storageRoot, { recursive: true, force: true }));

describe("demo seed", () => {
  it("is idempotent: a second run creates no duplicate", async () => {
    const before = await counts();
    await seedDemo(db, storage);
    expect(await counts()).toEqual(before);
    expect(before.regions).toBe(18);
    // Montbrasset's candidature, the ESPIC's candidature and 2026 milestone with its two PDFs.
    expect(before).toMatchObject({ dossiers: 3, files: 2, storedObjects: 2 });
  });

  it("writes its audit rows through the chain: it verifies (issue 14 §2)", async () => {
    const report = await verifyAuditChain(db);
    expect(report.breaks).toEqual([]);
    expect(report.rows).toBeGreaterThan(0);
  });

  it("covers every ceiling tier of source 000 with the staff counts of its EG (30, 75, 300, 800, 6 000, 12 000 agents)", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin.email } });
    const entities = await listLegalEntitiesForUser(db, asCurrentUser(admin));
    const headcounts = entities.map((entity) => entity.headcount);
    expect(headcounts).toEqual(expect.arrayContaining([30, 75, 300, 800, 6000, 12000]));
    for (const entity of entities) {
      expect(entity.headcount).toBe(LEGAL_ENTITIES.find((seed) => seed.finess === entity.finess)?.expectedHeadcount);
    }
    // source 000 (000_1a898dec8b2a4de4.txt): the 800-agent example, 39 050 € a year.
    const example = entities.find((entity) => entity.finess === DEMO_FINESS.multiSiteEj);
    expect(example?.annualCeiling).toBe(3_905_000);
    expect(example?.sites.length).toBeGreaterThan(1);
    expect(new Set(entities.map((entity) => entity.regionCode)).size).toBeGreaterThanOrEqual(2);
    expect(entities.some((entity) => entity.legalStatus !== "PUBLIC")).toBe(true);
    expect(entities.find((entity) => entity.headcount === 12000)?.annualCeiling).toBe(hospiconnectAnnualCeiling(12000));
  });

  it("gives the GHT support referent the whole GHT, and every demo account the shared password", async () => {
    const referent = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.referentGht.email }, include: { legalEntities: true } });
    const visible = await listLegalEntitiesForUser(db, asCurrentUser(referent, referent.legalEntities.map((link) => link.legalEntityFiness)));
    expect(visible.map((entity) => entity.finess).sort()).toEqual([DEMO_FINESS.ghtSupport, DEMO_FINESS.ghtMemberMultiSite, DEMO_FINESS.ghtMemberMonoSite].sort());
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it("loads the official calendar: the 2026 milestone guichet is open on the demo date", async () => {
    const guichets = await listGuichets(db, "2026-06-01");
    const jalon = guichets.find((guichet) => guichet.closesOn === "2026-06-26");
    expect(jalon).toMatchObject({ opensOn: "2026-05-04", instructionEndsOn: "2026-09-15", phase: "open" });
    expect(guichets.find((guichet) => guichet.closesOn === "2026-02-13")?.phase).toBe("finished");
    expect(guichets.map((guichet) => guichet.closesOn)).toEqual(expect.arrayContaining(["2027-06-11", "2028-06-16", "2026-05-29", "2026-07-15"]));
  });

  it("seeds the three CaRE relèves (source 003: « Du 15 juin au 15 juillet 2026 ») and the demo envelopes, source 003's 39 380,00 € for the demo EJ", async () => {
    const releves = await db.guichet.findMany({ where: { programme: "HOSPICONNECT_CARE" }, orderBy: { year: "asc" }, select: { kind: true, year: true, label: true } });
    expect(releves).toEqual([2026, 2027, 2028].map((year) => ({ kind: "CARE_RELEVE", year, label: `HospiConnect – CaRE – Relève ${year}` })));
    const envelope = await db.careEnvelope.findUnique({ where: { legalEntityFiness: DEMO_FINESS.multiSiteEj } });
    expect(envelope?.amountCents).toBe(3_938_000n);
    // An envelope the DNS changed is not put back by a new seed.
    await db.careEnvelope.update({ where: { legalEntityFiness: DEMO_FINESS.multiSiteEj }, data: { amountCents: 100n } });
    await seedDemo(db, storage);
    expect((await db.careEnvelope.findUnique({ where: { legalEntityFiness: DEMO_FINESS.multiSiteEj } }))?.amountCents).toBe(100n);
  });
});
