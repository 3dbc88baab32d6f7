/**
 * HospiConnect/HOP'EN2 objectives (source 000, tables « Objectifs HospiConnect/HOP'EN2 (1/2) » and
 * « (2/2) »): each with its target for 2027 and 2028 as the source words it, and, where the target
 * is a percentage, the indicator the establishment declares.
 */
export interface ObjectiveTargets {
  2027: string;
  2028: string;
}

/** A percentage target (2.1, 2.2): the establishment declares its indicator, which must reach it. */
export interface ObjectiveIndicator {
  label: string;
  target: { 2027: number; 2028: number };
}

export const MANDATORY_OBJECTIVE = {
  code: "1.0",
  label: "1.0 – Mise en conformité PGSSI-S (objectif obligatoire)",
  targets: {
    2027: "PV de décision de la commission d'homologation des MIE (PGSSI-S) (avec ou sans réserve) ; mise à jour des indicateurs de maturité.",
    2028: "PV de décision de la commission d'homologation des MIE (PGSSI-S) sans réserve ; mise à jour des indicateurs de maturité.",
  } satisfies ObjectiveTargets,
} as const;

export const HOSPICONNECT_OBJECTIVES = [
  {
    code: "1.1",
    label: "1.1 – Gestion des identités : l'identifiant RPPS des utilisateurs est connu du DPI",
    targets: {
      2027: "L'identifiant RPPS des professions à Ordre et enregistrées par l'ARS est connu du DPI pour l'ensemble des utilisateurs concernés (dès la création du compte utilisateur).",
      2028: "L'identifiant RPPS est associé à tous les utilisateurs du DPI, y compris les utilisateurs devant faire l'objet d'un enregistrement au RPPS par l'employeur (ES).",
    },
  },
  {
    code: "1.2",
    label: "1.2 – Gestion des comptes : les permissions d'accès au DPI sont mises à jour lors des mouvements de personnel",
    targets: {
      2027: "La procédure de mise à jour des comptes utilisateurs est décrite et opérationnelle (automatique ou manuelle), notamment pour la gestion des habilitations lors des arrivées, départs et changements de services ; une revue des comptes et des habilitations est effectuée au minimum chaque année.",
      2028: "La procédure de mise à jour des comptes est automatique lors des arrivées, départs et changements de services (GRH), à partir d'une base de comptes centralisée pour le SIH ; les activités du RPPS sont mises à jour au sein du SIH ; une revue automatique des comptes et des habilitations est effectuée au minimum chaque année.",
    },
  },
  {
    code: "1.3",
    label: "1.3 – Utilisation d'un moyen d'identification électronique à double facteur (MIE 2FA) pour l'accès au DPI",
    targets: {
      2027: "Les médecins et IDE sont équipés d'un MIE 2FA utilisable pour l'authentification au DPI (directement ou via SSO).",
      2028: "Tous les utilisateurs du DPI s'authentifient avec un MIE 2FA en mode nominal ; la prise en charge des modes dégradés est décrite.",
    },
  },
  {
    code: "1.4",
    label: "1.4 – Accès possible des utilisateurs du DPI au DMP en mode intégré (AIR simplifié ou API PSC)",
    targets: {
      2027: "Les médecins et IDE peuvent accéder à la consultation du DMP des patients ayant consenti depuis le DPI en intégré, en mode AIR simplifié ou par API PSC.",
      2028: "Tous les utilisateurs du DPI disposant d'une habilitation à la consultation du DMP accèdent au DMP de leurs patients depuis le DPI.",
    },
  },
  {
    code: "2.1",
    label: "2.1 – Le consentement à la consultation du DMP des patients est recueilli",
    targets: {
      2027: "L'organisation mise en place permet de recueillir le consentement ou l'opposition du patient, en amont ou lors de la prise en charge, pour 75 % du flux mensuel de patients.",
      2028: "L'organisation mise en place permet de recueillir le consentement ou l'opposition du patient pour 90 % du flux mensuel de patients.",
    },
    indicator: { label: "Part du flux mensuel de patients dont le consentement ou l'opposition est recueilli (%)", target: { 2027: 75, 2028: 90 } },
  },
  {
    code: "2.2",
    label: "2.2 – La consultation du DMP est effective pour les patients ayant donné leur consentement dont l'INS est qualifiée",
    targets: {
      2027: "40 % des utilisateurs habilités du DPI ont consulté le DMP d'un patient par une transaction automatique (TD3.1) au DMP dans le mois.",
      2028: "60 % des utilisateurs habilités du DPI ont consulté le DMP d'un patient par une transaction automatique (TD3.1) au DMP dans le mois.",
    },
    indicator: { label: "Part des utilisateurs habilités du DPI ayant consulté le DMP par TD3.1 dans le mois (%)", target: { 2027: 40, 2028: 60 } },
  },
] as const satisfies readonly { code: string; label: string; targets: ObjectiveTargets; indicator?: ObjectiveIndicator }[];

export type ObjectiveCode = (typeof HOSPICONNECT_OBJECTIVES)[number]["code"];

export const OBJECTIVE_CODES: readonly string[] = HOSPICONNECT_OBJECTIVES.map((objective) => objective.code);

/** The indicator of an objective whose target is a percentage (2.1, 2.2), if any. */
export function objectiveIndicator(code: string): ObjectiveIndicator | null {
  const objective = HOSPICONNECT_OBJECTIVES.find((candidate) => candidate.code === code);
  return objective && "indicator" in objective ? objective.indicator : null;
}

/** The year's target of an objective (1.0 included), as source 000 words it; null outside 2027–2028. */
export function objectiveTarget(code: string, year: number): string | null {
  if (year !== 2027 && year !== 2028) return null;
  const objective = code === MANDATORY_OBJECTIVE.code ? MANDATORY_OBJECTIVE : HOSPICONNECT_OBJECTIVES.find((candidate) => candidate.code === code);
  return objective ? objective.targets[year] : null;
}
