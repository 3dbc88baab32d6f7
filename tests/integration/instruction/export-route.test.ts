/**
 * GET /api/ars/export called as Next calls it (a Web Request in, a Response out),
 * on a real database. Only the session is replaced.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { arsAccepts, candidature, directDossier, establishment, ghtEstablishment, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { careGuichet } from "../support/care-releve-builders";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("@/app/api/ars/export/route");
const { GET: ansExport } = await import("@/app/api/ans/export/route");

let db: Database;
let ara: CurrentUser;
let bretagne: CurrentUser;
let admin: CurrentUser;
let referent: CurrentUser;
let ans: CurrentUser;
const numbers: Record<string, string> = {};
const finess: Record<string, string> = {};

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url; // the route uses the process-wide client
  const guichets = await instructionGuichets(db);
  const alpha = await establishment(db, "84", "Centre hospitalier Alpha");
  const ght = await ghtEstablishment(db, "84", "84777");
  const draft = await establishment(db, "84", "CH Brouillon");
  const kervidec = await establishment(db, "53", "Clinique de Kervidec");
  Object.assign(finess, { alpha: alpha.ej.finess, support: ght.support.finess, member: ght.member.finess, draft: draft.ej.finess, kervidec: kervidec.ej.finess });
  const deposit = await submittedDeposit(db, alpha.referent, alpha.ej.finess, guichets);
  const ghtId = await candidature(db, ght.referent, ght.support.finess, guichets.candidature.id, { ght: true });
  await candidature(db, draft.referent, draft.ej.finess, guichets.candidature.id, { draft: true });
  await candidature(db, kervidec.referent, kervidec.ej.finess, guichets.candidature.id);
  ara = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  // Alpha's candidature was accepted in March by the builder (a deposit needs it).
  // 29 500,50 € granted, below the 30 000 € capped amount.
  await arsAccepts(db, ara, deposit.id, new Date("2026-07-01T22:30:00Z"), { [alpha.ej.finess]: 2_950_050 });
  numbers.deposit = (await db.dossier.findUniqueOrThrow({ where: { id: deposit.id } })).number;
  numbers.ght = (await db.dossier.findUniqueOrThrow({ where: { id: ghtId } })).number;
  numbers.alphaCandidature = (await db.dossier.findFirstOrThrow({ where: { carrierFiness: alpha.ej.finess, guichetId: guichets.candidature.id } })).number;
  bretagne = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
  referent = alpha.referent;
  // The ANS's CaRE relèves: Alpha's (84, transmitted), Kervidec's (53, transmitted), a draft (84). The ARS exports none of them.
  const care = await careGuichet(db);
  numbers.careAlpha = (await directDossier(db, { guichet: care, carrierFiness: alpha.ej.finess, referent: alpha.referent, status: "SUBMITTED" })).number;
  numbers.careKervidec = (await directDossier(db, { guichet: care, carrierFiness: kervidec.ej.finess, referent: kervidec.referent, status: "SUBMITTED" })).number;
  numbers.careDraft = (await directDossier(db, { guichet: care, carrierFiness: draft.ej.finess, referent: draft.referent, status: "DRAFT" })).number;
  ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
});

beforeEach(() => {
  session.user = ara;
});

function exportOf(query: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/ars/export?${query}`));
}

async function csvOf(query: string): Promise<{ response: Response; bytes: Uint8Array; lines: string[][] }> {
  const response = await exportOf(query);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const lines = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean).map((line) => line.split(";"));
  return { response, bytes, lines };
}

describe("GET /api/ars/export?format=csv", () => {
  it("UTF-8 with a BOM, ';' and French headers; one row per EJ of the region's transmitted dossiers, drafts and other regions left out", async () => {
    const { response, bytes, lines } = await csvOf("format=csv&tri=numero");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="dossiers-ars-84-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines;
    expect(header!.slice(0, 5)).toEqual(["FINESS EJ", "Raison sociale EJ", "GHT", "FINESS EJ porteur du dossier", "N° de dossier"]);
    // Alpha: candidature + deposit; the GHT's candidature: 2 EJ → 4 rows.
    expect(rows).toHaveLength(4);
    const columnsOf = (name: string) => header!.indexOf(name);
    const finessColumn = rows.map((row) => row[columnsOf("FINESS EJ")]);
    expect(finessColumn).not.toContain(finess.kervidec);
    expect(finessColumn).not.toContain(finess.draft);
    const ghtRows = rows.filter((row) => row[columnsOf("N° de dossier")] === numbers.ght);
    expect(ghtRows.map((row) => row[columnsOf("FINESS EJ")]).sort()).toEqual([finess.support, finess.member].sort());
    expect(ghtRows.every((row) => row[columnsOf("FINESS EJ porteur du dossier")] === finess.support)).toBe(true);
    const deposit = rows.find((row) => row[columnsOf("N° de dossier")] === numbers.deposit)!;
    const cell = (name: string) => deposit[columnsOf(name)];
    expect(cell("Statut")).toBe("Accepté");
    expect(cell("Date de transmission")).toBe("01/06/2026");
    expect(cell("Date de décision")).toBe("02/07/2026"); // 22:30 UTC is the next day in Paris
    expect(cell("Effectif SAE")).toBe("800");
    expect(cell("Montant plafond annuel, ou enveloppe CaRE (€)")).toBe("39050,00");
    expect(cell("Dépenses RH internes (€)")).toBe("10000,00");
    expect(cell("Montant demandé (€)")).toBe("30000,00");
    expect(cell("Montant éligible de l'année, ou dépenses éligibles CaRE (€)")).toBe("39050,00");
    expect(cell("Montant maximal accordable (€)")).toBe("30000,00");
    expect(cell("Montant décidé (€)")).toBe("29500,50");
    // Below the maximum, with the ARS's reason (tests/integration/support/dossier-builders: arsAccepts).
    expect(cell("Motif du montant décidé inférieur au maximal")).toBe("Montant ajusté par l'ARS.");
    const accepted = rows.find((row) => row[columnsOf("N° de dossier")] === numbers.alphaCandidature)!;
    expect(accepted[columnsOf("Statut")]).toBe("Accepté");
    expect(accepted[columnsOf("Date de décision")]).toBe("02/03/2026");
  });

  it("exports the queue as filtered (same parameters as the page)", async () => {
    const accepted = await csvOf("format=csv&statut=ACCEPTED");
    expect(accepted.lines.slice(1).map((row) => row[4]).sort()).toEqual([numbers.alphaCandidature, numbers.deposit].sort());
    const member = await csvOf(`format=csv&ej=${finess.member}`);
    expect(new Set(member.lines.slice(1).map((row) => row[4]))).toEqual(new Set([numbers.ght]));
    const none = await csvOf("format=csv&q=Kervidec");
    expect(none.lines).toHaveLength(1); // the header only
  });

  it("audits each export (ars.export) with the format, the filters and the number of dossiers", async () => {
    await csvOf("format=csv&statut=SUBMITTED");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ars.export", actorId: ara.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorRole: "ARS_INSTRUCTOR", subject: "region:84" });
    expect(audit.details).toMatchObject({ format: "csv", filters: { statut: "SUBMITTED" }, dossiers: 1 });
  });

  it("an instructor of another region exports their region only", async () => {
    session.user = bretagne;
    const { lines } = await csvOf("format=csv");
    expect(lines.slice(1).map((row) => row[0])).toEqual([finess.kervidec]);
  });
});

describe("GET /api/ars/export?format=xlsx", () => {
  it("a real workbook: same rows, amounts as numbers in euros, dates as dates", async () => {
    const response = await exportOf("format=xlsx&tri=numero");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Dossiers")!;
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe("FINESS EJ");
    const rows = Array.from({ length: 4 }, (_, index) => (sheet.getRow(index + 2).values as unknown[]).slice(1));
    const deposit = rows.find((row) => row[header.indexOf("N° de dossier")] === numbers.deposit)!;
    expect(deposit[header.indexOf("Montant plafond annuel, ou enveloppe CaRE (€)")]).toBe(39_050);
    expect(deposit[header.indexOf("Montant décidé (€)")]).toBe(29_500.5);
    expect(deposit[header.indexOf("Date de transmission")]).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(rows.map((row) => row[0])).not.toContain(finess.kervidec);
  });
});

describe("GET /api/ans/export (the same route, for the ANS's national queue)", () => {
  async function ansCsv(query: string) {
    const response = await ansExport(new Request(`http://localhost/api/ans/export?${query}`));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer()));
    return { response, lines: text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean).map((line) => line.split(";")) };
  }

  it("exports the transmitted CaRE relèves of every region only, named and audited as the ANS's", async () => {
    session.user = ans;
    const { response, lines } = await ansCsv("format=csv&tri=numero");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="releves-care-ans-national-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(lines.slice(1).map((row) => row[4]).sort()).toEqual([numbers.careAlpha, numbers.careKervidec].sort());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ans.export", actorId: ans.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorRole: "ANS_INSTRUCTOR", subject: "national" });
    expect(audit.details).toMatchObject({ format: "csv", dossiers: 2 });
  });

  it("with the region filter of the page", async () => {
    session.user = ans;
    const { response, lines } = await ansCsv("format=csv&region=53");
    expect(response.headers.get("content-disposition")).toMatch(/filename="releves-care-ans-53-/);
    expect(lines.slice(1).map((row) => row[4])).toEqual([numbers.careKervidec]);
  });

  it("the ARS's export never holds a CaRE relève, not even of its region", async () => {
    session.user = ara;
    const { lines } = await csvOf("format=csv");
    expect(lines.slice(1).map((row) => row[4])).not.toContain(numbers.careAlpha);
  });
});

describe("refusals", () => {
  it("401 without a session, 403 for a referent and for a DNS admin (instructors only), 400 for an unknown format", async () => {
    session.user = null;
    expect((await exportOf("format=csv")).status).toBe(401);
    session.user = referent;
    expect((await exportOf("format=csv")).status).toBe(403);
    session.user = admin;
    expect((await exportOf("format=csv")).status).toBe(403);
    session.user = ara;
    const bad = await exportOf("format=pdf");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/csv ou xlsx/);
  });
});
