import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from "@/lib/funding";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "../../objectives";
import type { ReviewableDossier, ReviewableField } from "../kind-module";

/** Per EJ: its documents, NRU, expenses, objectives (from 2027) and requested amount; then the attestations. */
export function depositReviewableFields(dossier: ReviewableDossier): ReviewableField[] {
  const fields: ReviewableField[] = [];
  for (const part of dossier.parts) {
    const key = (field: string) => `parts.${part.finess}.${field}`;
    if (dossier.year === 2026) fields.push({ key: key("noteDeCadrage"), label: `${part.name} — note de cadrage` });
    fields.push(
      { key: key("nru"), label: `${part.name} — NRU de l'autoévaluation` },
      { key: key("expenseAttestation"), label: `${part.name} — attestation des dépenses` },
      ...EXPENSE_CATEGORIES.map((category) => ({ key: key(`expenses.${category}`), label: `${part.name} — dépenses « ${EXPENSE_CATEGORY_LABELS[category]} »` })),
    );
    if (dossier.year !== 2026) {
      fields.push({ key: key("mandatoryObjectiveMet"), label: `${part.name} — objectif 1.0` });
      for (const objective of [MANDATORY_OBJECTIVE, ...HOSPICONNECT_OBJECTIVES]) {
        fields.push({ key: key(`objectiveProof.${objective.code}`), label: `${part.name} — preuve de l'objectif ${objective.code}` });
      }
    }
    fields.push({ key: key("requested"), label: `${part.name} — montant demandé` });
  }
  fields.push({ key: "attestations.targetsReached", label: "Attestation d'atteinte des cibles" }, { key: "attestations.expensesTruthful", label: "Attestation sur les dépenses" });
  return fields;
}
