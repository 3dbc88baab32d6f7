import type { GuichetKind, Programme } from "@/lib/generated/prisma/enums";

export const PROGRAMME_LABELS: Record<Programme, string> = {
  HOSPICONNECT_HOPEN2: "HospiConnect / HOP'EN2",
  AAP_HOPEN2: "Appel à projets HOP'EN2",
  HOSPICONNECT_CARE: "HospiConnect / CaRE",
};

export const GUICHET_KIND_LABELS: Record<GuichetKind, string> = {
  CANDIDATURE: "Candidature",
  MILESTONE_DEPOSIT: "Dépôt des preuves du jalon annuel",
  PROJECT_CALL: "Appel à projets",
  CARE_RELEVE: "Relève CaRE",
};
