// Shared by the server (lib/auth/authenticate.ts) and the sign-in form: no server imports here.

/** Failures in a row for one e-mail from one address before each new try must wait. */
export const FAILURES_BEFORE_DELAY = 5;
/** The wait after the 5th failure, doubled at each further one, up to MAX_DELAY_MINUTES. */
export const FIRST_DELAY_MINUTES = 1;
export const MAX_DELAY_MINUTES = 60;

/** Failed sign-ins from one address (any accounts) before it must wait: stops password spraying. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 30;
export const ADDRESS_WINDOW_MINUTES = 10;

export type AuthenticationFailure = "INVALID_CREDENTIALS" | "DISABLED" | "THROTTLED" | "TOO_MANY_ATTEMPTS";
/** The second step's failures (lib/auth/sign-in-flow.ts, lib/auth/second-factor/enrolment.ts). */
export type SecondStepFailure = "CHALLENGE_EXPIRED" | "SECOND_FACTOR_INVALID" | "ENROLMENT_REQUIRED" | "CODE_INVALID" | "NOT_ENROLLING";

/** Refusals of a sign-in through ProConnect or Pro Santé Connect (lib/auth/sso/), sent to /connexion as `error`. */
export type SsoFailure = "SSO_MISMATCH" | "SSO_UNVERIFIED_EMAIL" | "SSO_DISABLED" | "SSO_MFA_REQUIRED" | "SSO_CONSENT_REFUSED" | "SSO_FAILED";

export const AUTHENTICATION_MESSAGES: Record<AuthenticationFailure | SsoFailure, string> = {
  INVALID_CREDENTIALS: "Adresse e-mail ou mot de passe incorrect.",
  // Said the same way whether the address has an account or not.
  THROTTLED: "Trop de tentatives infructueuses pour cette adresse e-mail depuis votre connexion : patientez quelques minutes avant de réessayer.",
  DISABLED: "Ce compte est désactivé. Contactez l'administration du programme.",
  TOO_MANY_ATTEMPTS: `Trop de connexions échouées depuis votre réseau : réessayez dans ${ADDRESS_WINDOW_MINUTES} minutes au plus.`,
  // Single sign-on (lib/auth/sso/): none of them opens a session.
  SSO_MISMATCH:
    "L'adresse e-mail transmise par votre fournisseur d'identité correspond à un autre compte du Guichet que celui associé à votre identité : la connexion est refusée. Contactez l'administration du programme pour rattacher votre identité au bon compte.",
  SSO_UNVERIFIED_EMAIL:
    "Votre fournisseur d'identité n'a pas confirmé votre adresse e-mail : connectez-vous avec votre adresse e-mail et votre mot de passe.",
  SSO_DISABLED: "Ce compte est désactivé. Contactez l'administration du programme.",
  SSO_MFA_REQUIRED:
    "Votre fournisseur d'identité n'a pas confirmé une authentification à deux facteurs : connectez-vous avec votre adresse e-mail, votre mot de passe et votre second facteur.",
  SSO_CONSENT_REFUSED:
    "Vous avez refusé ou annulé la connexion auprès de votre fournisseur d'identité : vous n'êtes pas connecté. Vous pouvez réessayer, ou vous connecter avec votre adresse e-mail et votre mot de passe.",
  SSO_FAILED:
    "La connexion par votre fournisseur d'identité n'a pas abouti. Réessayez, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
};

export const SECOND_STEP_MESSAGES: Record<SecondStepFailure, string> = {
  CHALLENGE_EXPIRED: "Votre connexion a expiré ou a connu trop d'essais : saisissez à nouveau votre adresse e-mail et votre mot de passe.",
  SECOND_FACTOR_INVALID: "Ce code n'est pas valable (un code ne sert qu'une fois) : saisissez le code affiché maintenant par votre application, ou un code de secours.",
  ENROLMENT_REQUIRED: "Votre compte doit d'abord être protégé par un second facteur : configurez-le ci-dessous.",
  CODE_INVALID: "Ce code ne correspond pas : vérifiez que l'application affiche le compte « Guichet HospiConnect » et saisissez son code actuel à 6 chiffres.",
  NOT_ENROLLING: "Cette étape n'est plus valable : saisissez à nouveau votre adresse e-mail et votre mot de passe.",
};

/** next-auth's own codes when an OpenID Connect sign-in fails before our rules (unreachable issuer, bad token, cancelled flow). */
const SSO_NEXT_AUTH_ERRORS = new Set(["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "OAuthAccountNotLinked", "Callback", "AccessDenied"]);

/** next-auth reports our reason code as `error` (a wait as `THROTTLED:<minutes>`); anything else gets a generic message. */
export function authenticationMessage(error: string | null | undefined): string {
  const [code, minutes] = (error ?? "").split(":");
  if (code === "THROTTLED" && minutes && /^[0-9]{1,3}$/.test(minutes)) {
    const wait = Number(minutes);
    return `Trop de tentatives infructueuses pour cette adresse e-mail depuis votre connexion : réessayez dans ${wait} minute${wait > 1 ? "s" : ""}.`;
  }
  if (code && Object.hasOwn(AUTHENTICATION_MESSAGES, code)) return AUTHENTICATION_MESSAGES[code as AuthenticationFailure];
  if (code && Object.hasOwn(SECOND_STEP_MESSAGES, code)) return SECOND_STEP_MESSAGES[code as SecondStepFailure];
  if (code && SSO_NEXT_AUTH_ERRORS.has(code)) return AUTHENTICATION_MESSAGES.SSO_FAILED;
  return "La connexion a échoué. Vérifiez vos identifiants et réessayez.";
}

const SAME_ORIGIN_BASE = "https://guichet.invalid";

/**
 * Only same-origin paths are followed after sign-in (no open redirect). Browsers drop tabs and
 * newlines from URLs and read `\` as `/`, so `/\t/other-host` or `/\\other-host` would leave the
 * site: any control character or backslash refuses the path, and what is kept is the path as the
 * URL parser resolves it against our own origin.
 */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2_000 || !raw.startsWith("/") || raw.startsWith("//")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, SAME_ORIGIN_BASE);
  } catch {
    return null;
  }
  if (url.origin !== SAME_ORIGIN_BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}
