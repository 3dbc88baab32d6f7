/**
 * Issue 9, §2.10: an ARS awarding an EJ less than its cap (the eligible amount
 * capped at the declared expenses, source 000_1a898dec8b2a4de4.txt) must say
 * why. The server refuses the decision without a reason; the reason is stored
 * with the amount and the cap, read back for the establishment's dossier page,
 * and written in the acceptance e-mail (source 003_7e8834ec9bc46d44.txt).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { acceptDossier, loadDossierDecision, refuseDossier } from "@/lib/dossiers/instruction";
import { getDossierForUser } from "@/lib/dossiers/service";
import { ValidationError } from "@/lib/errors";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { asCurrentUser, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { candidature, establishment, instructionGuichets, submittedDeposit } from "../support/dossier-builders";

let db: Database;
let ara: CurrentUser;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;
const inInstruction = new Date("2026-07-10T08:00:00Z");

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  vi.stubEnv("GUICHET_PUBLIC_URL", "https://guichet.example.fr");
  guichets = await instructionGuichets(db);
  ara = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
});

/** An EJ of 800 agents (39 050 € eligible in 2026) declaring 30 000 € of expenses: the cap is 30 000 € (source 000). */
async function deposit(name: string) {
  const { ej, referent } = await establishment(db, "84", name);
  const { id } = await submittedDeposit(db, referent, ej.finess, guichets);
  const { version } = await db.dossier.findUniqueOrThrow({ where: { id } });
  return { ej, referent, id, version };
}

