"use server";

import { revalidatePath } from "next/cache";
import { decideAccountRequest } from "@/lib/accounts/account-requests";
import { decideRequestSchema } from "@/lib/accounts/request-schemas";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";

// Whether this instructor may decide is checked by decideAccountRequest on the request's EJ (region, no active referent).
export const decideRequestAsArs = createAction({ roles: ["ARS_INSTRUCTOR"], schema: decideRequestSchema }, async (input, { user, db }) => {
  const { status } = await decideAccountRequest(db, user, input, { at: now(), baseUrl: publicBaseUrl() });
  revalidatePath("/ars/demandes-de-compte");
  return { status };
});
