/**
 * HospiConnect/CaRE relèves (issue 11, source 003_7e8834ec9bc46d44.txt): one envelope per EJ drawn
 * over the yearly relèves, external services only from 30 January 2026, the note de cadrage at the
 * first relève, the NRU of the year at every one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { saveCareReleveDraft } from "@/lib/dossiers/kinds/care-releve/store";
import { buildDossierFormModel } from "@/lib/dossiers/form-model";
import { getDossierForUser, startDossier, submissionErrors, submitDossier } from "@/lib/dossiers/service";
import { acceptDossier, refuseDossier } from "@/lib/dossiers/instruction";
import { InvalidStateError, ValidationError } from "@/lib/errors";
import { nationalFollowUp } from "@/lib/admin/national-follow-up";
import { loadDossierReview } from "@/lib/instruction/dossier-review";
import { buildExportRecords } from "@/lib/instruction/export-rows";
import { queueExportBatches, queueExportIds } from "@/lib/instruction/queue";
import { parseQueueFilters } from "@/lib/instruction/queue-filters";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { createGht, createLegalEntity, createUser, asCurrentUser } from "../support/factories";
import { careDraft, careEj, careGuichet, expenseLine, inCare2026, inCareInstruction2026, readyReleve, setEnvelope, SOURCE_ENVELOPE } from "../support/care-releve-builders";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let care2026: { id: string };

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  care2026 = await careGuichet(db, 2026);
});

/** formatEuros writes its thousands with a narrow no-break space: compared here as plain spaces. */
const plain = (messages: string[] | undefined) => messages?.map((message) => message.replace(/[\u00a0\u202f]/g, " "));

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("the draft: an expense that can never be eligible is refused, nothing saved", () => {
  it("an internal-HR line and an editor line: a French message on the line, the draft left as it was", async () => {
    const { ej, referent } = await careEj(db);
    const { id } = await startDossier(db, referent, { guichetId: care2026.id, carrierFiness: ej.finess }, inCare2026);
    const hr = expenseLine(ej.finess, { id: "ligne-rh", category: "rh_internes", description: "Chef de projet interne" });
    const editor = expenseLine(ej.finess, { id: "ligne-editeur", category: "depenses_editeurs" });
    const error = await refusal(saveCareReleveDraft(db, referent, id, 0, careDraft(ej.finess, null, 100_000, { expenses: [hr, editor] }), inCare2026));
    expect(error.fieldErrors["expenses.ligne-rh.category"]?.[0]).toBe(
      "Les dépenses « RH internes » ne sont pas éligibles au financement CaRE : seules les prestations externes (MIE, lecteurs) le sont. Retirez cette ligne.",
    );
    expect(error.fieldErrors["expenses.ligne-editeur.category"]?.[0]).toContain("« Dépenses éditeurs » ne sont pas éligibles");
    expect(error.userMessage).toMatch(/^Le brouillon n'a pas été enregistré/);
    const row = await db.dossier.findUniqueOrThrow({ where: { id }, include: { legalEntities: true } });
    expect(row.version).toBe(0);
    expect(row.data).toEqual({});
    expect(row.legalEntities[0]?.requestedCents).toBeNull();
  });

  it("an invoice dated before 30 January 2026 (publication of the arrêté CaRE) is refused; the 30th itself is eligible", async () => {
    const { ej, referent } = await careEj(db);
    const { id } = await startDossier(db, referent, { guichetId: care2026.id, carrierFiness: ej.finess }, inCare2026);
    const early = expenseLine(ej.finess, { id: "ligne-janvier", invoiceDate: "2026-01-29" });
    const error = await refusal(saveCareReleveDraft(db, referent, id, 0, careDraft(ej.finess, null, null, { expenses: [early] }), inCare2026));
    expect(error.fieldErrors["expenses.ligne-janvier.invoiceDate"]).toEqual([
      "Facture du 29 janvier 2026 : seules les dépenses engagées à compter du 30 janvier 2026, date de publication de l'arrêté CaRE, sont éligibles.",
    ]);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).version).toBe(0);
    const saved = await saveCareReleveDraft(db, referent, id, 0, careDraft(ej.finess, null, null, { expenses: [{ ...early, invoiceDate: "2026-01-30", amount: 1_234_567 }] }), inCare2026);
    expect(saved.version).toBe(1);
    // The eligible external expenses are mirrored on the EJ's part for the snapshot and the exports.
    const part = await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id } });
    expect(part.expensesExternalCents).toBe(1_234_567n);
    expect(part.expensesInternalHrCents).toBeNull();
  });
});

