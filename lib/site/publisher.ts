/** Who publishes the portal: named on the legal pages (mentions légales, données personnelles, accessibilité). */
export const PUBLISHER = {
  name: "Ministère chargé de la santé — Délégation au numérique en santé (DNS)",
  address: "14 avenue Duquesne, 75350 Paris 07 SP",
  dataProtectionOfficer: "Délégué à la protection des données des ministères sociaux, 14 avenue Duquesne, 75350 Paris 07 SP",
} as const;

/**
 * The host depends on the deployment: the operator of an instance names it in
 * GUICHET_HOSTING_PROVIDER (for example « Société X, adresse »); without it the
 * page says so rather than naming a host that may not be the right one.
 */
export function hostingProvider(): string | null {
  return process.env.GUICHET_HOSTING_PROVIDER?.trim() || null;
}

/** Date of the accessibility declaration (the last automated accessibility check of the suite was set up on this date). */
export const ACCESSIBILITY_DECLARATION_DATE = "1er décembre 2026";
