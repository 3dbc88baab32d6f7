/**
 * The wording of the attestations a milestone deposit asks for, as the
 * establishment reads it when it ticks them and as its récépissé repeats it.
 */

/**
 * Source 003 ("Atteinte des cibles pour l'année 2026"): « J'atteste que mon établissement a atteint
 * les cibles pour l'année 2026. », or for a GHT « … tous les établissements juridiques (EJ) candidats … ».
 */
export function targetsAttestationText(year: number, isGht: boolean): string {
  return isGht
    ? `J'atteste que tous les établissements juridiques (EJ) candidats ont atteint les cibles pour l'année ${year}.`
    : `J'atteste que mon établissement a atteint les cibles pour l'année ${year}.`;
}

/**
 * Source 000/003: eligible expenses serve the objectives, are incurred from 19 December 2025 and are
 * declared for one EJ only; for 2028 only the expenses invoiced and paid by 16 June 2028 count.
 */
export function expensesAttestationText(year: number): string {
  return (
    "J'atteste que les dépenses déclarées concourent aux objectifs HospiConnect/HOP'EN2, ont été engagées à compter du 19 décembre 2025" +
    (year === 2028 ? ", ont été facturées et payées au 16 juin 2028" : "") +
    " et ne sont déclarées que pour une seule entité juridique."
  );
}
