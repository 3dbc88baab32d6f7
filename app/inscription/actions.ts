"use server";

import { confirmRequestEmail, submitAccountRequest } from "@/lib/accounts/account-requests";
import { accountRequestSchema, tokenSchema } from "@/lib/accounts/request-schemas";
import { createPublicAction } from "@/lib/actions/public-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";
import { createRateLimiter } from "@/lib/security/rate-limit";

// Open to anyone: a person asks for an account or two, not dozens (each request sends an e-mail).
const limiter = ((globalThis as { guichetAccountRequestLimiter?: ReturnType<typeof createRateLimiter> }).guichetAccountRequestLimiter ??= createRateLimiter({ limit: 10, windowMs: 60 * 60_000 }));

export const requestAccount = createPublicAction({ schema: accountRequestSchema, limiter, name: "account-request" }, async (input, { db }) => {
  const { email, legalEntityName } = await submitAccountRequest(db, input, { at: now(), baseUrl: publicBaseUrl() });
  return { email, legalEntityName };
});

export const confirmEmail = createPublicAction({ schema: tokenSchema, limiter, name: "account-request-confirm" }, async ({ token }, { db }) => {
  return confirmRequestEmail(db, token, { at: now(), baseUrl: publicBaseUrl() });
});
