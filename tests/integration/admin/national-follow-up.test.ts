/**
 * National follow-up on a small dataset built as establishments and ARS do
 * (lib/dossiers service and instruction), compared with figures computed by
 * hand from source 000's ceiling tiers.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { followUpExportRecords, followUpGuichets, nationalFollowUp, regionFollowUp } from "@/lib/admin/national-follow-up";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { attachDocument, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { ForbiddenError } from "@/lib/errors";
import { asCurrentUser, createGuichet, createLegalEntity, createSelfAssessment, createSite, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { acceptedCandidature, arsAccepts, candidature, depositDraft, establishment, inDeposit, instructionGuichets, submittedDeposit } from "../support/dossier-builders";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/admin/export/route");

let db: Database;
let admin: CurrentUser;
let instructor: CurrentUser;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;
const finess: Record<string, string> = {};

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url;
  guichets = await instructionGuichets(db);
  // 84 — Alpha: 800 agents → 6 600 + 200 × 33 + 550 × 47 = 39 050 € a year.
  const alpha = await establishment(db, "84", "CH Alpha");
  // 84 — Beta: EG 1 declares 2023 (800) and 2022 (9 999, ignored); EG 2 declares 2024 (150 + 50) and 2023 (1, ignored)
  // → 1 000 agents → 6 600 + 6 600 + 750 × 47 = 48 450 € a year.
  const beta = await createLegalEntity(db, { regionCode: "84", name: "CH Beta" });
  await createSite(db, { legalEntityFiness: beta.finess, staff: [{ year: 2023, salaried: 800, liberal: 0 }, { year: 2022, salaried: 9_999, liberal: 0 }] });
  await createSite(db, { legalEntityFiness: beta.finess, staff: [{ year: 2024, salaried: 150, liberal: 50 }, { year: 2023, salaried: 1, liberal: 0 }] });
  const betaReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [beta.finess] }), [beta.finess]);
  // 84 — Gamma: a candidature left in draft; Delta: a category outside the eligible list, no dossier.
  const gamma = await establishment(db, "84", "CH Gamma");
  const delta = await createLegalEntity(db, { regionCode: "84", name: "EHPAD Delta", category: "4401" });
  // 53 — Kervidec: a transmitted candidature only.
  const kervidec = await establishment(db, "53", "Clinique de Kervidec");
  Object.assign(finess, { alpha: alpha.ej.finess, beta: beta.finess, gamma: gamma.ej.finess, delta: delta.finess, kervidec: kervidec.ej.finess });

  const alphaDeposit = await submittedDeposit(db, alpha.referent, alpha.ej.finess, guichets);
  // Beta: accepted candidature and 2026 deposit (note de cadrage + validated self-assessment), 30 000 € requested.
  await acceptedCandidature(db, betaReferent, beta.finess, guichets.candidature.id);
  const assessment = await createSelfAssessment(db, { legalEntityFiness: beta.finess, createdById: betaReferent.id, status: "VALIDATED" });
  const { id: betaDeposit } = await startDossier(db, betaReferent, { guichetId: guichets.deposit.id, carrierFiness: beta.finess }, inDeposit);
  const note = await createStoredFile(db, betaReferent.id, "note.pdf");
  const attestation = await createStoredFile(db, betaReferent.id, "attestation.pdf");
  await attachDocument(db, betaReferent, betaDeposit, { kind: "NOTE_DE_CADRAGE", fileId: note.id, legalEntities: [beta.finess] }, inDeposit);
  await attachDocument(db, betaReferent, betaDeposit, { kind: "EXPENSE_ATTESTATION", fileId: attestation.id, legalEntities: [beta.finess] }, inDeposit);
  const { version } = await saveDepositDraft(db, betaReferent, betaDeposit, 0, depositDraft(beta.finess, { nru: assessment.nru }), inDeposit);
  await submitDossier(db, betaReferent, betaDeposit, version, inDeposit);

  await candidature(db, gamma.referent, gamma.ej.finess, guichets.candidature.id, { draft: true });
  await candidature(db, kervidec.referent, kervidec.ej.finess, guichets.candidature.id);
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  // 29 500,50 € granted to Alpha.
  await arsAccepts(db, instructor, alphaDeposit.id, new Date("2026-07-01T10:00:00Z"), { [alpha.ej.finess]: 2_950_050 });
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
});

beforeEach(() => {
  session.user = admin;
});

describe("national follow-up of the 2026 deposit guichet", () => {
  it("counts EJ, eligible EJ, candidatures and dossiers by status per region, and sums ceilings and amounts", async () => {
    const followUp = await nationalFollowUp(db, admin, guichets.deposit.id);
    expect(followUp.candidatureGuichet?.id).toBe(guichets.candidature.id);
    const ara = followUp.regions.find((region) => region.code === "84")!;
    expect(ara).toMatchObject({
      legalEntities: 4,
      eligibleLegalEntities: 3,
      candidatures: 2,
      byStatus: { DRAFT: 0, SUBMITTED: 1, CHANGES_REQUESTED: 0, ACCEPTED: 1, REFUSED: 0 },
      legalEntitiesInDossiers: 2,
      ceilings: 3_905_000 + 4_845_000,
      requested: 3_000_000 + 3_000_000,
      // 2026: milestone complete → 100 % of the ceiling (source 000).
      eligible: 3_905_000 + 4_845_000,
      decided: 2_950_050,
    });
    const bretagne = followUp.regions.find((region) => region.code === "53")!;
    expect(bretagne).toMatchObject({ legalEntities: 1, eligibleLegalEntities: 1, candidatures: 1, legalEntitiesInDossiers: 0, ceilings: 0, decided: 0 });
    expect(followUp.total).toMatchObject({ legalEntities: 5, candidatures: 3, ceilings: 8_750_000, decided: 2_950_050 });
  });

  it("drills down into a region: its EJ with headcount (2024 > 2023 > 2022 per EG), status and amounts", async () => {
    const { rows, sums } = await regionFollowUp(db, admin, guichets.deposit.id, "84");
    expect(rows.map((row) => [row.name, row.status, row.headcount, row.ceiling, row.requested, row.eligible, row.decided])).toEqual([
      ["CH Alpha", "ACCEPTED", 800, 3_905_000, 3_000_000, 3_905_000, 2_950_050],
      ["CH Beta", "SUBMITTED", 1_000, 4_845_000, 3_000_000, 4_845_000, null],
    ]);
    expect(sums.ceilings).toBe(8_750_000);
  });
});

describe("SAE staff of an EG the FINESS register does not list (issue 12 §6)", () => {
  it("counts for the EJ named by its FI_EJ, and a year its listed EG declares itself is not counted twice", async () => {
    const [, second] = await db.site.findMany({ where: { legalEntityFiness: finess.beta }, orderBy: { finess: "asc" } });
    await db.saeUnlistedStaffCount.createMany({
      data: [
        // An EG of Beta the register does not list: 2024, 90 + 10 = 100 agents.
        { siteFiness: "999999991", legalEntityFiness: finess.beta!, year: 2024, salaried: 90, liberal: 10 },
        // Beta's second EG declares 2024 itself (150 + 50): this SAE-only row of the same EG and year is ignored.
        { siteFiness: second!.finess, legalEntityFiness: finess.beta!, year: 2024, salaried: 5_000, liberal: 0 },
      ],
    });
    try {
      const { rows } = await regionFollowUp(db, admin, guichets.deposit.id, "84");
      // 1 100 agents → 6 600 + 6 600 + 850 × 47 = 53 150 € a year (source 000's tiers).
      expect(rows.find((row) => row.name === "CH Beta")).toMatchObject({ headcount: 1_100, ceiling: 5_315_000 });
    } finally {
      await db.saeUnlistedStaffCount.deleteMany({ where: { legalEntityFiness: finess.beta } });
    }
  });
});

describe("national follow-up of the candidature guichet", () => {
  it("counts drafts by status but sums only transmitted dossiers; no eligible amount outside deposits", async () => {
    const followUp = await nationalFollowUp(db, admin, guichets.candidature.id);
    const ara = followUp.regions.find((region) => region.code === "84")!;
    // Alpha and Beta deposited in June: their candidatures were accepted by the ARS in March.
    expect(ara.byStatus).toMatchObject({ DRAFT: 1, ACCEPTED: 2 });
    expect(ara).toMatchObject({ candidatures: 2, legalEntitiesInDossiers: 2, ceilings: 8_750_000, eligible: 0 });
    expect(followUp.regions.find((region) => region.code === "53")).toMatchObject({ ceilings: 3_905_000, candidatures: 1 });
  });
});

describe("the guichet the follow-up opens on (issue 9, §2.9)", () => {
  it("is the one in progress, else the last closed one — never an empty guichet still to come", async () => {
    // Besides the 2026 candidature (15 Jan.–13 Feb., instruction until 31 March) and 2026 milestone (4 May–26 June, until 15 Sept.):
    const aap = await createGuichet(db, { kind: "PROJECT_CALL", programme: "AAP_HOPEN2", year: 2026, opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" });
    const milestone2027 = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2027, opensOn: "2027-05-03", closesOn: "2027-06-11", instructionEndsOn: "2027-09-15" });
    const at = async (today: string) => {
      const { guichets: listed, defaultGuichetId } = await followUpGuichets(db, admin, today);
      return { listed, chosen: listed.find((guichet) => guichet.id === defaultGuichetId) ?? null };
    };

    // 1 June 2026 (the demo date): the list starts with the 2027 guichet, still to come and empty; the follow-up opens on the open 2026 milestone.
    const june = await at("2026-06-01");
    expect(june.listed.map((guichet) => [guichet.id, guichet.phase])).toEqual([
      [milestone2027.id, "upcoming"],
      [guichets.deposit.id, "open"],
      [aap.id, "instruction"],
      [guichets.candidature.id, "finished"],
    ]);
    expect(june.chosen?.id).toBe(guichets.deposit.id);
    expect((await nationalFollowUp(db, admin, june.chosen!.id)).total.byStatus).toMatchObject({ SUBMITTED: 1, ACCEPTED: 1 });
    expect((await nationalFollowUp(db, admin, milestone2027.id)).total.byStatus).toMatchObject({ DRAFT: 0, SUBMITTED: 0, ACCEPTED: 0 });

    // No guichet open: the one in instruction (the AAP's ends first), then the last closed one.
    expect((await at("2026-07-01")).chosen?.id).toBe(aap.id);
    expect((await at("2026-08-01")).chosen?.id).toBe(guichets.deposit.id);
    expect((await at("2026-12-01")).chosen).toMatchObject({ id: guichets.deposit.id, phase: "finished" });
    // Before any opening: none (the page says so and lets the admin choose).
    expect((await at("2026-01-01")).chosen).toBeNull();
  });
});

describe("only DNS admins", () => {
  it("gets ForbiddenError from the domain functions when not an admin", async () => {
    await expect(followUpGuichets(db, instructor, "2026-06-01")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(nationalFollowUp(db, instructor, guichets.deposit.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(regionFollowUp(db, instructor, guichets.deposit.id, "84")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(followUpExportRecords(db, instructor, guichets.deposit.id, null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("GET /api/admin/export", () => {
  it("CSV of a region: one line per EJ with status and decided amount per year, audited", async () => {
    const response = await GET(new Request(`http://localhost/api/admin/export?guichet=${guichets.deposit.id}&format=csv&region=84`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n").filter(Boolean).map((line) => line.split(";"));
    expect(lines[0]).toEqual(["FINESS EJ", "Raison sociale EJ", "Code région", "Région", "Statut du dossier", "Montant décidé 2026 (€)", "Montant décidé 2027 (€)", "Montant décidé 2028 (€)"]);
    expect(lines.slice(1)).toEqual([
      [finess.alpha, "CH Alpha", "84", "Région 84", "Accepté", "29500,50", "", ""],
      [finess.beta, "CH Beta", "84", "Région 84", "Transmis à l'ARS", "", "", ""],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.export", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ format: "csv", region: "84", rows: 2 });
  });

  it("XLSX of all regions, amounts as numbers", async () => {
    const response = await GET(new Request(`http://localhost/api/admin/export?guichet=${guichets.deposit.id}&format=xlsx`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe(finess.alpha);
    expect(sheet.getRow(2).getCell(6).value).toBe(29_500.5);
  });

  it("refuses a non-admin (403) and an unknown format (400)", async () => {
    session.user = instructor;
    expect((await GET(new Request(`http://localhost/api/admin/export?guichet=${guichets.deposit.id}&format=csv`))).status).toBe(403);
    session.user = admin;
    expect((await GET(new Request(`http://localhost/api/admin/export?guichet=${guichets.deposit.id}&format=pdf`))).status).toBe(400);
    expect((await GET(new Request(`http://localhost/api/admin/export?guichet=inconnu&format=csv`))).status).toBe(404);
  });
});
