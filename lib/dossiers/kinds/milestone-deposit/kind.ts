import { isMilestoneYear } from "../../part-amounts";
import type { DossierKindModule } from "../kind-module";
import { depositDecisionCaps, depositObjectiveReview } from "./decision-caps";
import { depositReviewableFields } from "./reviewable-fields";
import { depositSubmissionErrors } from "./submission-errors";

/** The yearly HospiConnect/HOP'EN2 milestone deposit, 2026–2028 (sources 000, 003): per EJ, proofs, expenses and the amount asked. */
export const milestoneDepositKind: DossierKindModule = {
  kind: "MILESTONE_DEPOSIT",
  labels: {
    name: "Dépôt des preuves du jalon",
    formName: "formulaire de dépôt",
    startLabel: (entityName) => `Déposer les preuves de ${entityName}`,
    instructor: "ARS",
    decisionCapRule: "éligible écrêté aux dépenses déclarées",
    numberPrefix: (year) => `HC-J${year}`,
  },
  startable: true,
  severalPerCarrier: false,
  decidedWithSelectionGrid: false,
  dataKey: "deposit",
  decisionCarriesAmounts: (year) => isMilestoneYear(year),
  decisionCaps: async (_db, row) => depositDecisionCaps(row),
  objectiveReview: { years: [2027, 2028], review: depositObjectiveReview },
  reviewableFields: depositReviewableFields,
  submissionErrors: depositSubmissionErrors,
};
