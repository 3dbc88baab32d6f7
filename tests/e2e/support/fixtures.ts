/**
 * Establishments that exist only in the browser tests' database (seeded by
 * scripts/e2e-server.ts after the demo data), so that each spec can walk a
 * whole journey on an EJ that no other spec touches. Each is a public mono-EG
 * EJ of Auvergne-Rhône-Alpes (instructed by instructorAra), with one referent
 * account (the demo password) and a candidature already accepted by the ARS,
 * so its 2026 deposit can start at the demo date.
 */
export const E2E_ESTABLISHMENTS = {
  /** The deposit form completed with the keyboard only. */
  keyboardDeposit: { finess: "998400700", name: "Centre hospitalier d'essai du Clavier", email: "e2e.clavier@test.guichet.fr", headcount: 800 },
  /** The deposit form's true states: errors that go as fields are fixed, summaries, bounds, duplicates. */
  depositStates: { finess: "998400718", name: "Centre hospitalier d'essai des États", email: "e2e.etats@test.guichet.fr", headcount: 800 },
  /** Instruction: a partial award with its reason, the modal confirmations, the changes between transmissions. */
  instruction: { finess: "998400726", name: "Centre hospitalier d'essai de l'Instruction", email: "e2e.instruction@test.guichet.fr", headcount: 800 },
  /** The establishment dashboard's next action, and the actions offered only where they can succeed. */
  dashboard: { finess: "998400734", name: "Centre hospitalier d'essai du Tableau de bord", email: "e2e.tableau@test.guichet.fr", headcount: 300 },
  /** 2027 (issue 12): objectives declared with their proofs, validated one by one by the ARS. */
  objectives2027: { finess: "998400750", name: "Centre hospitalier d'essai des Cibles 2027", email: "e2e.cibles@test.guichet.fr", headcount: 800 },
  /** Sessions (issue 13): signing out ends every session of its account, so no shared demo account may do it. */
  sessions: { finess: "998400768", name: "Centre hospitalier d'essai des Sessions", email: "e2e.sessions@test.guichet.fr", headcount: 300 },
  /** Antivirus (issue 14): an infected upload refused, a clean one found clean. */
  antivirus: { finess: "998400784", name: "Centre hospitalier d'essai de l'Antivirus", email: "e2e.antivirus@test.guichet.fr", headcount: 300 },
  /** HospiConnect/CaRE: the envelope imported by the DNS, the 2026 relève, its partial grant by the ANS, the 2027 relève. */
  careReleve: { finess: "998400742", name: "Centre hospitalier d'essai de la Relève CaRE", email: "e2e.care@test.guichet.fr", headcount: 800 },
  /** Single sign-on (issue 13): its referent signs in through the test OIDC server (tests/e2e/support/oidc-server.ts). */
  sso: { finess: "998400776", name: "Centre hospitalier d'essai de l'Identité", email: "e2e.sso@test.guichet.fr", headcount: 300 },
} as const;

/**
 * The SSO spec's second account of the SSO EJ: a ProConnect identity is already linked to it, and
 * that identity's e-mail now names the EJ's referent (the « mismatched e-mail » case).
 */
export const E2E_SSO_LINKED_ACCOUNT = { email: "e2e.sso.lie@test.guichet.fr", provider: "proconnect", subject: "e2e-sso-mismatch" } as const;

export type E2eEstablishment = keyof typeof E2E_ESTABLISHMENTS;

/**
 * ARS instructors of the browser tests only (region 84), without a second factor, so that a spec
 * can enrol one: each serves one spec (signing out ends all its sessions).
 */
export const E2E_STAFF = {
  totp: { email: "e2e.instructeur.totp@test.guichet.fr", name: "Instructrice d'essai TOTP" },
  webauthn: { email: "e2e.instructeur.cle@test.guichet.fr", name: "Instructeur d'essai clé de sécurité" },
} as const;
