/**
 * The 18 regions of the ARS (agences régionales de santé), keyed by their INSEE region code:
 * reference data that the FINESS import writes before its sites and the seed starts from.
 *
 * Transcribed from `regions_ars.csv` (reference data of the project, columns
 * `region_code_insee;region_libelle`) so that nothing reads a file outside this repository.
 * Two labels follow the official INSEE names instead of the CSV's spelling: "Île-de-France"
 * (the CSV drops the accent: "Ile-de-France") and "La Réunion" (the CSV writes "Réunion").
 */
export interface ArsRegion {
  /** INSEE region code, two characters ("84"). */
  readonly code: string;
  /** French name shown to users. */
  readonly name: string;
}

export const REGIONS: readonly ArsRegion[] = [
  { code: "01", name: "Guadeloupe" },
  { code: "02", name: "Martinique" },
  { code: "03", name: "Guyane" },
  { code: "04", name: "La Réunion" },
  { code: "06", name: "Mayotte" },
  { code: "11", name: "Île-de-France" },
  { code: "24", name: "Centre-Val de Loire" },
  { code: "27", name: "Bourgogne-Franche-Comté" },
  { code: "28", name: "Normandie" },
  { code: "32", name: "Hauts-de-France" },
  { code: "44", name: "Grand Est" },
  { code: "52", name: "Pays de la Loire" },
  { code: "53", name: "Bretagne" },
  { code: "75", name: "Nouvelle-Aquitaine" },
  { code: "76", name: "Occitanie" },
  { code: "84", name: "Auvergne-Rhône-Alpes" },
  { code: "93", name: "Provence-Alpes-Côte d'Azur" },
  { code: "94", name: "Corse" },
];
