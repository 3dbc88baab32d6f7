import type { OAuthConfig } from "next-auth/providers/oauth";
// next-auth's own types name openid-client's: at run time its tokens are openid-client's TokenSet.
import type { TokenSet as OidcTokenSet } from "openid-client";
import { type SsoClaims, ssoClaimsSchema } from "./claims";

/**
 * Single sign-on (issue 13): the OpenID Connect providers of the programme, each configured by
 * environment and each optional — without its three variables a provider has no button and
 * nothing else changes. ProConnect is for public agents (ARS, ANS, DNS, public establishments),
 * Pro Santé Connect for health professionals. next-auth 4's generic OAuth provider in its OIDC
 * form: metadata from the issuer's discovery document, ID token checked (signature, issuer,
 * audience, nonce), PKCE + state + nonce. Nothing is fetched but the configured issuer.
 */
export const SSO_PROVIDER_IDS = ["proconnect", "pro-sante-connect"] as const;
export type SsoProviderId = (typeof SSO_PROVIDER_IDS)[number];

export interface SsoProviderSettings {
  id: SsoProviderId;
  /** The IdP's name, as the messages say it. */
  name: string;
  /** The sign-in page's button. */
  buttonLabel: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** `acr` values that mean a multi-factor authentication at this IdP (besides `amr` containing "mfa"). */
  mfaAcrValues: string[];
  /** Set when the IdP answers its userinfo endpoint with a signed JWT (ProConnect does). */
  userinfoSignedResponseAlg: string | null;
}

/** What the sign-in page needs: no issuer, no secret. */
export interface SsoButton {
  id: SsoProviderId;
  label: string;
}

type Env = Record<string, string | undefined>;

const DEFINITIONS: Record<SsoProviderId, { prefix: string; name: string; buttonLabel: string; userinfoSignedResponseAlg: string | null }> = {
  proconnect: { prefix: "PROCONNECT", name: "ProConnect", buttonLabel: "S’identifier avec ProConnect", userinfoSignedResponseAlg: "RS256" },
  "pro-sante-connect": { prefix: "PSC", name: "Pro Santé Connect", buttonLabel: "Se connecter avec Pro Santé Connect", userinfoSignedResponseAlg: null },
};

const DEFAULT_SCOPE = "openid email profile";

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The providers whose issuer, client id and client secret are all set. */
export function ssoSettingsFromEnv(env: Env = process.env): SsoProviderSettings[] {
  return SSO_PROVIDER_IDS.flatMap((id) => {
    const { prefix, name, buttonLabel, userinfoSignedResponseAlg } = DEFINITIONS[id];
    const issuer = env[`${prefix}_ISSUER`]?.trim().replace(/\/+$/, "");
    const clientId = env[`${prefix}_CLIENT_ID`]?.trim();
    const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim();
    if (!issuer || !clientId || !clientSecret) return [];
    const alg = env[`${prefix}_USERINFO_SIGNED_ALG`]?.trim();
    return [
      {
        id,
        name,
        buttonLabel,
        issuer,
        clientId,
        clientSecret,
        scope: env[`${prefix}_SCOPE`]?.trim() || DEFAULT_SCOPE,
        mfaAcrValues: list(env[`${prefix}_MFA_ACR`]),
        // "none": the IdP answers plain JSON.
        userinfoSignedResponseAlg: alg === "none" ? null : alg || userinfoSignedResponseAlg,
      },
    ];
  });
}

export function ssoSettingsOf(providerId: string, env: Env = process.env): SsoProviderSettings | null {
  return ssoSettingsFromEnv(env).find((settings) => settings.id === providerId) ?? null;
}

export function isSsoProviderId(value: unknown): value is SsoProviderId {
  return typeof value === "string" && (SSO_PROVIDER_IDS as readonly string[]).includes(value);
}

export function ssoProviderName(id: SsoProviderId): string {
  return DEFINITIONS[id].name;
}

export function ssoButtons(env: Env = process.env): SsoButton[] {
  return ssoSettingsFromEnv(env).map(({ id, buttonLabel }) => ({ id, label: buttonLabel }));
}

/** Claims that describe the authentication itself: always the ID token's, never the userinfo's. */
const AUTHENTICATION_CLAIMS = ["sub", "amr", "acr", "auth_time", "nonce", "iss", "aud"] as const;

/** next-auth's provider for one IdP. */
export function ssoProvider(settings: SsoProviderSettings): OAuthConfig<SsoClaims> {
  return {
    id: settings.id,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: {
      params: {
        scope: settings.scope,
        // amr is only sent when asked for (ProConnect); acr tells the level of the authentication.
        claims: JSON.stringify({ id_token: { amr: { essential: true }, acr: { essential: false } } }),
      },
    },
    client: {
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: "RS256",
      ...(settings.userinfoSignedResponseAlg ? { userinfo_signed_response_alg: settings.userinfoSignedResponseAlg } : {}),
    },
    userinfo: {
      // The ID token first. Some IdPs put the person's e-mail and names only in userinfo: then it
      // is asked (openid-client checks that its `sub` is the ID token's), and what describes the
      // authentication (sub, amr, acr) is still taken from the signed ID token only.
      async request({ tokens: raw, client }) {
        const tokens = raw as OidcTokenSet;
        const fromIdToken = tokens.claims() as Record<string, unknown>;
        if (typeof fromIdToken.email === "string" || !tokens.access_token || !client.issuer.metadata.userinfo_endpoint) return fromIdToken as SsoClaims;
        const fromUserinfo = (await client.userinfo(tokens)) as Record<string, unknown>;
        const merged: Record<string, unknown> = { ...fromUserinfo, ...fromIdToken };
        for (const claim of AUTHENTICATION_CLAIMS) merged[claim] = fromIdToken[claim];
        return merged as SsoClaims;
      },
    },
    profile(raw) {
      const claims = ssoClaimsSchema.parse(raw);
      const name = [claims.given_name, claims.usual_name ?? claims.family_name].filter(Boolean).join(" ") || claims.name || null;
      return { id: claims.sub, email: claims.email ?? null, name };
    },
  };
}

export function ssoProvidersFromEnv(env: Env = process.env): OAuthConfig<SsoClaims>[] {
  return ssoSettingsFromEnv(env).map(ssoProvider);
}
