"use server";

import { revalidatePath } from "next/cache";
import { decideAccountRequest } from "@/lib/accounts/account-requests";
import { decideRequestSchema } from "@/lib/accounts/request-schemas";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";

export const decideRequestAsDns = createAction({ roles: ["DNS_ADMIN"], schema: decideRequestSchema }, async (input, { user, db }) => {
  const { status } = await decideAccountRequest(db, user, input, { at: now(), baseUrl: publicBaseUrl() });
  revalidatePath("/admin/comptes/demandes");
  return { status };
});
