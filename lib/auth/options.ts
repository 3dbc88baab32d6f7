import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { clientAddress } from "@/lib/security/rate-limit";
import { authenticate } from "./authenticate";
import { endSessionsOf, SESSION_MAX_HOURS } from "./sessions";
import { ssoProvidersFromEnv } from "./sso/providers";
import { isSsoAccount, ssoJwt, ssoSignIn } from "./sso/sign-in";

function addressOf(request: { headers?: Record<string, unknown> } | undefined): string | null {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request?.headers ?? {})) if (typeof value === "string") headers.set(name, value);
  return clientAddress(headers);
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

/** next-auth 4: e-mail + password; the JWT carries the id of a server-side session (lib/auth/sessions.ts). */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "e-mail",
      credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, now(), addressOf(request));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
        // The reason code reaches the sign-in form as `error`; the form shows the French message.
        throw new Error(result.reason === "THROTTLED" ? `THROTTLED:${result.retryAfterMinutes ?? 1}` : result.reason);
      },
    }),
    // ProConnect and Pro Santé Connect, each only when configured (lib/auth/sso/providers.ts).
    ...ssoProvidersFromEnv(),
  ],
  callbacks: {
    // Single sign-on: our rules decide which account opens, or where a refusal goes (lib/auth/sso/).
    async signIn({ user, account, profile }) {
      if (isSsoAccount(account)) return ssoSignIn(getDb(), { user, account, profile });
      return true;
    },
    async jwt({ token, user, account }) {
      // Single sign-on: our user id and a new server-side session, like the password sign-in below.
      if (user && isSsoAccount(account)) return ssoJwt(getDb(), token, user, account, now());
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      // Role and scope are read from the database on each request (lib/auth/session.ts), not from the token.
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sessionId: token.sid });
      return session;
    },
  },
  events: {
    // Signing out ends every session of the account, so a copied cookie is dead too.
    async signOut({ token }) {
      if (token?.sub) await endSessionsOf(getDb(), token.sub, "sign-out");
    },
  },
};
