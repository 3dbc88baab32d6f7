import type { DossierKindModule } from "../kind-module";

/** A HospiConnect/CaRE relève (source 003): per EJ, drawn on its single envelope, instructed by the ANS. */
export const careReleveKind: DossierKindModule = {
  kind: "CARE_RELEVE",
  labels: {
    name: "Relève CaRE",
    formName: "formulaire de dépôt",
    startLabel: (entityName) => `Déposer la relève CaRE de ${entityName}`,
    numberPrefix: (year) => `HC-CARE${year}`,
  },
  startable: true,
  severalPerCarrier: false,
  decidedWithSelectionGrid: false,
  dataKey: "care",
  decisionCarriesAmounts: () => true,
  decisionCaps: () => new Map(),
  reviewableFields: () => [],
  submissionErrors: async () => ({}),
};
