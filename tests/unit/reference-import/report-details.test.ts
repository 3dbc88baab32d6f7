import { describe, expect, it } from "vitest";
import { reportDetails } from "@/lib/reference/import/report-details";

describe("reportDetails", () => {
  it("labels the extra counts in French, in a stable order, and leaves out the five common ones", () => {
    const details = reportDetails({ read: 10, created: 1, updated: 2, unchanged: 3, rejected: 4, officialKept: 1, estimatesCreated: 5, somethingNew: 7, unknownSites: 2 });
    expect(details).toEqual([
      { key: "unknownSites", label: "FINESS inconnus (comptés parmi les lignes rejetées)", value: 2 },
      { key: "estimatesCreated", label: "estimations d'activité combinée créées", value: 5 },
      { key: "officialKept", label: "chiffres officiels conservés (non remplacés par l'estimation)", value: 1 },
      { key: "somethingNew", label: "somethingNew", value: 7 },
    ]);
  });

  it("is empty for a report with the common counts only", () => {
    expect(reportDetails({ read: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 })).toEqual([]);
  });
});
