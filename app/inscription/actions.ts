"use server";

import { confirmRequestEmail, submitAccountRequest } from "@/lib/accounts/account-requests";
import { accountRequestSchema, tokenSchema } from "@/lib/accounts/request-schemas";
import { createPublicAction } from "@/lib/actions/public-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";
import type { LimitOptions } from "@/lib/security/rate-limit";

// Open to anyone: a person asks for an account or two, not dozens (each request sends an e-mail).
const limit: LimitOptions = { name: "account-request", points: 10, windowSeconds: 60 * 60 };

export const requestAccount = createPublicAction({ schema: accountRequestSchema, limit, name: "account-request" }, async (input, { db }) => {
  const { email, legalEntityName } = await submitAccountRequest(db, input, { at: now(), baseUrl: publicBaseUrl() });
  return { email, legalEntityName };
});

export const confirmEmail = createPublicAction({ schema: tokenSchema, limit, name: "account-request-confirm" }, async ({ token }, { db }) => {
  return confirmRequestEmail(db, token, { at: now(), baseUrl: publicBaseUrl() });
});
