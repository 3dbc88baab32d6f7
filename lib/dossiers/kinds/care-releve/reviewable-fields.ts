import type { ReviewableDossier, ReviewableField } from "../kind-module";

/** What an ANS change request can point at: per EJ its note de cadrage, NRU, financial template, expenses and amount; the attestation. */
export function careReleveReviewableFields(dossier: ReviewableDossier): ReviewableField[] {
  const fields: ReviewableField[] = [{ key: "targetsReached", label: "Attestation d'atteinte des cibles" }];
  for (const part of dossier.parts) {
    const key = (field: string) => `parts.${part.finess}.${field}`;
    fields.push(
      { key: key("noteDeCadrage"), label: `${part.name} — note de cadrage` },
      { key: key("nru"), label: `${part.name} — NRU de l'autoévaluation` },
      { key: key("financialStatement"), label: `${part.name} — trame financière et pièces justificatives` },
      { key: key("expenses"), label: `${part.name} — dépenses déclarées` },
      { key: key("requested"), label: `${part.name} — montant demandé` },
    );
  }
  fields.push({ key: "precisions", label: "Précisions supplémentaires" });
  return fields;
}
