import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from "@/lib/funding";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "./objectives";
import { PROJECT_TEAM_ROLES } from "./project-team";

/**
 * The fields and documents an ARS change request can point at, keyed as the
 * establishment's form keys them, so each point shows next to its field.
 */
export function reviewableFields(dossier: { kind: "CANDIDATURE" | "MILESTONE_DEPOSIT"; year: number; carrierIsGhtSupport: boolean; parts: { finess: string; name: string }[] }): { key: string; label: string }[] {
  if (dossier.kind === "CANDIDATURE") {
    return [
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
    ];
  }
  const fields: { key: string; label: string }[] = [];
  for (const part of dossier.parts) {
    const key = (field: string) => `parts.${part.finess}.${field}`;
    fields.push(
      { key: key("noteDeCadrage"), label: `${part.name} — note de cadrage` },
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