async function errorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("a partial award", () => {
  it("without a reason is refused, with a French message keyed to the EJ's reason field; nothing is recorded, no e-mail", async () => {
    const { ej, id, version } = await deposit("CH Sans Motif");
    for (const reasons of [{}, { [ej.finess]: "   " }]) {
      const error = await errorOf(acceptDossier(db, ara, id, version, { amounts: { [ej.finess]: 2_500_000 }, reasons }, inInstruction, notifyDossierEvent));
      expect(error.userMessage).toBe("La décision n'a pas été enregistrée : corrigez les montants et les motifs signalés.");
      expect(error.fieldErrors).toEqual({
        [`reasons.${ej.finess}`]: ["Indiquez le motif : le montant accordé est inférieur au montant maximal de 30\u202f000,00\u00a0€. Ce motif est communiqué à l'établissement."],
      });
    }
    const row = await db.dossier.findUniqueOrThrow({ where: { id }, include: { legalEntities: true, events: true } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.version).toBe(version);
    expect(row.legalEntities[0]).toMatchObject({ decidedCents: null, decisionCapCents: null, partialAwardReason: null });
    expect(row.events.map((event) => event.type)).not.toContain("ACCEPT");
    expect(await db.outboxEmail.count({ where: { dossierId: id, template: "dossier-accepted" } })).toBe(0);
  });

  it("above the cap is refused on the amount, whatever the reason", async () => {
    const { ej, id, version } = await deposit("CH Trop");
    const error = await errorOf(acceptDossier(db, ara, id, version, { amounts: { [ej.finess]: 3_000_001 }, reasons: { [ej.finess]: "Bonus" } }, inInstruction));
    expect(Object.keys(error.fieldErrors)).toEqual([`amounts.${ej.finess}`]);
  });

  it("with its reason: the amount, the cap and the trimmed reason are stored, in the history too, and read back for the establishment", async () => {
    const { ej, referent, id, version } = await deposit("CH Partiel");
    await acceptDossier(db, ara, id, version, { amounts: { [ej.finess]: 2_500_000 }, reasons: { [ej.finess]: "  Les dépenses éditeurs ne sont pas justifiées par une facture.  " } }, inInstruction);
    const part = await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id } });
    expect(part).toMatchObject({ decidedCents: 2_500_000n, decisionCapCents: 3_000_000n, partialAwardReason: "Les dépenses éditeurs ne sont pas justifiées par une facture." });
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: id, type: "ACCEPT" } });
    expect(event.message).toBe("CH Partiel — montant accordé inférieur au maximal : Les dépenses éditeurs ne sont pas justifiées par une facture.");
    expect(event.details).toMatchObject({ decided: { [ej.finess]: 2_500_000 }, caps: { [ej.finess]: 3_000_000 } });

    // What the establishment's dossier page reads, through its own read policy.
    const decision = await loadDossierDecision(db, await getDossierForUser(db, referent, id));
    expect(decision).toEqual({
      status: "ACCEPTED",
      decidedAt: inInstruction.toISOString(),
      withAmounts: true,
      refusalReason: null,
      awards: [{ finess: ej.finess, name: "CH Partiel", decided: 2_500_000, cap: 3_000_000, partialAwardReason: "Les dépenses éditeurs ne sont pas justifiées par une facture.", objectives: null }],
    });
  });

  it("the full cap needs no reason, and a reason sent anyway is not kept", async () => {
    const { ej, id, version } = await deposit("CH Complet");
    await acceptDossier(db, ara, id, version, { amounts: { [ej.finess]: 3_000_000 }, reasons: { [ej.finess]: "Rien à redire" } }, inInstruction);
    expect(await db.dossierLegalEntity.findFirstOrThrow({ where: { dossierId: id } })).toMatchObject({ decidedCents: 3_000_000n, decisionCapCents: 3_000_000n, partialAwardReason: null });
    expect((await db.dossierEvent.findFirstOrThrow({ where: { dossierId: id, type: "ACCEPT" } })).message).toBeNull();
  });

  it("the acceptance e-mail gives the source's sentence, the amount, the maximum and the reason", async () => {
    const { ej, referent, id, version } = await deposit("CH de Montbrasset");
    await acceptDossier(db, ara, id, version, { amounts: { [ej.finess]: 2_500_000 }, reasons: { [ej.finess]: "Dépenses éditeurs non justifiées.\nFacture attendue au prochain jalon." } }, inInstruction, notifyDossierEvent);
    const mails = await db.outboxEmail.findMany({ where: { dossierId: id, template: "dossier-accepted" } });
    expect(mails.map((mail) => mail.toAddress)).toEqual([referent.email]);
    const [mail] = mails;
    const { number } = await db.dossier.findUniqueOrThrow({ where: { id } });
    expect(mail?.subject).toBe(`(Guichet HospiConnect) Formulaire de dépôt Guichet de test MILESTONE_DEPOSIT 2026 accepté - ${number}`);
    // source 003: « Votre formulaire de dépôt au guichet … a été accepté par votre ARS. »
    expect(mail?.textBody).toContain("Votre formulaire de dépôt au guichet Guichet de test MILESTONE_DEPOSIT 2026 a été accepté par votre ARS.");
    expect(mail?.textBody).toContain(`Dossier : ${number}`);
    expect(mail?.textBody).toContain(
      `Montant accordé par votre ARS :\n- CH de Montbrasset (FINESS ${ej.finess}) : 25\u202f000,00\u00a0€ accordés sur un montant maximal de 30\u202f000,00\u00a0€\n  Motif indiqué par votre ARS : Dépenses éditeurs non justifiées.\n  Facture attendue au prochain jalon.`,
    );
    expect(mail?.textBody).toContain(`https://guichet.example.fr/etablissement/dossiers/${id}`);
  });

  it("a full award's e-mail gives the amount without a maximum nor a reason", async () => {
    const { ej, id, version } = await deposit("CH Entier");
    await acceptDossier(db, ara, id, version, {}, inInstruction, notifyDossierEvent);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { dossierId: id, template: "dossier-accepted" } });
    expect(mail.textBody).toContain(`- CH Entier (FINESS ${ej.finess}) : 30\u202f000,00\u00a0€\n`);
    expect(mail.textBody).not.toContain("maximal");
    expect(mail.textBody).not.toContain("Motif");
  });
});

describe("the decision read for the establishment", () => {
  it("a refusal carries its reason; a candidature's acceptance carries no amount; an undecided dossier none", async () => {
    const refusedDeposit = await deposit("CH Refusé");
    await refuseDossier(db, ara, refusedDeposit.id, refusedDeposit.version, { reason: "Note de cadrage hors modèle national." }, inInstruction);
    const refused = await loadDossierDecision(db, await getDossierForUser(db, refusedDeposit.referent, refusedDeposit.id));
    expect(refused).toMatchObject({ status: "REFUSED", refusalReason: "Note de cadrage hors modèle national.", awards: [{ decided: null, cap: null, partialAwardReason: null }] });

    const { ej, referent } = await establishment(db, "84", "CH Candidat");
    const candidatureId = await candidature(db, referent, ej.finess, guichets.candidature.id);
    expect(await loadDossierDecision(db, await getDossierForUser(db, referent, candidatureId))).toBeNull();
    const { version } = await db.dossier.findUniqueOrThrow({ where: { id: candidatureId } });
    await acceptDossier(db, ara, candidatureId, version, {}, new Date("2026-03-02T14:00:00Z"));
    expect(await loadDossierDecision(db, await getDossierForUser(db, referent, candidatureId))).toMatchObject({ status: "ACCEPTED", withAmounts: false, refusalReason: null });
  });
});