describe("the transmission", () => {
  it("lists what is missing: attestation, note de cadrage, NRU, amount, financial template", async () => {
    const { ej, referent } = await careEj(db);
    const { id } = await startDossier(db, referent, { guichetId: care2026.id, carrierFiness: ej.finess }, inCare2026);
    await saveCareReleveDraft(db, referent, id, 0, careDraft(ej.finess, null, 500_000, { targetsReached: false }), inCare2026);
    const errors = await submissionErrors(db, await getDossierForUser(db, referent, id), inCare2026);
    expect(Object.keys(errors)).toEqual(["targetsReached", `parts.${ej.finess}.noteDeCadrage`, `parts.${ej.finess}.nru`, `parts.${ej.finess}.financialStatement`]);
    const error = await refusal(submitDossier(db, referent, id, 1, inCare2026));
    expect(error.fieldErrors.targetsReached).toEqual(["Cochez l'attestation d'atteinte des cibles pour l'année 2026."]);
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("refuses a request above what remains of the envelope, and one above the eligible expenses declared", async () => {
    const { ej, referent } = await careEj(db);
    const above = await readyReleve(db, referent, ej.finess, care2026.id, inCare2026, { requested: SOURCE_ENVELOPE + 1, expenses: [expenseLine(ej.finess, { amount: 5_000_000 })] });
    const error = await refusal(submitDossier(db, referent, above.id, above.version, inCare2026));
    expect(plain(error.fieldErrors[`parts.${ej.finess}.requested`])).toEqual([`Le montant demandé (39 380,01 €) dépasse ce qui reste de l'enveloppe CaRE de ${ej.name} : 39 380,00 €.`]);

    const second = await careEj(db);
    const overExpenses = await readyReleve(db, second.referent, second.ej.finess, care2026.id, inCare2026, { requested: 3_000_001 });
    const overError = await refusal(submitDossier(db, second.referent, overExpenses.id, overExpenses.version, inCare2026));
    expect(overError.fieldErrors[`parts.${second.ej.finess}.requested`]?.[0]).toContain("dépasse les dépenses éligibles déclarées pour");
    const ok = await saveCareReleveDraft(db, second.referent, overExpenses.id, overExpenses.version, careDraft(second.ej.finess, overExpenses.nru, 3_000_000), inCare2026);
    await expect(submitDossier(db, second.referent, overExpenses.id, ok.version, inCare2026)).resolves.toMatchObject({ sequence: 1 });
  });

  it("an EJ without an envelope cannot start a relève", async () => {
    const { ej, referent } = await careEj(db, "84", null);
    await expect(startDossier(db, referent, { guichetId: care2026.id, carrierFiness: ej.finess }, inCare2026)).rejects.toThrow(InvalidStateError);
  });
});

describe("two relèves of one EJ transmitted at once (the 2026 relève extended while 2027 is open)", () => {
  it("cannot together take more than the envelope: one is transmitted, the other refused with what remains, nothing half-saved", async () => {
    const late2026 = await careGuichet(db, 2026, { opensOn: "2026-06-15", closesOn: "2027-07-15", instructionEndsOn: "2027-09-30" });
    const care2027 = await careGuichet(db, 2027);
    const at = new Date("2027-06-20T10:00:00+02:00");
    const { ej, referent } = await careEj(db);
    const lines = [expenseLine(ej.finess, { amount: 3_500_000, invoiceDate: "2027-02-01" })];
    // 25 000 € + 20 000 € = 45 000 € > 39 380 €: each fits alone, not both.
    const first = await readyReleve(db, referent, ej.finess, late2026.id, at, { requested: 2_500_000, expenses: lines });
    const second = await readyReleve(db, referent, ej.finess, care2027.id, at, { requested: 2_000_000, expenses: lines.map((line) => ({ ...line, id: `${line.id}b` })) });
    const results = await Promise.allSettled([submitDossier(db, referent, first.id, first.version, at), submitDossier(db, referent, second.id, second.version, at)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ValidationError);
    const message = plain((rejected?.reason as ValidationError).fieldErrors[`parts.${ej.finess}.requested`])?.[0] ?? "";
    expect(["14 380,00 €", "19 380,00 €"].some((rest) => message.endsWith(`${ej.name} : ${rest}.`))).toBe(true);
    const statuses = await db.dossier.findMany({ where: { id: { in: [first.id, second.id] } }, select: { status: true, _count: { select: { submissions: true } } } });
    expect(statuses.map((row) => row.status).sort()).toEqual(["DRAFT", "SUBMITTED"]);
    expect(statuses.map((row) => row._count.submissions).sort()).toEqual([0, 1]);
  });
});

describe("later relèves (source 003: « Relèves suivantes »)", () => {
  it("no new note de cadrage for an EJ that transmitted a relève in 2026; the self-assessment of the year always", async () => {
    const care2027 = await careGuichet(db, 2027, { opensOn: "2027-06-14", closesOn: "2027-07-15", instructionEndsOn: "2027-09-30" });
    const { ej, referent } = await careEj(db);
    const first = await readyReleve(db, referent, ej.finess, care2026.id, inCare2026, { requested: 1_000_000 });
    await submitDossier(db, referent, first.id, first.version, inCare2026);
    const at = new Date("2027-06-20T10:00:00+02:00");
    // The 2026 self-assessment no longer serves in 2027.
    const { id } = await startDossier(db, referent, { guichetId: care2027.id, carrierFiness: ej.finess }, at);
    await saveCareReleveDraft(db, referent, id, 0, careDraft(ej.finess, first.nru, 0, { expenses: [] }), at);
    const errors = await submissionErrors(db, await getDossierForUser(db, referent, id), at);
    expect(errors[`parts.${ej.finess}.noteDeCadrage`]).toBeUndefined();
    expect(errors[`parts.${ej.finess}.nru`]).toEqual(["Cette autoévaluation a été validée avant le 1er janvier 2027 : réalisez-en une nouvelle (vous pouvez dupliquer l'ancienne)."]);
    // The form shows the envelope less what the 2026 relève reserves while it is instructed.
    const model = await buildDossierFormModel(db, await getDossierForUser(db, referent, id), at);
    expect(model.care?.parts[0]).toMatchObject({ envelope: SOURCE_ENVELOPE, granted: 0, reserved: 1_000_000, remaining: 2_938_000, noteDeCadrageRequired: false });

    // An EJ that deposited nothing in 2026 gives its note de cadrage in 2027.
    const newcomer = await careEj(db);
    const late = await startDossier(db, newcomer.referent, { guichetId: care2027.id, carrierFiness: newcomer.ej.finess }, at);
    await saveCareReleveDraft(db, newcomer.referent, late.id, 0, careDraft(newcomer.ej.finess, null, 0, { expenses: [] }), at);
    const lateErrors = await submissionErrors(db, await getDossierForUser(db, newcomer.referent, late.id), at);
    expect(lateErrors[`parts.${newcomer.ej.finess}.noteDeCadrage`]).toEqual([`Déposez la note de cadrage de ${newcomer.ej.name}.`]);
  });
});

describe("a GHT (source 003: the support establishment deposits for each EJ)", () => {
  it("the support's relève covers the GHT's EJ that have an envelope, each drawing on its own", async () => {
    const support = await createLegalEntity(db, { regionCode: "84", name: "CH support" });
    const member = await createLegalEntity(db, { regionCode: "84", name: "CH membre" });
    const withoutEnvelope = await createLegalEntity(db, { regionCode: "84", name: "CH sans enveloppe" });
    await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess, withoutEnvelope.finess] });
    await setEnvelope(db, support.finess, SOURCE_ENVELOPE);
    await setEnvelope(db, member.finess, 1_000_000);
    const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [support.finess] }), [support.finess]);
    const { id } = await startDossier(db, referent, { guichetId: care2026.id, carrierFiness: support.finess }, inCare2026);
    const row = await getDossierForUser(db, referent, id);
    expect(row.legalEntities.map((part) => part.legalEntityFiness)).toEqual([support.finess, member.finess].sort());
    const draft = {
      ...careDraft(support.finess, null, 3_000_000),
      parts: [
        { legalEntityFiness: support.finess, nru: null, requested: 3_000_000 },
        { legalEntityFiness: member.finess, nru: null, requested: 1_500_000 },
      ],
      expenses: [expenseLine(support.finess), expenseLine(member.finess, { amount: 2_000_000 })],
    };
    await saveCareReleveDraft(db, referent, id, 0, draft, inCare2026);
    const errors = await submissionErrors(db, await getDossierForUser(db, referent, id), inCare2026);
    expect(errors[`parts.${support.finess}.requested`]).toBeUndefined();
    expect(plain(errors[`parts.${member.finess}.requested`])).toEqual([`Le montant demandé (15 000,00 €) dépasse ce qui reste de l'enveloppe CaRE de CH membre : 10 000,00 €.`]);
    // A member does not deposit for itself.
    const memberReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [member.finess] }), [member.finess]);
    await expect(startDossier(db, memberReferent, { guichetId: care2026.id, carrierFiness: member.finess }, inCare2026)).rejects.toThrow(/établissement support/);
  });
});

