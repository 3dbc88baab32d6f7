import { InvalidStateError } from "@/lib/errors";
import type { DossierKindModule } from "../kind-module";
import { PROJECT_CALL_KIND_LABEL, projectCallNumberPrefix } from "./labels";

/**
 * The AAP HOP'EN2 project (source 001). Its pure rules are in this folder (eligibility, project
 * limit, draft schema, submission rules, scoring, extra states); its storage, form and instruction
 * are still to come (issue 10):
 * until its form and instruction exist, no establishment can start one (`startable: false`),
 * so no dossier of this kind can reach the steps below.
 */
export const projectCallKind: DossierKindModule = {
  kind: "PROJECT_CALL",
  labels: {
    name: PROJECT_CALL_KIND_LABEL,
    formName: "formulaire de dépôt",
    startLabel: (entityName) => `Déposer un projet AAP pour ${entityName}`,
    numberPrefix: projectCallNumberPrefix,
  },
  startable: false,
  dataKey: "project",
  decisionCarriesAmounts: () => true,
  decisionCaps: () => new Map(),
  reviewableFields: () => [],
  submissionErrors: async () => {
    throw new InvalidStateError("Le dépôt des projets de l'appel à projets HOP'EN2 n'est pas encore ouvert sur le portail.");
  },
};
