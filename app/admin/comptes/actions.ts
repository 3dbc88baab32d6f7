"use server";

import { revalidatePath } from "next/cache";
import { accountIdSchema, createAccountSchema, removeReferentSchema, setAccountActiveSchema } from "@/lib/admin/account-schemas";
import { createStaffAccount, removeReferentLink, resendPasswordLink, setAccountActive } from "@/lib/admin/accounts";
import { resetSecondFactors } from "@/lib/admin/second-factor-reset";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";

const ADMIN = ["DNS_ADMIN"] as const;

export const createAccount = createAction({ roles: ADMIN, schema: createAccountSchema }, async (input, { user, db }) => {
  const result = await createStaffAccount(db, user, input, { at: now(), baseUrl: publicBaseUrl() });
  revalidatePath("/admin/comptes");
  return result;
});

export const changeAccountActive = createAction({ roles: ADMIN, schema: setAccountActiveSchema }, async ({ userId, active }, { user, db }) => {
  await setAccountActive(db, user, userId, active, now());
  revalidatePath("/admin/comptes");
  return { active };
});

export const sendPasswordLink = createAction({ roles: ADMIN, schema: accountIdSchema }, async ({ userId }, { user, db }) => {
  await resendPasswordLink(db, user, userId, { at: now(), baseUrl: publicBaseUrl() });
  return { sent: true };
});

export const removeReferent = createAction({ roles: ADMIN, schema: removeReferentSchema }, async ({ userId, legalEntityFiness }, { user, db }) => {
  await removeReferentLink(db, user, userId, legalEntityFiness, now());
  revalidatePath("/admin/comptes");
  return { removed: true };
});

export const resetAccountSecondFactor = createAction({ roles: ADMIN, schema: accountIdSchema }, async ({ userId }, { user, db }) => {
  const result = await resetSecondFactors(db, user, userId, now());
  revalidatePath("/admin/comptes");
  return result;
});
