/**
 * An AAP HOP'EN2 project built through the services, as a porteur and an ARS do (source
 * 001_56e3d9c199e9e209.txt): two public EJ of one region with official activités combinées
 * (40 000 + 25 000 → category C, 85 000 €), no usage payment known, so the rattrapage theme is open.
 */
import type { Database } from "@/lib/db/client";
import { projectCallDraftSchema, type ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { saveProjectCallDraft } from "@/lib/dossiers/kinds/project-call/store";
import { startDossier, submitDossier } from "@/lib/dossiers/service";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { asCurrentUser, createGuichet, createLegalEntity, createSite, createUser } from "./factories";

export const inCall = new Date("2026-05-20T10:00:00+02:00");
export const inSelection = new Date("2026-06-15T10:00:00+02:00");
export const inProofs = new Date("2027-06-10T10:00:00+02:00");

export async function aapGuichet(db: Database) {
  const guichet = await createGuichet(db, { kind: "PROJECT_CALL", programme: "AAP_HOPEN2", year: 2026, opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" });
  return db.guichet.update({ where: { id: guichet.id }, data: { proofOpensOn: new Date("2027-05-03T00:00:00Z"), proofClosesOn: new Date("2027-06-30T00:00:00Z") } });
}

/** A public EJ with one EG and an official activité combinée; no usage payment known (rattrapage open). */
export async function publicEj(db: Database, regionCode: string, name: string, activity: number) {
  const ej = await createLegalEntity(db, { regionCode, name });
  await db.legalEntity.update({ where: { finess: ej.finess }, data: { receivedSunEsPayments: false, receivedPhase1Payments: false } });
  const site = await createSite(db, { legalEntityFiness: ej.finess, name: `${name} — site principal` });
  await db.combinedActivity.create({ data: { finessPmsi: ej.finess, year: 2024, value: activity, isEstimate: false } });
  return { ej, site };
}

export async function setting(db: Database, regionCode = "84") {
  const guichet = await aapGuichet(db);
  const porteur = await publicEj(db, regionCode, "CH porteur", 40_000);
  const partner = await publicEj(db, regionCode, "CH partenaire", 25_000);
  const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [porteur.ej.finess] }), [porteur.ej.finess]);
  const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode }));
  return { guichet, porteur, partner, referent, instructor };
}

export function completeDraft(porteur: { ej: { finess: string }; site: { finess: string } }, partner: { ej: { finess: string }; site: { finess: string } }, overrides: Partial<ProjectCallDraft> = {}): ProjectCallDraft {
  return projectCallDraftSchema.parse({
    porteurFinessPmsi: porteur.ej.finess,
    perimeter: [
      { siteFiness: porteur.site.finess, legalEntityFiness: porteur.ej.finess },
      { siteFiness: partner.site.finess, legalEntityFiness: partner.ej.finess },
    ],
    theme: "RATTRAPAGE_MATURITE",
    objectives: [{ code: "RAT-1", description: "Généraliser l'identification électronique des professionnels." }],
    responsible: { name: "Claire Dubois", email: "claire.dubois@ch-porteur.fr", profession: "Directrice des systèmes d'information" },
    team: [{ name: "Paul Martin", email: "paul.martin@ch-porteur.fr", profession: "Cadre de santé", coLead: true }],
    businessStakes: "Réduire le temps de connexion des soignants.",
    operationalObjectives: "Connexion par carte CPS sur tous les postes des urgences.",
    siWorkstreams: "Annuaire, fédération d'identités, postes partagés.",
    targets: [{ id: "t-1", kind: "QUANTITATIVE", description: "90 % des soignants se connectent par e-CPS" }],
    forecastExpenses: { "2026": 3_000_000, "2027": 2_000_000 },
    ...overrides,
  });
}

export async function transmittedProject(db: Database, s: Awaited<ReturnType<typeof setting>>) {
  const { id } = await startDossier(db, s.referent, { guichetId: s.guichet.id, carrierFiness: s.porteur.ej.finess }, inCall);
  const { version } = await saveProjectCallDraft(db, s.referent, id, 0, completeDraft(s.porteur, s.partner), inCall);
  await submitDossier(db, s.referent, id, version, inCall, notifyDossierEvent);
  return id;
}

export const grid = {
  ELIGIBILITY: { compliant: true, comment: "Aucun versement d'usage connu." },
  ROBUSTNESS: { score: 3, comment: "Calendrier réaliste." },
  NATIONAL_PROGRAMMES: { score: 2, comment: "Engagé dans HospiConnect." },
  FUNDING_ARTICULATION: { score: 2, comment: "Pas de double financement." },
  TEAM_DIVERSITY: { score: 3, comment: "Soignants et DSI." },
  INDUSTRIAL_COMMITMENT: { score: null, comment: "Sans partenaire industriel." },
};

