/** HospiConnect/HOP'EN2 objectives (source 000, table "Objectifs HospiConnect/HOP'EN2"). */
export const MANDATORY_OBJECTIVE = { code: "1.0", label: "1.0 – Mise en conformité PGSSI-S (objectif obligatoire)" } as const;

export const HOSPICONNECT_OBJECTIVES = [
  { code: "1.1", label: "1.1 – Gestion des identités : l'identifiant RPPS des utilisateurs est connu du DPI" },
  { code: "1.2", label: "1.2 – Gestion des comptes : les permissions d'accès au DPI sont mises à jour lors des mouvements de personnel" },
  { code: "1.3", label: "1.3 – Utilisation d'un moyen d'identification électronique à double facteur (MIE 2FA) pour l'accès au DPI" },
  { code: "1.4", label: "1.4 – Accès possible des utilisateurs du DPI au DMP en mode intégré (AIR simplifié ou API PSC)" },
  { code: "2.1", label: "2.1 – Le consentement à la consultation du DMP des patients est recueilli" },
  { code: "2.2", label: "2.2 – La consultation du DMP est effective pour les patients ayant donné leur consentement dont l'INS est qualifiée" },
] as const;

export type ObjectiveCode = (typeof HOSPICONNECT_OBJECTIVES)[number]["code"];

export const OBJECTIVE_CODES: readonly string[] = HOSPICONNECT_OBJECTIVES.map((objective) => objective.code);
