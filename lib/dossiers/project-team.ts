/** The project team to identify before applying (source 000, "Que faire d'ici le 13 février ?"). */
export const PROJECT_TEAM_ROLES = [
  { key: "qualityLead", label: "Responsable démarche qualité" },
  { key: "businessRepresentative", label: "Représentant métier" },
  { key: "hrDirector", label: "DRH" },
  { key: "ciso", label: "RSSI" },
  { key: "cio", label: "DSI" },
  { key: "programmeReferent", label: "Référent HospiConnect/HOP'EN2" },
  { key: "signatory", label: "Signataire" },
] as const;

export type ProjectTeamRole = (typeof PROJECT_TEAM_ROLES)[number]["key"];

/** Proofs of the support establishment's mandate to apply for the GHT (source 002, annex 4). */
export const GHT_MANDATE_KINDS = [
  { key: "CONVENTION_EXTRACT", label: "Extrait de la convention constitutive du GHT" },
  { key: "COSTRAT_DECISION", label: "Décision du COSTRAT du GHT" },
  { key: "COMMITMENT_LETTER", label: "Lettre d'engagement (à régulariser)" },
] as const;

export type GhtMandateKind = (typeof GHT_MANDATE_KINDS)[number]["key"];
