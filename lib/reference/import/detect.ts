import { parseCsvLine } from "./csv";

/** Expected header of the derived flat FINESS CSV (README §1.2). */
export const FINESS_FLAT_COLUMNS = [
  "nofinesset", "nofinessej", "rs", "adresse_ligne1", "adresse_ligne2", "code_postal", "commune", "telephone", "categetab", "libcategetab",
  "categagretab", "libcategagretab", "siret", "code_ape", "code_sph", "libsph", "dateouv", "datemaj", "latitude_wgs84", "longitude_wgs84",
] as const;

export const COMBINED_ACTIVITY_COLUMNS = ["FINESS PMSI", "année", "valeur"] as const;

/** A French description of what a first line looks like, to explain a header mismatch. */
export function describeFirstLine(text: string): string {
  if (/^finess;etalab;/i.test(text)) return "un extrait FINESS officiel (etalab-cs1100507, lignes structureet) : utilisez le type « finess-structureet »";
  const parsed = parseCsvLine(text, ";");
  const fields = parsed.ok ? parsed.fields.map((field) => field.trim()) : [];
  const upper = new Set(fields.map((field) => field.toUpperCase()));
  if (upper.has("NOFINESSET") && upper.has("NOFINESSEJ")) return "le fichier FINESS à plat (CSV) : utilisez le type « finess-csv »";
  if (upper.has("FI") && upper.has("AN")) {
    if (upper.has("EFFSAL_TOT")) return "un bordereau SAE SYGEN : utilisez le type « sae-sygen »";
    return `un autre bordereau SAE que SYGEN (colonnes ${fields.slice(0, 6).join(", ")}…) : les effectifs viennent de SYGEN (type « sae-sygen ») ; les bordereaux MCO, SSR, PSY, HAD et USLD s'importent avec le type « sae-activite »`;
  }
  if (fields.length === 3 && /finess/i.test(fields[0] ?? "") && /ann/i.test(fields[1] ?? "")) return "un fichier d'activité combinée : utilisez le type « activite-csv »";
  if (fields.length <= 1 && text.split(",").length > 2) {
    const commaFields = text.split(",").slice(0, 4).join(", ");
    return `un fichier séparé par des virgules (${commaFields}…) et non par des points-virgules « ; »${/finess,rs/i.test(text) ? " — il ressemble à un fichier Hospidiag de l'ATIH" : ""}`;
  }
  if (fields.length <= 1 && text.includes("\t")) return "un fichier séparé par des tabulations et non par des points-virgules « ; »";
  return `un fichier de format inconnu (début : « ${text.slice(0, 60)} »)`;
}

export function headerMismatchMessage(expected: string, text: string): string {
  return `Ce fichier n'est pas ${expected} : sa première ligne ressemble à ${describeFirstLine(text)}. Rien n'a été importé.`;
}

export const EMPTY_FILE_MESSAGE = "Le fichier est vide : rien n'a été importé.";

export function truncatedMessage(line: number, found: number, expected: number): string {
  return `Fichier tronqué : la dernière ligne (${line}) n'a que ${found} champs sur ${expected}. Le fichier est incomplet (téléchargement interrompu ?) : rien n'a été importé.`;
}
