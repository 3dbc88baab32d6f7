import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { completeSignIn } from "./sign-in-flow";
import { endSessionsOf, SESSION_MAX_HOURS } from "./sessions";
import { ssoProvidersFromEnv } from "./sso/providers";
import { isSsoAccount, ssoJwt, ssoSignIn } from "./sso/sign-in";

// The second step of a sign-in (lib/auth/sign-in-flow.ts): the password was checked by startSignIn.
const proofSchema = z.object({
  challenge: z.string().min(1).max(100),
  code: z.string().max(20).optional(),
  recoveryCode: z.string().max(40).optional(),
  webauthn: z.string().max(20_000).optional(),
});

/** next-auth 4: the JWT carries the id of a server-side session (lib/auth/sessions.ts). */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "e-mail",
      credentials: { challenge: { type: "text" }, code: { type: "text" }, recoveryCode: { type: "text" }, webauthn: { type: "text" } },
      async authorize(raw) {
        const parsed = proofSchema.safeParse(Object.fromEntries(Object.entries(raw ?? {}).filter(([, value]) => value !== "" && value !== undefined)));
        if (!parsed.success) return null;
        const result = await completeSignIn(getDb(), parsed.data, now());
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
        // The reason code reaches the sign-in form as `error`; the form shows the French message.
        throw new Error(result.reason);
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
