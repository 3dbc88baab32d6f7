/**
 * One demo dossier, so that the demo date (1 June 2026, inside the 2026 deposit
 * window) is usable at once: the candidature of the Centre hospitalier de
 * Montbrasset (account referentEj), transmitted in February and accepted by
 * the ARS. Its number is outside the range of the dossier sequence.
 * The GHT and the clinic have no candidature, so their whole journey can be
 * shown (the admin moves the simulated date back into the candidature window).
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import { DEMO_ACCOUNTS } from "../../lib/auth/demo-accounts";
import { DEMO_FINESS } from "./establishments";

type Tx = Prisma.TransactionClient;

export const DEMO_CANDIDATURE_NUMBER = "HC-C2026-900001";

const team = {
  qualityLead: { name: "Hélène Marchal", email: "h.marchal@ch-montbrasset.demo" },
  businessRepresentative: { name: "Dr Paul Ferrand", email: "p.ferrand@ch-montbrasset.demo" },
  hrDirector: { name: "Nadia Benali", email: "n.benali@ch-montbrasset.demo" },
  ciso: { name: "Thomas Girard", email: "t.girard@ch-montbrasset.demo" },
  cio: { name: "Julien Moreau", email: "j.moreau@ch-montbrasset.demo" },
  programmeReferent: { name: "Claire Rousseau", email: "referent.ej@demo.guichet.fr" },
  signatory: { name: "Marc Delaunay", email: "m.delaunay@ch-montbrasset.demo" },
};

export async function seedDemoDossiers(tx: Tx): Promise<void> {
  const guichet = await tx.guichet.findUniqueOrThrow({ where: { code: "HOPEN2-CANDIDATURE-2026" } });
  const referent = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.referentEj.email } });
  const instructor = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.instructorAra.email } });
  const carrier = await tx.legalEntity.findUniqueOrThrow({ where: { finess: DEMO_FINESS.multiSiteEj }, include: { region: true } });
  const submittedAt = new Date("2026-02-10T09:30:00Z");
  const decidedAt = new Date("2026-03-02T14:00:00Z");
  const data = { candidature: { projectTeam: team, ghtMandateKind: null } };
  const existing = await tx.dossier.findUnique({ where: { number: DEMO_CANDIDATURE_NUMBER } });
  if (existing) return; // created once; its history is never rewritten
  const dossier = await tx.dossier.create({
    data: {
      number: DEMO_CANDIDATURE_NUMBER,
      guichetId: guichet.id,
      carrierFiness: carrier.finess,
      status: "ACCEPTED",
      version: 3,
      data,
      completedById: referent.id,
      submittedAt,
      decidedAt,
      legalEntities: { create: [{ legalEntityFiness: carrier.finess, guichetId: guichet.id }] },
    },
  });
  await tx.dossierSubmission.create({
    data: {
      dossierId: dossier.id,
      sequence: 1,
      submittedAt,
      submittedById: referent.id,
      snapshot: {
        dossierNumber: DEMO_CANDIDATURE_NUMBER,
        guichet: { code: guichet.code, label: guichet.label, year: guichet.year, kind: guichet.kind },
        carrier: { finess: carrier.finess, name: carrier.name, regionCode: carrier.regionCode, regionName: carrier.region.name },
        sequence: 1,
        submittedAt: submittedAt.toISOString(),
        submittedBy: { id: referent.id, name: referent.name, email: referent.email },
        fromVersion: 2,
        data,
        parts: [{ legalEntityFiness: carrier.finess, name: carrier.name, headcount: 800, nru: null, expenses: {}, mandatoryObjectiveMet: null, objectivesReached: [], requested: null }],
        documents: [],
      },
    },
  });
  await tx.dossierEvent.createMany({
    data: [
      { dossierId: dossier.id, at: new Date("2026-02-03T08:00:00Z"), actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT", type: "CREATED", toStatus: "DRAFT" },
      { dossierId: dossier.id, at: submittedAt, actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT", type: "SUBMITTED", fromStatus: "DRAFT", toStatus: "SUBMITTED" },
      { dossierId: dossier.id, at: decidedAt, actorId: instructor.id, actorRole: "ARS_INSTRUCTOR", type: "ACCEPTED", fromStatus: "SUBMITTED", toStatus: "ACCEPTED" },
    ],
  });
}
