/**
 * Issue 13, single sign-on end to end without a browser: a REAL OpenID Connect server
 * (oidc-provider, tests/support/oidc-server.ts) on a loopback port, the portal's own next-auth
 * options (lib/auth/options.ts, ProConnect configured by environment as in production), and the
 * authorization-code flow driven with plain fetch through the server's development login and
 * consent pages: discovery, PKCE + state + nonce, the signed ID token checked by next-auth, our
 * rules (lib/auth/sso/resolve.ts), and the session cookie that names our user and a server-side
 * session. Only the browser is missing: the HTTP requests a browser would make are made here.
 */
import type { NextAuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeSession } from "@/lib/auth/sessions";
import { consentRefusalRedirect } from "@/lib/auth/sso/sign-in";
import type { Database } from "@/lib/db/client";
import { startOidcServer, type RunningOidcServer } from "../../support/oidc-server";
import { createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

const PORTAL = "http://localhost:3999";
const SECRET = "sso-provider-test-secret-0123456789abcdef";
const CLIENT = { clientId: "guichet-test", clientSecret: "guichet-test-secret-0123456789abcdef0123" };

let db: Database;
let idp: RunningOidcServer;
let authOptions: NextAuthOptions;
let referent: { id: string };
let staffId: string;
let linkedA: { id: string };

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  referent = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "referent.sso@ch-essai.fr" });
  staffId = (await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84", email: "instructeur.sso@ars.sante.fr" })).id;
  linkedA = await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "compte.a.sso@ch-essai.fr" });
  await createUser(db, { role: "ESTABLISHMENT_REFERENT", email: "compte.b.sso@ch-essai.fr" });
  await db.ssoIdentity.create({ data: { provider: "proconnect", subject: "agent-mismatch", userId: linkedA.id } });

  idp = await startOidcServer({
    clients: [{ ...CLIENT, redirectUris: [`${PORTAL}/api/auth/callback/proconnect`] }],
    identities: [
      { login: "agent-referent", email: "Referent.SSO@ch-essai.fr", email_verified: true, given_name: "Rita", family_name: "Référente", amr: ["pwd"] },
      { login: "agent-unknown", email: "inconnu.sso@ailleurs.fr", email_verified: true, amr: ["pwd"] },
      { login: "agent-mismatch", email: "compte.b.sso@ch-essai.fr", email_verified: true, amr: ["pwd"] },
      { login: "agent-staff-mfa", email: "instructeur.sso@ars.sante.fr", email_verified: true, amr: ["pwd", "otp", "mfa"] },
      { login: "agent-staff-pwd", email: "instructeur.sso@ars.sante.fr", email_verified: true, amr: ["pwd"], acr: "eidas1" },
    ],
  });
  // The portal's configuration, as in production (read when lib/auth/options.ts loads).
  Object.assign(process.env, {
    NEXTAUTH_URL: PORTAL,
    NEXTAUTH_SECRET: SECRET,
    PROCONNECT_ISSUER: idp.issuer,
    PROCONNECT_CLIENT_ID: CLIENT.clientId,
    PROCONNECT_CLIENT_SECRET: CLIENT.clientSecret,
    PROCONNECT_MFA_ACR: "eidas2,eidas3",
    // The test server answers userinfo in JSON.
    PROCONNECT_USERINFO_SIGNED_ALG: "none",
  });
  // getDb() of the portal's callbacks is this file's database.
  (globalThis as { guichetPrisma?: Database }).guichetPrisma = db;
  ({ authOptions } = await import("@/lib/auth/options"));
});

afterAll(async () => {
  (globalThis as { guichetPrisma?: Database }).guichetPrisma = undefined;
  await idp?.stop();
});

/** Cookies as a browser keeps them for one origin. */
class CookieJar {
  readonly values = new Map<string, string>();
  store(setCookie: string[]) {
    for (const line of setCookie) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === "") this.values.delete(name);
      else this.values.set(name, value);
    }
  }
  header() {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  /** As a server's cookie parser reads them (values are URL-encoded on the wire). */
  object() {
    return Object.fromEntries([...this.values].map(([name, value]) => [name, decodeURIComponent(value)]));
  }
}

/** One request to the portal's next-auth handler (the pages-style entry point of NextAuth: no Next.js request context needed). */
async function portal(jar: CookieJar, method: "GET" | "POST", path: string[], params: { query?: Record<string, string>; body?: Record<string, string> } = {}) {
  const headers = new Map<string, string | string[]>();
  let status = 200;
  let body: unknown;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end() {},
    json(value: unknown) {
      body = value;
    },
    send(value: unknown) {
      body = value;
    },
  };
  const req = { method, query: { ...params.query, nextauth: path }, body: params.body ?? {}, cookies: jar.object(), headers: { host: "localhost:3999" } };
  await NextAuth(req as never, res as never, authOptions);
  const setCookie = headers.get("set-cookie") ?? [];
  jar.store(Array.isArray(setCookie) ? setCookie : [setCookie]);
  return { status, location: headers.get("location") as string | undefined, body };
}

