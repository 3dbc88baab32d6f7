import type { Account, Profile, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { Database } from "@/lib/db/client";
import type { SsoFailure } from "../authentication-messages";
import { ssoClaimsSchema } from "./claims";
import { isSsoProviderId, ssoSettingsOf } from "./providers";
import { openSsoSession, resolveSsoSignIn } from "./resolve";
import { logError } from "@/lib/log/logger";

/**
 * The glue between next-auth's callbacks (lib/auth/options.ts) and the rules of resolve.ts:
 * `signIn` decides and, when it refuses, answers the path the browser goes to (a French message
 * on /connexion, or the account request for an unknown person); `jwt` opens the server-side
 * session of the account it admitted, so the JWT carries our user id and session id — never the
 * IdP's `sub` — like a password sign-in.
 */

/** Set by the signIn callback on next-auth's user object, read by the jwt callback of the same request. */
type AdmittedUser = User & { guichetUserId?: string };

export function isSsoAccount(account: Pick<Account, "provider" | "type"> | null | undefined): account is Account {
  return account?.type === "oauth" && isSsoProviderId(account.provider);
}

export function ssoRefusalPath(reason: SsoFailure): string {
  return `/connexion?error=${reason}`;
}

export function accountRequestPath(provider: string, email: string | null): string {
  const query = new URLSearchParams();
  if (email) query.set("email", email);
  query.set("sso", provider);
  return `/inscription?${query}`;
}

export async function ssoSignIn(db: Database, { user, account, profile }: { user: User; account: Account; profile?: Profile }): Promise<true | string> {
  try {
    const settings = ssoSettingsOf(account.provider);
    const claims = ssoClaimsSchema.safeParse(profile);
    if (!settings || !claims.success || claims.data.sub !== account.providerAccountId) return ssoRefusalPath("SSO_FAILED");
    const decision = await resolveSsoSignIn(db, { provider: settings.id, claims: claims.data, mfaAcrValues: settings.mfaAcrValues });
    if (!decision.ok) return decision.reason === "UNKNOWN" ? accountRequestPath(settings.id, decision.email) : ssoRefusalPath(decision.reason);
    // next-auth hands this same object to the jwt callback.
    Object.assign(user as AdmittedUser, { id: decision.userId, guichetUserId: decision.userId });
    return true;
  } catch (error) {
    logError("sso-sign-in", error);
    return ssoRefusalPath("SSO_FAILED");
  }
}

/** The token of an admitted SSO sign-in: our user id and a new server-side session. */
export async function ssoJwt(db: Database, token: JWT, user: User, account: Account, at: Date): Promise<JWT> {
  const userId = (user as AdmittedUser).guichetUserId;
  if (!userId) throw new Error("SSO sign-in without an admitted account");
  const sessionId = await openSsoSession(db, { provider: account.provider, subject: account.providerAccountId, userId }, at);
  if (!sessionId) throw new Error("SSO sign-in of an account disabled meanwhile");
  return { ...token, sub: userId, sid: sessionId };
}

/**
 * A refusal at the IdP (the person declined or cancelled: OAuth's `error=access_denied` on our
 * callback) would only reach next-auth as a generic `OAuthCallback` error: it is told apart here,
 * before next-auth, so the sign-in page says what happened. Nothing is opened either way.
 */
export function consentRefusalRedirect(url: URL): string | null {
  const match = /^\/api\/auth\/callback\/([^/]+)$/.exec(url.pathname);
  if (!match || !isSsoProviderId(match[1]) || url.searchParams.get("error") !== "access_denied") return null;
  return ssoRefusalPath("SSO_CONSENT_REFUSED");
}
