/**
 * Département → INSEE region code (= ARS), as data. FINESS département codes: 01…95, 2A/2B,
 * and for overseas 9A Guadeloupe (incl. Saint-Martin, Saint-Barthélemy), 9B Martinique,
 * 9C Guyane, 9D La Réunion, 9F Mayotte. Saint-Pierre-et-Miquelon (9E), Wallis-et-Futuna (9J),
 * Polynésie and Nouvelle-Calédonie have no ARS region of the programme: no mapping.
 */
const REGION_DEPARTEMENTS: Readonly<Record<string, readonly string[]>> = {
  "01": ["9A"],
  "02": ["9B"],
  "03": ["9C"],
  "04": ["9D"],
  "06": ["9F"],
  "11": ["75", "77", "78", "91", "92", "93", "94", "95"],
  "24": ["18", "28", "36", "37", "41", "45"],
  "27": ["21", "25", "39", "58", "70", "71", "89", "90"],
  "28": ["14", "27", "50", "61", "76"],
  "32": ["02", "59", "60", "62", "80"],
  "44": ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
  "52": ["44", "49", "53", "72", "85"],
  "53": ["22", "29", "35", "56"],
  "75": ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
  "76": ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
  "84": ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
  "93": ["04", "05", "06", "13", "83", "84"],
  "94": ["2A", "2B"],
};

export const DEPARTEMENT_TO_REGION: ReadonlyMap<string, string> = new Map(
  Object.entries(REGION_DEPARTEMENTS).flatMap(([region, departements]) => departements.map((departement) => [departement, region] as const)),
);

/** Overseas postal prefixes (3 digits) → FINESS département code. 977 Saint-Barthélemy / 978 Saint-Martin belong to ARS Guadeloupe. */
const OVERSEAS_POSTAL_PREFIX: Readonly<Record<string, string>> = { "971": "9A", "977": "9A", "978": "9A", "972": "9B", "973": "9C", "974": "9D", "976": "9F" };

/** FINESS département code of a French postal code, or undefined (Monaco 980xx, 975 SPM, Pacific, malformed). */
export function departementOfPostalCode(postalCode: string): string | undefined {
  if (!/^[0-9]{5}$/.test(postalCode)) return undefined;
  const two = postalCode.slice(0, 2);
  if (two === "97" || two === "98") return OVERSEAS_POSTAL_PREFIX[postalCode.slice(0, 3)];
  // Corse: 20000–20190 Corse-du-Sud (2A), 20200 and above Haute-Corse (2B).
  if (two === "20") return Number(postalCode) < 20200 ? "2A" : "2B";
  return two === "00" ? undefined : two;
}

export function regionOfDepartement(departement: string): string | undefined {
  return DEPARTEMENT_TO_REGION.get(departement);
}

export function regionOfPostalCode(postalCode: string): string | undefined {
  const departement = departementOfPostalCode(postalCode);
  return departement ? regionOfDepartement(departement) : undefined;
}
