/**
 * The ARS page of an AAP HOP'EN2 project (lib/instruction/project-call-review.ts): the project as
 * transmitted with its perimeter, activité combinée and category, the selection once decided with
 * its two payments, then the June-2027 proofs and the ruling on them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { decideObjectives, decideProjectSelection } from "@/lib/dossiers/kinds/project-call/selection";
import { loadDossier } from "@/lib/dossiers/service";
import { buildSnapshot } from "@/lib/dossiers/snapshot";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadDossierReview } from "@/lib/instruction/dossier-review";
import { initialSelectionForm, selectionPayload } from "@/lib/dossiers/kinds/project-call/selection-form";
import { loadProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";
import { asCurrentUser, createGuichet, createLegalEntity, createSite, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let instructor: CurrentUser;
let referentId: string;
let sequence = 0;
const at = new Date("2026-06-10T10:00:00+02:00");

beforeAll(async () => {
  db = (await useTestDatabase()).db;
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  referentId = (await createUser(db, { role: "ESTABLISHMENT_REFERENT" })).id;
});

/** Records a transmission of the dossier as it is now (the snapshot the ARS reads). */
async function transmit(id: string, status: "SUBMITTED" | "PROOF_SUBMITTED") {
  await db.dossier.update({ where: { id }, data: { status, submittedAt: at, version: { increment: 1 } } });
  const row = await loadDossier(db, id);
  const submitter = await db.user.findUniqueOrThrow({ where: { id: referentId }, select: { id: true, name: true, email: true } });
  const number = row.submissions.length + 1;
  const snapshot = buildSnapshot(row, { sequence: number, submittedAt: at, submittedBy: submitter, fromVersion: row.version - 1 });
  await db.dossierSubmission.create({ data: { dossierId: id, sequence: number, submittedAt: at, submittedById: referentId, snapshot: snapshot as unknown as Prisma.InputJsonValue } });
}

async function attach(dossierId: string, carrier: string, kind: "PARTNER_COMMITMENT" | "TARGET_PROOF", subject: string, name: string) {
  const file = await createStoredFile(db, referentId, name);
  await db.dossierDocument.create({ data: { dossierId, kind, objectiveCode: subject, fileId: file.id, legalEntities: { create: [{ dossierId, legalEntityFiness: carrier }] } } });
}

