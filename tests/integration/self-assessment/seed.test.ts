import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import type { Database } from "@/lib/db/client";
import { DEFAULT_QUESTIONNAIRE_ID } from "@/lib/self-assessment/default-questionnaire";
import { assertUsableForDeposit, findValidatedByNru, listSelfAssessments } from "@/lib/self-assessment/service";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { DEMO_FINESS } from "../../../prisma/seed-data/establishments";
import { DEMO_SELF_ASSESSMENT_IDS } from "../../../prisma/seed-data/questionnaire";
import { seedDemo } from "../../../prisma/seed-demo";
import { asCurrentUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
// The seed also stores the demo deposit's PDFs: not in the working tree's .data/storage.
const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-seed-"));
const storage = new LocalDiskStorage(storageRoot);

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await seedDemo(db, storage);
});

afterAll(() => fs.rmSync(storageRoot, { recursive: true, force: true }));

describe("demo self-assessments", () => {
  it("has the default questionnaire, a validated self-assessment of the GHT support EJ (15 May 2026, NRU) and a draft of the multi-site EJ", async () => {
    expect(await db.questionnaire.findUnique({ where: { id: DEFAULT_QUESTIONNAIRE_ID } })).not.toBeNull();
    const referent = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.referentGht.email }, include: { legalEntities: true } });
    const user = asCurrentUser(referent, referent.legalEntities.map((link) => link.legalEntityFiness));
    const [validated] = await listSelfAssessments(db, user, DEMO_FINESS.ghtSupport);
    expect(validated).toMatchObject({ id: DEMO_SELF_ASSESSMENT_IDS.validatedGhtSupport, status: "VALIDATED" });
    expect(validated?.nru).toMatch(new RegExp(`^IE-2026-${DEMO_FINESS.ghtSupport}-\\d{6}$`));
    expect(validated?.validatedAt?.toISOString()).toBe("2026-05-15T08:00:00.000Z");
    expect(validated?.progress.answered).toBe(validated?.progress.total);
    // Usable for the 2026 milestone deposit (source 003).
    const found = await findValidatedByNru(db, user, validated!.nru!);
    expect(() => assertUsableForDeposit(found, DEMO_FINESS.ghtSupport, 2026, new Date("2026-06-01T10:00:00+02:00"))).not.toThrow();
    expect(found.scores?.overall.percent).toBeGreaterThan(0);

    const draft = await db.selfAssessment.findUniqueOrThrow({ where: { id: DEMO_SELF_ASSESSMENT_IDS.draftMultiSiteEj } });
    expect(draft).toMatchObject({ legalEntityFiness: DEMO_FINESS.multiSiteEj, status: "DRAFT", nru: null });
  });

  it("is idempotent: a second run changes neither the rows nor the NRU", async () => {
    const before = await db.selfAssessment.findMany({ orderBy: { id: "asc" } });
    await seedDemo(db, storage);
    const after = await db.selfAssessment.findMany({ orderBy: { id: "asc" } });
    expect(after.map((row) => [row.id, row.nru, row.version])).toEqual(before.map((row) => [row.id, row.nru, row.version]));
    expect(await db.questionnaire.count()).toBe(1);
  });
});
