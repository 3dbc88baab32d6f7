/**
 * A real OpenID Connect provider for the tests (the `oidc-provider` package on 127.0.0.1, a random
 * port): discovery, authorization-code flow with PKCE, signed ID tokens, its development login and
 * consent pages (devInteractions: any login names an identity of `identities`, any password).
 * Used by the SSO integration tests and the browser tests' server (scripts/e2e-server.ts), so
 * both talk to the same kind of server as the portal does in production: ProConnect and Pro Santé
 * Connect are OpenID Connect providers.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/** What the IdP says about a person: the claims of its ID token. */
export interface TestIdentity {
  /** The login typed on the development sign-in page; also the `sub`. */
  login: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  /** Authentication methods (RFC 8176): ["pwd", "otp", "mfa"] for a second factor. */
  amr?: string[];
  acr?: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  /** The portal's callback, e.g. http://localhost:3100/api/auth/callback/proconnect. */
  redirectUris: string[];
}

export interface RunningOidcServer {
  issuer: string;
  port: number;
  /** Replaces or adds identities while the server runs. */
  identities: Map<string, TestIdentity>;
  stop(): Promise<void>;
}

/**
 * Starts the server. `identities` are found by their login; an unknown login is an identity with
 * no claim but its `sub` (the IdP knows everybody — the portal decides what to do with them).
 */
export async function startOidcServer(options: { clients: TestOidcClient[]; identities: TestIdentity[]; port?: number; host?: string }): Promise<RunningOidcServer> {
  const host = options.host ?? "127.0.0.1";
  const identities = new Map(options.identities.map((identity) => [identity.login, identity]));
  // Its own signing key, made here: nothing is downloaded and no development key is used.
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };

  // Listen first: the issuer must carry the real port.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [signingKey as never] },
    // A fixed secret for the interaction cookies (the tests' server only).
    cookies: { keys: ["guichet-test-oidc-cookie-key"] },
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile"],
    claims: {
      // The methods of the authentication (a second factor or not), as the IdPs of the programme state them.
      openid: ["sub", "amr", "acr"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name"],
    },
    // The scope's claims in the ID token too (next-auth reads the ID token), as the IdPs of the programme do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      return {
        accountId: sub,
        async claims() {
          const identity = identities.get(sub);
          // amr and acr are the login's (below), not claims of the account.
          const { email, email_verified, given_name, family_name } = identity ?? {};
          return { sub, email, email_verified, given_name, family_name };
        },
      };
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
  };
  const provider = new Provider(issuer, configuration);
  // The development login page stands for the IdP's own authentication: the methods it used (amr,
  // acr: a second factor or not) are the identity's, as ProConnect or Pro Santé Connect would state them.
  const finish = provider.interactionFinished.bind(provider);
  provider.interactionFinished = (req, res, result, finishOptions) => {
    const { login } = result;
    const identity = login ? identities.get(login.accountId) : undefined;
    const stated = identity && login ? { ...result, login: { ...login, amr: identity.amr, acr: identity.acr } } : result;
    return finish(req, res, stated, finishOptions);
  };
  server.on("request", provider.callback());

  return {
    issuer,
    port,
    identities,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