/** A transmitted project of one public EJ (no GHT) whose FINESS PMSI has an SAE estimate of 100 000: category C. */
async function transmittedProject() {
  const guichet = await createGuichet(db, { kind: "PROJECT_CALL", programme: "AAP_HOPEN2", year: 2026, opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" });
  const carrier = await createLegalEntity(db, { regionCode: "84", name: "CH de Valence" });
  const site = await createSite(db, { legalEntityFiness: carrier.finess, name: "Hôpital de Valence" });
  await db.combinedActivity.create({ data: { finessPmsi: carrier.finess, year: 2024, value: 100_000, isEstimate: true } });
  sequence += 1;
  const project = {
    porteurFinessPmsi: carrier.finess,
    perimeter: [{ siteFiness: site.finess, legalEntityFiness: carrier.finess }],
    theme: "RATTRAPAGE_MATURITE",
    objectives: [{ code: "RAT-1", description: "Un DPI pour tout l'hôpital." }],
    responsible: { name: "Claire Martin", email: "claire.martin@ch-valence.fr", profession: "Directrice des soins" },
    team: [{ name: "Paul Durand", email: "paul.durand@ch-valence.fr", profession: "Médecin DIM", coLead: true }],
    businessStakes: "Enjeux",
    operationalObjectives: "Objectifs",
    siWorkstreams: "Chantiers",
    targets: [{ id: "t1", kind: "QUANTITATIVE", description: "80 % des séjours dans le DPI" }],
    forecastExpenses: { "2026": 5_000_000, "2027": 4_000_000 },
    industrialPartners: [{ id: "p1", name: "Éditeur DPI" }],
    rattrapageDeclaration: { noSunEsUsagePayment: true, noPhase1UsagePayment: true },
  };
  const dossier = await db.dossier.create({
    data: {
      number: `AAP2026-R${process.pid}-${sequence}`,
      guichetId: guichet.id,
      carrierFiness: carrier.finess,
      completedById: referentId,
      data: { project },
      legalEntities: { create: [{ legalEntityFiness: carrier.finess, guichetId: guichet.id }] },
    },
  });
  await attach(dossier.id, carrier.finess, "PARTNER_COMMITMENT", "p1", "lettre-editeur.pdf");
  await transmit(dossier.id, "SUBMITTED");
  return { id: dossier.id, carrier, site };
}

async function pageOf(id: string) {
  const review = await loadDossierReview(db, instructor, id, at);
  return { review, project: await loadProjectCallReview(db, instructor, review) };
}

describe("the ARS screens of an AAP project", () => {
  it("shows the project as transmitted, its category and cap, and lets the grid decide it", async () => {
    const { id, carrier, site } = await transmittedProject();
    const before = await pageOf(id);
    expect(before.review.instruction.decidedWithSelectionGrid).toBe(true);
    expect(before.review.instruction.reviewableFields.map((field) => field.key)).toContain("perimeter");
    expect(before.project).toMatchObject({
      status: "SUBMITTED",
      porteur: { finessPmsi: carrier.finess, name: "CH de Valence" },
      perimeter: [
        {
          siteFiness: site.finess,
          siteName: "Hôpital de Valence",
          legalEntityFiness: carrier.finess,
          legalEntityName: "CH de Valence",
          finessPmsi: carrier.finess,
          activity: { value: 100_000, year: 2024, isEstimate: true },
        },
      ],
      combinedActivity: 100_000,
      category: { known: true, category: "C", capCents: 8_500_000 },
      theme: { key: "RATTRAPAGE_MATURITE" },
      objectives: [{ code: "RAT-1", description: "Un DPI pour tout l'hôpital." }],
      targets: [{ id: "t1", kindLabel: "Cible quantitative" }],
      forecast: { "2026": 5_000_000, "2027": 4_000_000 },
      selection: null,
      payments: null,
      proof: null,
      canDecideSelection: true,
      selectionBlockedReason: null,
      canReviewProof: false,
    });
    expect(before.project.partners).toHaveLength(1);
    expect(before.project.partners[0]?.letters.map((letter) => [letter.name, letter.label])).toEqual([["lettre-editeur.pdf", "Lettre d'engagement d'un partenaire industriel — Éditeur DPI"]]);
    expect(before.project.otherDocuments).toEqual([]);
    expect(before.project.eligibility?.conditions.map((condition) => condition.state)).toEqual(["declared", "declared"]);

    // The form's payload, as the page sends it: 60 000 € below the cap of 85 000 €, with a factor.
    const state = initialSelectionForm(8_500_000);
    const payload = selectionPayload({
      ...state,
      answers: { ELIGIBILITY: "OUI", ROBUSTNESS: "3", NATIONAL_PROGRAMMES: "2", FUNDING_ARTICULATION: "2", TEAM_DIVERSITY: "1", INDUSTRIAL_COMMITMENT: "2" },
      comments: { ELIGIBILITY: "Oui", ROBUSTNESS: "Solide", NATIONAL_PROGRAMMES: "Bien", FUNDING_ARTICULATION: "Bien", TEAM_DIVERSITY: "Peu de métiers", INDUSTRIAL_COMMITMENT: "Lettre jointe" },
      decision: "ACCEPT",
      amountText: "60 000,01",
      justification: "Périmètre limité.",
      factors: ["AMBITION_PERIMETER"],
    });
    await decideProjectSelection(db, instructor, id, before.project.version, payload, at);

    const after = await pageOf(id);
    expect(after.project).toMatchObject({
      status: "ACCEPTED",
      selection: { decision: "ACCEPT", category: "C", capCents: 8_500_000, grantedCents: 6_000_001, total: { total: 10, max: 15 }, factors: ["AMBITION_PERIMETER"], decidedBy: expect.any(String), proof: null },
      // The odd cent goes to the 2027 payment (lib/funding/aap.ts).
      payments: { firstCents: 3_000_000, secondCents: 3_000_001, second: "PENDING" },
      canDecideSelection: false,
      canReviewProof: false,
    });

    // June 2027: the proofs are transmitted; the ARS reads them, then validates the objectives.
    await attach(id, carrier.finess, "TARGET_PROOF", "t1", "preuve-dpi.pdf");
    const row = await db.dossier.findUniqueOrThrow({ where: { id }, select: { data: true } });
    await db.dossier.update({ where: { id }, data: { data: { ...(row.data as object), proof: { targets: [{ targetId: "t1", reached: true, comment: "Atteint en mai." }] } } } });
    await transmit(id, "PROOF_SUBMITTED");
    const proofs = await pageOf(id);
    expect(proofs.project.canReviewProof).toBe(true);
    expect(proofs.project.proof?.targets).toMatchObject([{ id: "t1", reached: true, comment: "Atteint en mai.", documents: [{ name: "preuve-dpi.pdf", label: "Preuve d'atteinte d'une cible — 80 % des séjours dans le DPI" }] }]);
    // The proof is shown with its target, not among the other documents.
    expect(proofs.project.otherDocuments).toEqual([]);

    await decideObjectives(db, instructor, id, proofs.project.version, { outcome: "VALIDATED", comment: "" }, at);
    const validated = await pageOf(id);
    expect(validated.project).toMatchObject({ status: "OBJECTIVES_VALIDATED", payments: { second: "DUE" }, selection: { proof: { outcome: "VALIDATED" } }, canReviewProof: false });
  });

  it("names the FINESS PMSI whose activité combinée is unknown: no category, no decision", async () => {
    const { id, carrier } = await transmittedProject();
    await db.combinedActivity.deleteMany({ where: { finessPmsi: carrier.finess } });
    const { project } = await pageOf(id);
    expect(project.category).toEqual({ known: false, missingFinessPmsi: [carrier.finess] });
    expect(project.canDecideSelection).toBe(false);
    expect(project.selectionBlockedReason).toContain(carrier.finess);
  });
});
