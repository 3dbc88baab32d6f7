import { importCareEnvelopesCsv } from "./care-envelopes";
import { importCombinedActivityCsv } from "./combined-activity";
import { importFinessFlatCsv, importFinessStructureet } from "./finess";
import { importSaeSygen } from "./sae";
import { importSaeActivity } from "./sae-activity";

/** Every import, by the name the command line and the admin page use. */
export const IMPORTERS = {
  "finess-csv": { run: importFinessFlatCsv, label: "FINESS — fichier aplati (CSV ; des EG)" },
  "finess-structureet": { run: importFinessStructureet, label: "FINESS — extraction officielle « structureet »" },
  "sae-sygen": { run: importSaeSygen, label: "SAE — bordereau SYGEN (effectifs par EG)" },
  "activite-csv": { run: importCombinedActivityCsv, label: "Activité combinée — CSV (FINESS PMSI ; année ; valeur)" },
  "enveloppes-care": { run: importCareEnvelopesCsv, label: "Enveloppes HospiConnect/CaRE — CSV (FINESS EJ ; montant)" },
  "sae-activite": { run: importSaeActivity, label: "Activité combinée — estimation depuis un bordereau SAE (MCO, SSR, PSY, HAD ou USLD)" },
} as const;

export type ImportKindName = keyof typeof IMPORTERS;

export function isImportKindName(value: string | null | undefined): value is ImportKindName {
  return typeof value === "string" && Object.hasOwn(IMPORTERS, value);
}
