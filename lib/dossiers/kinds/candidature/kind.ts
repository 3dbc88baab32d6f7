import { candidatureDraftSchema } from "../../dossier-input";
import { PROJECT_TEAM_ROLES } from "../../project-team";
import { candidatureErrors } from "../../submission-rules";
import type { DossierKindModule } from "../kind-module";

/** The HospiConnect/HOP'EN2 candidature (source 000): the project team and, for a GHT, the support establishment's mandate. */
export const candidatureKind: DossierKindModule = {
  kind: "CANDIDATURE",
  labels: {
    name: "Candidature",
    formName: "formulaire de candidature",
    startLabel: (entityName) => `Candidater pour ${entityName}`,
    instructor: "ARS",
    numberPrefix: (year) => `HC-C${year}`,
  },
  startable: true,
  severalPerCarrier: false,
  decidedWithSelectionGrid: false,
  dataKey: "candidature",
  decisionCarriesAmounts: () => false,
  decisionCaps: async () => new Map(),
  reviewableFields: (dossier) => [
    ...PROJECT_TEAM_ROLES.flatMap((role) => [
      { key: `projectTeam.${role.key}.name`, label: `Équipe projet — ${role.label} : nom` },
      { key: `projectTeam.${role.key}.email`, label: `Équipe projet — ${role.label} : e-mail` },
    ]),
    ...(dossier.carrierIsGhtSupport
      ? [
          { key: "ghtMandateKind", label: "Justificatif du mandat de l'établissement support" },
          { key: "documents.GHT_MANDATE", label: "Document du mandat de l'établissement support" },
        ]
      : []),
  ],
  submissionErrors: async (_db, row) => {
    const draft = candidatureDraftSchema.parse((row.data as { candidature?: unknown } | null)?.candidature ?? {});
    return candidatureErrors(draft, {
      carrierIsGhtSupport: row.carrier.ght?.supportFiness === row.carrierFiness,
      ghtMandateDocuments: row.documents.filter((document) => document.kind === "GHT_MANDATE").length,
    });
  },
};
