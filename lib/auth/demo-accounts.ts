/**
 * The demo accounts created by the seed and printed by `npm run demo` and the README.
 * Demo data only: never created in production.
 */
export const DEMO_PASSWORD = "Demo-HospiConnect-2026";

/**
 * The authenticator-app secret of the demo's ARS, ANS and DNS accounts (their second factor is
 * mandatory): add it to any TOTP app, or print the current code with `npm run demo:code`.
 */
export const DEMO_TOTP_SECRET = "GUICHETHOSPICONNECTDEMOSECONDFAC";

export const DEMO_ACCOUNTS = {
  referentEj: { email: "referent.ej@demo.guichet.fr", label: "Référent d'un établissement (EJ multi-sites)" },
  referentGht: { email: "referent.ght@demo.guichet.fr", label: "Référent de l'établissement support d'un GHT" },
  referentClinique: { email: "referent.clinique@demo.guichet.fr", label: "Référent d'une clinique privée (Bretagne)" },
  referentEspic: { email: "referent.espic@demo.guichet.fr", label: "Référent d'un ESPIC dont le jalon 2026 est accepté (dépôt 2027 à montrer)" },
  instructorAra: { email: "instructeur.ara@demo.guichet.fr", label: "Instructeur ARS Auvergne-Rhône-Alpes" },
  instructorBretagne: { email: "instructeur.bretagne@demo.guichet.fr", label: "Instructeur ARS Bretagne" },
  instructorAns: { email: "instructeur.ans@demo.guichet.fr", label: "Instructeur ANS (national : relèves HospiConnect/CaRE de toutes les régions)" },
  admin: { email: "admin@demo.guichet.fr", label: "Administrateur DNS" },
} as const;
