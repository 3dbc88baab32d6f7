import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { clientAddress, createRateLimiter } from "@/lib/security/rate-limit";
import { authenticate } from "./authenticate";
import { ADDRESS_WINDOW_MINUTES, MAX_FAILED_SIGN_INS_PER_ADDRESS } from "./authentication-messages";

// Per account, authenticate() locks after 5 failures; per address, this bounds tries across accounts.
const failuresByAddress = ((globalThis as { guichetSignInFailures?: ReturnType<typeof createRateLimiter> }).guichetSignInFailures ??= createRateLimiter({
  limit: MAX_FAILED_SIGN_INS_PER_ADDRESS,
  windowMs: ADDRESS_WINDOW_MINUTES * 60_000,
}));

function addressOf(request: { headers?: Record<string, unknown> } | undefined): string | null {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request?.headers ?? {})) if (typeof value === "string") headers.set(name, value);
  return clientAddress(headers);
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

/** next-auth 4: e-mail + password, JWT sessions of 8 hours. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "e-mail",
      credentials: { email: { label: "Adresse e-mail", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = addressOf(request);
        if (address && failuresByAddress.isLimited(address).limited) throw new Error("TOO_MANY_ATTEMPTS");
        const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, now());
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (address) failuresByAddress.record(address);
        // The reason code reaches the sign-in form as `error`; the form shows the French message.
        throw new Error(result.reason);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      // Role and scope are read from the database on each request (lib/auth/session.ts), not from the token.
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