/** The person at the IdP: its development login page (any password), then its consent page — accepted or cancelled. */
async function atIdentityProvider(authorizationUrl: string, login: string, choice: "consent" | "cancel"): Promise<URL> {
  const jar = new CookieJar();
  const go = async (url: URL | string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: jar.header() } });
    jar.store(response.headers.getSetCookie());
    return response;
  };
  const post = (url: URL, form: Record<string, string>) => go(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
  let response = await go(authorizationUrl);
  for (let step = 0; step < 12; step += 1) {
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, idp.issuer);
      if (next.origin === PORTAL) return next;
      response = await go(next);
      continue;
    }
    expect(response.status).toBe(200);
    const html = await response.text();
    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? "", idp.issuer);
    if (html.includes('name="prompt" value="login"')) {
      response = await post(action, { prompt: "login", login, password: "peu-importe" });
    } else if (choice === "consent") {
      response = await post(action, { prompt: "consent" });
    } else {
      // The consent page's « Cancel » link (devInteractions' abort).
      response = await go(new URL(/href="([^"]*\/abort)"/.exec(html)?.[1] ?? "", idp.issuer));
    }
  }
  throw new Error("The IdP never sent the browser back to the portal");
}

/** The whole sign-in as a browser makes it: the button (signIn("proconnect")), the IdP, the callback. */
async function signInThroughProConnect(login: string, choice: "consent" | "cancel" = "consent") {
  const browser = new CookieJar();
  const { body: csrf } = await portal(browser, "GET", ["csrf"]);
  const start = await portal(browser, "POST", ["signin", "proconnect"], { body: { csrfToken: (csrf as { csrfToken: string }).csrfToken, callbackUrl: `${PORTAL}/etablissement`, json: "true" } });
  const authorizationUrl = (start.body as { url: string }).url;
  const callback = await atIdentityProvider(authorizationUrl, login, choice);
  const refusal = consentRefusalRedirect(callback);
  const answer = await portal(browser, "GET", ["callback", "proconnect"], { query: Object.fromEntries(callback.searchParams) });
  const cookie = browser.values.get("next-auth.session-token");
  const token = cookie ? await decode({ token: decodeURIComponent(cookie), secret: SECRET }) : null;
  return { authorizationUrl: new URL(authorizationUrl), callback, refusal, location: answer.location, token };
}

describe("single sign-on against a real OpenID Connect server", () => {
  it("the server's discovery document is served and next-auth builds its authorization request from it (code, PKCE S256, state, nonce)", async () => {
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: idp.issuer, authorization_endpoint: `${idp.issuer}/auth`, token_endpoint: `${idp.issuer}/token`, jwks_uri: `${idp.issuer}/jwks` });
    const browser = new CookieJar();
    const { body: csrf } = await portal(browser, "GET", ["csrf"]);
    const start = await portal(browser, "POST", ["signin", "proconnect"], { body: { csrfToken: (csrf as { csrfToken: string }).csrfToken, callbackUrl: "/etablissement", json: "true" } });
    const url = new URL((start.body as { url: string }).url);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      response_type: "code",
      scope: "openid email profile",
      redirect_uri: `${PORTAL}/api/auth/callback/proconnect`,
      code_challenge_method: "S256",
    });
    for (const param of ["state", "nonce", "code_challenge"]) expect(url.searchParams.get(param)).toMatch(/^[\w-]{20,}$/);
  });

  it("a known referent (verified e-mail) is linked and signed in: the JWT names our user and a live server-side session", async () => {
    const result = await signInThroughProConnect("agent-referent");
    expect(result.location).toBe(`${PORTAL}/etablissement`);
    expect(result.token).toMatchObject({ sub: referent.id });
    const session = await resumeSession(db, String(result.token?.sid));
    expect(session?.user.id).toBe(referent.id);
    expect(await db.ssoIdentity.findUnique({ where: { provider_subject: { provider: "proconnect", subject: "agent-referent" } } })).toMatchObject({ userId: referent.id });
    expect(await db.auditEvent.count({ where: { action: "auth.sso.signed-in", actorId: referent.id } })).toBe(1);
  });

  it("an unknown person gets no session and is sent to the account request with the e-mail prefilled", async () => {
    const result = await signInThroughProConnect("agent-unknown");
    expect(result.location).toBe("/inscription?email=inconnu.sso%40ailleurs.fr&sso=proconnect");
    expect(result.token).toBeNull();
  });

  it("an identity linked to one account whose e-mail names another gets no session and the mismatch message", async () => {
    const result = await signInThroughProConnect("agent-mismatch");
    expect(result.location).toBe("/connexion?error=SSO_MISMATCH");
    expect(result.token).toBeNull();
    expect(await db.userSession.count({ where: { userId: linkedA.id } })).toBe(0);
  });

  it("a staff account: refused when the IdP states no second factor, signed in when its ID token's amr has mfa", async () => {
    const refused = await signInThroughProConnect("agent-staff-pwd");
    expect(refused.location).toBe("/connexion?error=SSO_MFA_REQUIRED");
    expect(refused.token).toBeNull();
    const admitted = await signInThroughProConnect("agent-staff-mfa");
    expect(admitted.token).toMatchObject({ sub: staffId });
    expect((await resumeSession(db, String(admitted.token?.sid)))?.user.role).toBe("ARS_INSTRUCTOR");
  });

  it("a consent refused at the IdP comes back as access_denied: no session, and the sign-in page's own message", async () => {
    const result = await signInThroughProConnect("agent-referent", "cancel");
    expect(result.callback.searchParams.get("error")).toBe("access_denied");
    expect(result.refusal).toBe("/connexion?error=SSO_CONSENT_REFUSED");
    // Without the route's check, next-auth alone would only say « Callback » (a generic failure).
    expect(result.location).toBe(`${PORTAL}/api/auth/error?error=Callback`);
    expect(result.token).toBeNull();
  });
});
