"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { openEnrolment, removeFactor, renewRecoveryCodes } from "@/lib/auth/second-factor/account-security";
import { now } from "@/lib/clock";

const EVERYONE = ["ESTABLISHMENT_REFERENT", "ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"] as const;

export const beginFactorEnrolment = createAction({ roles: EVERYONE, schema: z.object({}) }, async (_input, { user, db }) => ({ challenge: await openEnrolment(db, user) }));

export const deleteFactor = createAction({ roles: EVERYONE, schema: z.object({ factorId: z.string().min(1).max(40) }) }, async ({ factorId }, { user, db }) => {
  await removeFactor(db, user, factorId, now());
  revalidatePath("/compte/securite");
  return { removed: true };
});

export const newRecoveryCodes = createAction({ roles: EVERYONE, schema: z.object({}) }, async (_input, { user, db }) => ({ codes: await renewRecoveryCodes(db, user, now()) }));
