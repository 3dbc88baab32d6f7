/**
 * What the deposit page is told by the server (issue 9 §2.1, §2.2, §2.6, §2.7): each missing
 * item per EJ, amounts bounded on the server too, a second copy of a file refused, and the facts
 * the form runs the submission rules on.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { buildDossierFormModel, lookUpSelfAssessments } from "@/lib/dossiers/form-model";
import { attachDocument, getDossierForUser, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";
import { ValidationError } from "@/lib/errors";
import { MAX_EURO_AMOUNT_CENTS } from "@/lib/funding";
import { asCurrentUser, createSelfAssessment, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { acceptedCandidature, arsRequestsChanges, depositDraft, establishment, ghtEstablishment, inDeposit, instructionGuichets, readyDeposit, submittedDeposit } from "../support/dossier-builders";

let db: Database;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  guichets = await instructionGuichets(db);
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as ValidationError);

describe("an empty transmission of a GHT's deposit (source 003: the support deposits for each EJ)", () => {
  it("lists each missing item of each EJ, each keyed to its field, never one line per EJ", async () => {
    const { support, member, referent } = await ghtEstablishment(db, "84", "VIDE");
    await acceptedCandidature(db, referent, support.finess, guichets.candidature.id, { ght: true });
    const { id } = await startDossier(db, referent, { guichetId: guichets.deposit.id, carrierFiness: support.finess }, inDeposit);
    // Never saved: the stored draft has no part at all.
    const error = await refusal(submitDossier(db, referent, id, 0, inDeposit));
    expect(error).toBeInstanceOf(ValidationError);
    const keys = Object.keys(error?.fieldErrors ?? {});
    for (const finess of [support.finess, member.finess]) {
      expect(keys.filter((key) => key.startsWith(`parts.${finess}.`))).toEqual(
        ["noteDeCadrage", "nru", "expenseAttestation", "expenses.rh_internes", "expenses.prestations_externes", "expenses.depenses_editeurs", "requested"].map((field) => `parts.${finess}.${field}`),
      );
    }
    expect(keys.slice(-2)).toEqual(["attestations.targetsReached", "attestations.expensesTruthful"]);
    expect((await getDossierForUser(db, referent, id)).status).toBe("DRAFT");
  });
});

describe("amounts are bounded on the server (§2.6)", () => {
  it("a draft with an amount one cent above 10 000 000,00 € is not saved", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Borne");
    const { id, version } = await readyDeposit(db, referent, ej.finess, guichets);
    await expect(saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { requested: MAX_EURO_AMOUNT_CENTS + 1 }), inDeposit)).rejects.toThrow(/ne peut dépasser 10\s000\s000,00\s€/);
    await expect(
      saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { expenses: { rh_internes: 100_000_000_000_000, prestations_externes: 0, depenses_editeurs: 0 } }), inDeposit),
    ).rejects.toThrow(/ne peut dépasser/);
    const part = (await getDossierForUser(db, referent, id)).legalEntities[0];
    expect(part?.requestedCents).toBe(3_000_000n);
    // At the limit it is stored (and the submission rules then cap the request at the eligible amount).
    await expect(saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { requested: MAX_EURO_AMOUNT_CENTS }), inDeposit)).resolves.toEqual({ version: version + 1 });
  });
});

describe("a second copy of a file in one slot (§2.7)", () => {
  it("is refused with a message naming both files; the same bytes serve in another slot", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Doublon");
    const { id, note } = await readyDeposit(db, referent, ej.finess, guichets);
    const copy = await db.storedFile.create({
      data: { storageKey: `test/copy/${note.id}`, originalName: "copie-note.pdf", sizeBytes: note.sizeBytes, sha256: note.sha256, mediaType: note.mediaType, uploadedById: referent.id },
    });
    const error = await refusal(attachDocument(db, referent, id, { kind: "NOTE_DE_CADRAGE", fileId: copy.id, legalEntities: [ej.finess] }, inDeposit));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.userMessage).toBe(
      "« copie-note.pdf » n'a pas été ajouté : son contenu est identique à celui de « note-de-cadrage.pdf », déjà déposé ici (même empreinte SHA-256). S'il s'agit d'un autre document, vérifiez le fichier choisi.",
    );
    const documents = (await getDossierForUser(db, referent, id)).documents;
    expect(documents.filter((document) => document.kind === "NOTE_DE_CADRAGE")).toHaveLength(1);
    await expect(attachDocument(db, referent, id, { kind: "EXPENSE_ATTESTATION", fileId: copy.id, legalEntities: [ej.finess] }, inDeposit)).resolves.toMatchObject({
      documentId: expect.any(String),
    });
  });

  it("two copies attached at the same moment: exactly one is kept", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Doublon simultané");
    const { id } = await readyDeposit(db, referent, ej.finess, guichets);
    const copies = await Promise.all(
      ["preuve.pdf", "preuve-bis.pdf"].map((name) =>
        db.storedFile.create({ data: { storageKey: `test/twin/${id}/${name}`, originalName: name, sizeBytes: 2048n, sha256: "f".repeat(64), mediaType: "application/pdf", uploadedById: referent.id } }),
      ),
    );
    const outcomes = await Promise.allSettled(copies.map((copy) => attachDocument(db, referent, id, { kind: "OBJECTIVE_PROOF", objectiveCode: "1.1", fileId: copy.id, legalEntities: [ej.finess] }, inDeposit)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")?.reason).toBeInstanceOf(ValidationError);
    expect((await getDossierForUser(db, referent, id)).documents.filter((document) => document.kind === "OBJECTIVE_PROOF")).toHaveLength(1);
  });
});

describe("the facts the form checks with (§2.1: the same rules, on the same facts, as the server)", () => {
  it("knows the EJ's validated self-assessments, the one the draft quotes (even another EJ's), and the portal's date", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Faits");
    const other = await establishment(db, "84", "CH Autre");
    const { id, version, assessment } = await readyDeposit(db, referent, ej.finess, guichets);
    const foreign = await createSelfAssessment(db, { legalEntityFiness: other.ej.finess, createdById: other.referent.id, status: "VALIDATED" });
    await saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { nru: foreign.nru }), inDeposit);
    const model = await buildDossierFormModel(db, await getDossierForUser(db, referent, id), inDeposit);
    expect(model.today).toBe("2026-06-01");
    expect(model.knownAssessments.map((known) => [known.nru, known.legalEntityFiness, known.status]).sort()).toEqual(
      [
        [assessment.nru, ej.finess, "VALIDATED"],
        [foreign.nru, other.ej.finess, "VALIDATED"],
      ].sort(),
    );
    expect(model.checkedNrus).toEqual(expect.arrayContaining([assessment.nru, foreign.nru]));
    expect(await lookUpSelfAssessments(db, ["IE-2026-000000000-999999", assessment.nru ?? ""])).toEqual([
      { nru: assessment.nru, legalEntityFiness: ej.finess, status: "VALIDATED", validatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
  });

  it("after a resubmission, the ARS's request reads as answered (not open)", async () => {
    const { ej, referent } = await establishment(db, "84", "CH Réponse");
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const { id } = await submittedDeposit(db, referent, ej.finess, guichets);
    const july = new Date("2026-07-01T10:00:00Z");
    await arsRequestsChanges(db, instructor, id, july, { message: "Justifiez les dépenses RH.", points: [{ key: `parts.${ej.finess}.expenses.rh_internes`, label: "RH internes", reason: "INCORRECT", comment: "Sans détail" }] });
    const asked = await buildDossierFormModel(db, await getDossierForUser(db, referent, id), july);
    expect(asked.openChangeRequest?.points).toHaveLength(1);
    expect(asked.answeredChangeRequest).toBeNull();

    const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
    const saved = await saveDepositDraft(db, referent, id, version, depositDraft(ej.finess, { nru: (await getDossierForUser(db, referent, id)).legalEntities[0]?.selfAssessment?.nru ?? null, expenses: { rh_internes: 900_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 }, requested: 2_900_000 }), july);
    await submitDossier(db, referent, id, saved.version, july);
    const answered = await buildDossierFormModel(db, await getDossierForUser(db, referent, id), july);
    expect(answered.status).toBe("SUBMITTED");
    expect(answered.openChangeRequest).toBeNull();
    expect(answered.answeredChangeRequest).toMatchObject({ message: "Justifiez les dépenses RH.", answeredAt: july.toISOString(), points: [{ key: `parts.${ej.finess}.expenses.rh_internes` }] });
  });
});