describe("the ANS's decision on a relève, then the next relève (issue 11: « the ANS accepts part of it, the 2027 relève shows what remains »)", () => {
  it("grants at most min(requested, eligible, remaining), a partial grant needs its reason, and the rest stays for 2027", async () => {
    const care2027 = await careGuichet(db, 2027);
    const { ej, referent } = await careEj(db);
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR", email: `ans-${ej.finess}@test.guichet.fr` }));
    const ars = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: `ars-${ej.finess}@test.guichet.fr` }));
    // 30 000 € of eligible expenses, 30 000 € asked.
    const releve = await readyReleve(db, referent, ej.finess, care2026.id, inCare2026, { requested: 3_000_000 });
    await submitDossier(db, referent, releve.id, releve.version, inCare2026, notifyDossierEvent);
    // Source 003's e-mails, for this guichet: to the establishment « … à l'ANS », to every ANS instructor, never the ARS.
    const mails = await db.outboxEmail.findMany({ where: { dossierId: releve.id }, orderBy: { toAddress: "asc" } });
    expect(mails.map((mail) => mail.toAddress)).toContain(ans.email);
    expect(mails.map((mail) => mail.toAddress)).not.toContain(ars.email);
    const toEstablishment = mails.find((mail) => mail.toAddress === referent.email);
    expect(toEstablishment?.subject).toMatch(/^\[Guichet de test CARE_RELEVE 2026\] - Transmission de votre formulaire de dépôt à l'ANS – HC-CARE2026-/);
    expect(mails.find((mail) => mail.toAddress === ans.email)?.textBody).toContain(`/ans/dossiers/${releve.id}`);

    const review = await loadDossierReview(db, ans, releve.id, inCareInstruction2026);
    expect(review.instruction.parts[0]).toMatchObject({ capped: 3_000_000, requested: 3_000_000 });
    const { version } = await db.dossier.findUniqueOrThrow({ where: { id: releve.id } });
    const above = await refusal(acceptDossier(db, ans, releve.id, version, { amounts: { [ej.finess]: 3_000_001 } }, inCareInstruction2026));
    expect(Object.keys(above.fieldErrors)).toEqual([`amounts.${ej.finess}`]);
    const noReason = await refusal(acceptDossier(db, ans, releve.id, version, { amounts: { [ej.finess]: 2_000_000 } }, inCareInstruction2026));
    expect(Object.keys(noReason.fieldErrors)).toEqual([`reasons.${ej.finess}`]);
    await acceptDossier(db, ans, releve.id, version, { amounts: { [ej.finess]: 2_000_000 }, reasons: { [ej.finess]: "Une facture de 10 000 € est antérieure au bon de commande." } }, inCareInstruction2026, notifyDossierEvent);
    const part = await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: releve.id } });
    expect({ decided: part.decidedCents, cap: part.decisionCapCents }).toEqual({ decided: 2_000_000n, cap: 3_000_000n });
    const accepted = await db.outboxEmail.findFirstOrThrow({ where: { dossierId: releve.id, template: "dossier-accepted" } });
    expect(accepted.textBody).toContain("a été accepté par l'ANS.");
    expect(accepted.textBody).toContain("Motif indiqué par l'ANS : Une facture de 10 000 € est antérieure au bon de commande.");

    // The ANS's export: the envelope, the eligible expenses, the cap and the amount granted.
    const ids = await queueExportIds(db, ans, parseQueueFilters({ ej: ej.finess }));
    const batches = [];
    for await (const batch of queueExportBatches(db, ans, ids)) batches.push(...batch);
    expect(buildExportRecords(batches)).toEqual([
      expect.objectContaining({ finess: ej.finess, status: "Accepté", ceiling: SOURCE_ENVELOPE, eligible: 3_000_000, requested: 3_000_000, capped: 3_000_000, decided: 2_000_000 }),
    ]);

    // 2027: 39 380 € − 20 000 € = 19 380 € remain; the 10 000 € not granted in 2026 are not lost (unlike HOP'EN2).
    const at2027 = new Date("2027-06-20T10:00:00+02:00");
    const { id } = await startDossier(db, referent, { guichetId: care2027.id, carrierFiness: ej.finess }, at2027);
    const model = await buildDossierFormModel(db, await getDossierForUser(db, referent, id), at2027);
    expect(model.care?.parts[0]).toMatchObject({ envelope: SOURCE_ENVELOPE, granted: 2_000_000, reserved: 0, remaining: 1_938_000, noteDeCadrageRequired: false });
    expect(model.care?.parts[0]?.releves).toEqual([expect.objectContaining({ year: 2026, status: "ACCEPTED", requested: 3_000_000, decided: 2_000_000 })]);

    // The DNS follows the relève per region against the envelopes.
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const followUp = await nationalFollowUp(db, admin, care2026.id);
    const region = followUp.regions.find((candidate) => candidate.code === "84");
    expect(region?.ceilings).toBeGreaterThanOrEqual(SOURCE_ENVELOPE);
    expect(region?.decided).toBeGreaterThanOrEqual(2_000_000);
  });

  it("a refused relève gives back what it reserved", async () => {
    const { ej, referent } = await careEj(db);
    const ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
    const releve = await readyReleve(db, referent, ej.finess, care2026.id, inCare2026, { requested: 3_000_000 });
    await submitDossier(db, referent, releve.id, releve.version, inCare2026);
    const at2027 = new Date("2027-06-20T10:00:00+02:00");
    const care2027 = await careGuichet(db, 2027);
    const { id } = await startDossier(db, referent, { guichetId: care2027.id, carrierFiness: ej.finess }, at2027);
    const remaining = async () => (await buildDossierFormModel(db, await getDossierForUser(db, referent, id), at2027)).care?.parts[0]?.remaining;
    expect(await remaining()).toBe(938_000);
    const { version } = await db.dossier.findUniqueOrThrow({ where: { id: releve.id } });
    await refuseDossier(db, ans, releve.id, version, { reason: "Trame financière non signée par l'agent comptable." }, inCareInstruction2026);
    expect(await remaining()).toBe(SOURCE_ENVELOPE);
  });
});
