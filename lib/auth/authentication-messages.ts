// Shared by the server (lib/auth/authenticate.ts) and the sign-in form: no server imports here.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticationFailure = "INVALID_CREDENTIALS" | "LOCKED" | "DISABLED";

export const AUTHENTICATION_MESSAGES: Record<AuthenticationFailure, string> = {
  INVALID_CREDENTIALS: "Adresse e-mail ou mot de passe incorrect.",
  LOCKED: `Trop de tentatives infructueuses : le compte est bloqué pendant ${LOCK_MINUTES} minutes. Réessayez plus tard.`,
  DISABLED: "Ce compte est désactivé. Contactez l'administration du programme.",
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
