import type { ImportCounts } from "./run";

/** French labels of the counts some importers add to the five common ones (read, created, updated, unchanged, rejected). */
export const REPORT_DETAIL_LABELS: Readonly<Record<string, string>> = {
  legalEntitiesCreated: "entités juridiques créées",
  legalEntitiesUpdated: "entités juridiques modifiées",
  legalEntitiesUnchanged: "entités juridiques inchangées",
  skipped: "lignes geolocalisation ignorées",
  unknownSites: "FINESS inconnus (comptés parmi les lignes rejetées)",
  unlistedSites: "lignes d'EG absents du répertoire FINESS, comptées pour leur EJ (FI_EJ)",
  detailLines: "lignes de détail ignorées (seule la ligne de total compte)",
  estimatesCreated: "estimations d'activité combinée créées",
  estimatesUpdated: "estimations d'activité combinée modifiées",
  estimatesUnchanged: "estimations d'activité combinée inchangées",
  officialKept: "chiffres officiels conservés (non remplacés par l'estimation)",
};

const COMMON = new Set(["read", "created", "updated", "unchanged", "rejected"]);

/** The extra counts of a report, labelled, in the order of {@link REPORT_DETAIL_LABELS} (unknown keys last, by name). */
export function reportDetails(counts: Partial<ImportCounts>): { key: string; label: string; value: number }[] {
  const order = Object.keys(REPORT_DETAIL_LABELS);
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => !COMMON.has(entry[0]) && typeof entry[1] === "number")
    .sort(([a], [b]) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1) || a.localeCompare(b))
    .map(([key, value]) => ({ key, label: REPORT_DETAIL_LABELS[key] ?? key, value }));
}
