/**
 * The browser tests' OpenID Connect provider: the same real server as the integration tests
 * (tests/support/oidc-server.ts), started by scripts/e2e-server.ts before the portal, which gets
 * PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET pointing at it. Only
 * ProConnect is configured: a second button would change the sign-in page every spec reads.
 * The identities are those of tests/e2e/sso.spec.ts (logins typed on its development login page).
 */
import { startOidcServer, type RunningOidcServer } from "../../support/oidc-server";
import { E2E_ESTABLISHMENTS, E2E_SSO_LINKED_ACCOUNT } from "./fixtures";

export const E2E_SSO_CLIENT = { clientId: "guichet-e2e", clientSecret: "guichet-e2e-client-secret-0123456789abcdef" } as const;

/** Logins at the test IdP (any password). */
export const E2E_SSO_IDENTITIES = {
  /** The SSO EJ's referent: verified e-mail of an active account, linked at the first sign-in. */
  referent: { login: "e2e-sso-referent", email: E2E_ESTABLISHMENTS.sso.email, email_verified: true, given_name: "Iris", family_name: "Identité", amr: ["pwd"] },
  /** Nobody of the portal: sent to the account request. */
  unknown: { login: "e2e-sso-inconnu", email: "e2e.sso.inconnu@test.guichet.fr", email_verified: true, given_name: "Ines", family_name: "Inconnue", amr: ["pwd"] },
  /** Linked to E2E_SSO_LINKED_ACCOUNT, but its e-mail now names the referent's account. */
  mismatch: { login: E2E_SSO_LINKED_ACCOUNT.subject, email: E2E_ESTABLISHMENTS.sso.email, email_verified: true, amr: ["pwd"] },
} as const;

/** Starts the server with a client for each portal URL (the portal and its clock server), and sets the portal's ProConnect variables. */
export async function startE2eOidcServer(portalUrls: string[], port: number): Promise<RunningOidcServer> {
  const server = await startOidcServer({
    port,
    clients: [{ ...E2E_SSO_CLIENT, redirectUris: portalUrls.map((url) => `${url}/api/auth/callback/proconnect`) }],
    identities: Object.values(E2E_SSO_IDENTITIES).map((identity) => ({ ...identity, amr: [...identity.amr] })),
  });
  process.env.PROCONNECT_ISSUER = server.issuer;
  process.env.PROCONNECT_CLIENT_ID = E2E_SSO_CLIENT.clientId;
  process.env.PROCONNECT_CLIENT_SECRET = E2E_SSO_CLIENT.clientSecret;
  // The test server answers userinfo in plain JSON (and puts the e-mail in the ID token anyway).
  process.env.PROCONNECT_USERINFO_SIGNED_ALG = "none";
  delete process.env.PSC_ISSUER;
  return server;
}
