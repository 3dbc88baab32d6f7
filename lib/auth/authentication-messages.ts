// Shared by the server (lib/auth/authenticate.ts) and the sign-in form: no server imports here.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/** Failed sign-ins from one address (any accounts) before it must wait: stops password spraying. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 30;
export const ADDRESS_WINDOW_MINUTES = 10;

export type AuthenticationFailure = "INVALID_CREDENTIALS" | "LOCKED" | "DISABLED" | "TOO_MANY_ATTEMPTS";

export const AUTHENTICATION_MESSAGES: Record<AuthenticationFailure, string> = {
  INVALID_CREDENTIALS: "Adresse e-mail ou mot de passe incorrect.",
  LOCKED: `Trop de tentatives infructueuses : le compte est bloqué pendant ${LOCK_MINUTES} minutes. Réessayez plus tard.`,
  DISABLED: "Ce compte est désactivé. Contactez l'administration du programme.",
  TOO_MANY_ATTEMPTS: `Trop de connexions échouées depuis votre réseau : réessayez dans ${ADDRESS_WINDOW_MINUTES} minutes au plus.`,
};

/** next-auth reports our reason code as `error`; anything else gets a generic message. */
export function authenticationMessage(error: string | null | undefined): string {
  if (error && Object.hasOwn(AUTHENTICATION_MESSAGES, error)) return AUTHENTICATION_MESSAGES[error as AuthenticationFailure];
  return "La connexion a échoué. Vérifiez vos identifiants et réessayez.";
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  return raw;
}
