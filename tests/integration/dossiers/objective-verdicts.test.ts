/**
 * Issue 12, source 000_1a898dec8b2a4de4.txt: a 2027 deposit declares objective 1.0 and three
 * objectives with their proofs and no note de cadrage; the ARS validates two of the three and
 * rejects one with its reason; the amount decided is 52 % of the 39 050 € ceiling, capped at the
 * declared expenses; the establishment and the e-mail say the count and the reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { buildDossierFormModel } from "@/lib/dossiers/form-model";
import { acceptDossier, loadDossierDecision } from "@/lib/dossiers/instruction";
import { attachDocument, getDossierForUser, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { ValidationError } from "@/lib/errors";
import { loadDossierReview } from "@/lib/instruction/dossier-review";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { acceptedCandidature, depositDraft, establishment } from "../support/dossier-builders";
import { asCurrentUser, createGuichet, createSelfAssessment, createStoredFile, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let guichets: { candidature: { id: string }; deposit2027: { id: string } };
const inDeposit2027 = new Date("2027-06-01T10:00:00+02:00");
const inInstruction2027 = new Date("2027-07-01T10:00:00+02:00");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  guichets = {
    candidature: await createGuichet(db, { kind: "CANDIDATURE", year: 2026, opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" }),
    deposit2027: await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2027, opensOn: "2027-05-03", closesOn: "2027-06-11", instructionEndsOn: "2027-09-15" }),
  };
});

async function transmitted2027() {
  const { ej, referent } = await establishment(db, "84", "CH des Cibles");
  await acceptedCandidature(db, referent, ej.finess, guichets.candidature.id);
  const assessment = await createSelfAssessment(db, { legalEntityFiness: ej.finess, createdById: referent.id, status: "VALIDATED", validatedAt: new Date("2027-05-10T10:00:00Z") });
  const { id } = await startDossier(db, referent, { guichetId: guichets.deposit2027.id, carrierFiness: ej.finess }, inDeposit2027);
  const attach = async (kind: "EXPENSE_ATTESTATION" | "OBJECTIVE_PROOF", objectiveCode?: string) =>
    attachDocument(db, referent, id, { kind, fileId: (await createStoredFile(db, referent.id, `${kind}-${objectiveCode ?? ""}.pdf`)).id, legalEntities: [ej.finess], objectiveCode }, inDeposit2027);
  await attach("EXPENSE_ATTESTATION");
  for (const code of ["1.0", "1.1", "1.3", "2.2"]) await attach("OBJECTIVE_PROOF", code);
  // 30 000 € of expenses; 1.0 + three objectives declared: 64 % of 39 050 € = 24 992 € asked.
  const { version } = await saveDepositDraft(db, referent, id, 0, depositDraft(ej.finess, { nru: assessment.nru, mandatoryObjectiveMet: true, objectivesReached: ["1.1", "1.3", "2.2"], indicators: { "2.1": null, "2.2": 42.5 }, requested: 2_499_200 }), inDeposit2027);
  await submitDossier(db, referent, id, version, inDeposit2027);
  const ars = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  return { ej, referent, ars, id };
}

const expectRefusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
};

describe("the ARS validates each declared objective of a 2027 deposit", () => {
  it("is transmitted without a note de cadrage, and offers the ARS the four declared objectives to validate", async () => {
    const { ars, id } = await transmitted2027();
    const review = await loadDossierReview(db, ars, id, inInstruction2027);
    expect(review.instruction.parts[0]?.objectiveReview?.declared.map((objective) => objective.code)).toEqual(["1.0", "1.1", "1.3", "2.2"]);
    expect(review.instruction.parts[0]?.capped).toBe(2_499_200);
  });

  it("refuses a missing verdict and a rejection without its reason; then decides 52 % of the ceiling on two validated objectives", async () => {
    const { ej, referent, ars, id } = await transmitted2027();
    const version = (await db.dossier.findUniqueOrThrow({ where: { id } })).version;
    const missing = await expectRefusal(acceptDossier(db, ars, id, version, { objectives: { [ej.finess]: { "1.0": { reached: true }, "1.1": { reached: true } } } }, inInstruction2027));
    expect(missing.fieldErrors).toEqual({
      [`objectives.${ej.finess}.1.3`]: ["Indiquez si l'objectif 1.3 est atteint."],
      [`objectives.${ej.finess}.2.2`]: ["Indiquez si l'objectif 2.2 est atteint."],
    });
    const noReason = await expectRefusal(
      acceptDossier(db, ars, id, version, { objectives: { [ej.finess]: { "1.0": { reached: true }, "1.1": { reached: true }, "1.3": { reached: true }, "2.2": { reached: false } } } }, inInstruction2027),
    );
    expect(Object.keys(noReason.fieldErrors)).toEqual([`objectives.${ej.finess}.2.2`]);
    // Above the ARS's count the amount is refused: 64 % asked, 52 % validated.
    const verdicts = { "1.0": { reached: true }, "1.1": { reached: true }, "1.3": { reached: true }, "2.2": { reached: false, reason: "Le taux de consultation du DMP (22 %) n'atteint pas la cible 2027 de 40 %." } };
    const above = await expectRefusal(acceptDossier(db, ars, id, version, { amounts: { [ej.finess]: 2_499_200 }, objectives: { [ej.finess]: verdicts } }, inInstruction2027));
    expect(Object.keys(above.fieldErrors)).toEqual([`amounts.${ej.finess}`]);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");

    await acceptDossier(db, ars, id, version, { objectives: { [ej.finess]: verdicts } }, inInstruction2027, notifyDossierEvent);
    const part = await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id } });
    // 52 % of 39 050 € = 20 306 €, under the 30 000 € declared.
    expect({ decided: part.decidedCents, cap: part.decisionCapCents }).toEqual({ decided: 2_030_600n, cap: 2_030_600n });

    const decision = await loadDossierDecision(db, await getDossierForUser(db, referent, id));
    expect(decision?.awards[0]?.objectives?.map((objective) => [objective.code, objective.reached])).toEqual([["1.0", true], ["1.1", true], ["1.3", true], ["2.2", false]]);
    expect(decision?.awards[0]?.objectives?.[3]?.reason).toBe(verdicts["2.2"].reason);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { dossierId: id, template: "dossier-accepted" } });
    expect(mail.textBody).toContain("Objectifs validés : 3 sur 4 déclarés (1.0, 1.1, 1.3)");
    expect(mail.textBody).toContain(`Objectif 2.2 non atteint : ${verdicts["2.2"].reason}`);

    // 2028: the deposit shows what the ARS validated in 2027, to be reached again (source 000).
    const deposit2028 = await createGuichet(db, { kind: "MILESTONE_DEPOSIT", year: 2028, opensOn: "2028-05-02", closesOn: "2028-06-16", instructionEndsOn: "2028-09-15" });
    const at2028 = new Date("2028-05-10T10:00:00+02:00");
    const next = await startDossier(db, referent, { guichetId: deposit2028.id, carrierFiness: ej.finess }, at2028);
    const model = await buildDossierFormModel(db, await getDossierForUser(db, referent, next.id), at2028);
    expect(model.parts[0]?.previousValidated).toEqual(["1.0", "1.1", "1.3"]);
  });

  it("objective 1.0 not validated means 0 €", async () => {
    const { ej, ars, id } = await transmitted2027();
    const version = (await db.dossier.findUniqueOrThrow({ where: { id } })).version;
    await acceptDossier(db, ars, id, version, { objectives: { [ej.finess]: { "1.0": { reached: false, reason: "PV de la commission d'homologation des MIE absent." }, "1.1": { reached: true }, "1.3": { reached: true }, "2.2": { reached: true } } } }, inInstruction2027);
    const part = await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id } });
    expect({ decided: part.decidedCents, cap: part.decisionCapCents }).toEqual({ decided: 0n, cap: 0n });
  });
});
