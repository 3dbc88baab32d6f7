/**
 * GET /api/dossiers/[id]/recepisses/[sequence] called as Next calls it (a Web Request in, a
 * Response out), on a real database. Only the session is replaced (getCurrentUser reads
 * next-auth's cookie otherwise); the PDF is rendered for real and read back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { setClockForTests } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { formatEuros } from "@/lib/funding";
import { readPdfText, withoutWhitespace } from "../../support/pdf-text-layout";
import { candidature, establishment, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("@/app/api/dossiers/[id]/recepisses/[sequence]/route");

let db: Database;
let referent: CurrentUser;
let otherReferent: CurrentUser;
let instructor: CurrentUser;
let otherRegionInstructor: CurrentUser;
let depositId: string;
let depositNumber: string;
let candidatureId: string;
let finess: string;

beforeAll(async () => {
  const database = await useTestDatabase();
  db = database.db;
  process.env.DATABASE_URL = database.url; // the route uses the process-wide client
  const guichets = await instructionGuichets(db);
  const alpha = await establishment(db, "84", "Centre hospitalier Alpha");
  const other = await establishment(db, "84", "Centre hospitalier Bêta");
  referent = alpha.referent;
  otherReferent = other.referent;
  finess = alpha.ej.finess;
  depositId = (await submittedDeposit(db, referent, finess, guichets)).id;
  depositNumber = (await db.dossier.findUniqueOrThrow({ where: { id: depositId } })).number;
  candidatureId = (await db.dossier.findFirstOrThrow({ where: { carrierFiness: finess, guichetId: guichets.candidature.id } })).id;
  await candidature(db, otherReferent, other.ej.finess, guichets.candidature.id);
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  otherRegionInstructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
});

afterAll(async () => {
  setClockForTests(null);
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
});

beforeEach(() => {
  session.user = referent;
});

function receipt(id: string, sequence: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/dossiers/${id}/recepisses/${sequence}`), { params: Promise.resolve({ id, sequence }) });
}

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

describe("GET /api/dossiers/[id]/recepisses/[sequence]", () => {
  it("gives the establishment the récépissé of its transmission, from the snapshot, and records the download at the portal's time", async () => {
    const downloadedAt = new Date("2026-06-03T07:30:00Z");
    setClockForTests(downloadedAt);
    const response = await receipt(depositId, "1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="recepisse-${depositNumber}-1.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const pdf = await readPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.info.Title).toBe(`Récépissé ${depositNumber} — transmission 1`);
    expect(pdf.text).toContain(finess);
    expect(pdf.text).toContain("le 1 juin 2026 à 10:00 (heure de Paris)");
    // The builders' deposit: 10 000 + 15 000 + 5 000 € declared, 30 000 € requested, both attestations ticked.
    expect(withoutWhitespace(pdf.text)).toContain(withoutWhitespace(`Total des dépenses déclarées ${formatEuros(3_000_000)}`));
    expect(withoutWhitespace(pdf.text)).toContain(withoutWhitespace("Cochée « J'atteste que mon établissement a atteint les cibles pour l'année 2026. »"));
    expect(pdf.text).toContain("note-de-cadrage.pdf");
    const audit = await db.auditEvent.findFirst({ where: { action: "dossier.receipt.download", subject: `dossier:${depositId}`, actorId: referent.id } });
    expect(audit?.details).toEqual({ sequence: 1 });
    expect(audit?.at).toEqual(downloadedAt);
  });

  it("gives it to the instructors of the dossier's region", async () => {
    session.user = instructor;
    expect((await receipt(depositId, "1")).status).toBe(200);
    expect((await receipt(candidatureId, "1")).status).toBe(200);
  });

  it("refuses another establishment and another region's instructors (403)", async () => {
    session.user = otherReferent;
    expect((await receipt(depositId, "1")).status).toBe(403);
    session.user = otherRegionInstructor;
    expect((await receipt(depositId, "1")).status).toBe(403);
  });

  it("asks to sign in first (401)", async () => {
    session.user = null;
    const response = await receipt(depositId, "1");
    expect(response.status).toBe(401);
    expect(await messageOf(response)).toBe("Connectez-vous pour télécharger ce récépissé.");
  });

  it("says a dossier or a transmission that does not exist is not found (404)", async () => {
    const unknown = await receipt("dossier-inconnu", "1");
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toBe("Ce dossier est introuvable.");
    for (const sequence of ["2", "0", "abc"]) {
      const response = await receipt(depositId, sequence);
      expect(response.status).toBe(404);
      expect(await messageOf(response)).toBe("Cette transmission est introuvable.");
    }
  });
});
