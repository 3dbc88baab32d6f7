import type { ProjectCallStatus } from "./transitions";

/** French wording of the AAP HOP'EN2 kind (GuichetKind PROJECT_CALL, programme AAP_HOPEN2). */
export const PROJECT_CALL_KIND_LABEL = "Projet AAP HOP'EN2";
export const PROJECT_CALL_KIND_LABEL_PLURAL = "Projets AAP HOP'EN2";

/** Dossier numbers read « AAP2026-000042 », as « HC-J2026-000042 » for a yearly deposit. */
export function projectCallNumberPrefix(guichetYear: number): string {
  if (!Number.isInteger(guichetYear) || guichetYear < 2000 || guichetYear > 2100) throw new RangeError(`guichet year out of range: ${guichetYear}`);
  return `AAP${guichetYear}`;
}

/**
 * Status labels as a project reads them: the common ones re-worded where the AAP means more
 * (ACCEPTED is the ARS selection, with its first 50 % payment — source 001), plus the kind's own.
 */
export const PROJECT_CALL_STATUS_LABELS: Readonly<Record<ProjectCallStatus, string>> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Transmis à l'ARS",
  CHANGES_REQUESTED: "Complément demandé",
  ACCEPTED: "Retenu par l'ARS",
  REFUSED: "Non retenu",
  PROOF_SUBMITTED: "Preuves transmises à l'ARS",
  PROOF_CHANGES_REQUESTED: "Complément demandé sur les preuves",
  OBJECTIVES_VALIDATED: "Objectifs validés par l'ARS",
  OBJECTIVES_NOT_MET: "Objectifs non atteints",
};

export const PROJECT_CALL_NEXT_STEP: Readonly<Record<ProjectCallStatus, string>> = {
  DRAFT: "À compléter puis transmettre à l'ARS avant la fermeture de l'appel à projets — pas encore transmis.",
  SUBMITTED: "En cours de sélection par l'ARS.",
  CHANGES_REQUESTED: "Complément demandé par l'ARS : corrigez puis transmettez à nouveau.",
  ACCEPTED: "Projet retenu : 50 % du montant accordé est versé en 2026 ; déposez en juin 2027 les preuves d'atteinte des cibles.",
  REFUSED: "Projet non retenu par l'ARS.",
  PROOF_SUBMITTED: "Preuves en cours d'examen par l'ARS.",
  PROOF_CHANGES_REQUESTED: "Complément demandé par l'ARS sur les preuves : complétez puis transmettez à nouveau.",
  OBJECTIVES_VALIDATED: "Objectifs validés : le solde de 50 % du montant accordé est versé en 2027.",
  OBJECTIVES_NOT_MET: "L'ARS n'a pas validé l'atteinte des objectifs : le solde n'est pas versé.",
};

export const PROJECT_CALL_FIELD_LABELS = {
  porteurFinessPmsi: "FINESS PMSI de l'établissement porteur",
  perimeter: "Périmètre du projet (établissements géographiques)",
  theme: "Thématique",
  objectives: "Objectifs retenus",
  responsible: "Porteur responsable",
  team: "Équipe projet",
  businessStakes: "Enjeux métiers",
  operationalObjectives: "Objectifs opérationnels",
  siWorkstreams: "Chantiers SI envisagés",
  targets: "Cibles quantitatives et qualitatives (juin 2027)",
  forecastExpenses: "Prévisionnel de dépenses 2026 et 2027",
  industrialPartners: "Partenaires industriels",
  rattrapageDeclaration: "Déclaration sur les versements « d'usage » (SUN-ES, HOP'EN2 phase 1)",
} as const;
