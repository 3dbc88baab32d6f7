"use server";

import { revalidatePath } from "next/cache";
import { decideAccountRequest } from "@/lib/accounts/account-requests";
import { decideRequestSchema, handOverDossiersSchema, inviteColleagueSchema, removeColleagueSchema } from "@/lib/accounts/request-schemas";
import { handOverDossiers, inviteColleague, removeColleague } from "@/lib/accounts/team";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { publicBaseUrl } from "@/lib/notifications/dossier-notifications";

// Each domain function checks, on the EJ loaded from the database, that this referent acts for it.
const REFERENT = ["ESTABLISHMENT_REFERENT"] as const;

export const decideRequestAsReferent = createAction({ roles: REFERENT, schema: decideRequestSchema }, async (input, { user, db }) => {
  const { status } = await decideAccountRequest(db, user, input, { at: now(), baseUrl: publicBaseUrl() });
  revalidatePath("/etablissement/equipe");
  return { status };
});

export const inviteTeamColleague = createAction({ roles: REFERENT, schema: inviteColleagueSchema }, async (input, { user, db }) => {
  const { createdAccount } = await inviteColleague(db, user, input, { at: now(), baseUrl: publicBaseUrl() });
  revalidatePath("/etablissement/equipe");
  return { createdAccount };
});

export const removeTeamColleague = createAction({ roles: REFERENT, schema: removeColleagueSchema }, async ({ legalEntityFiness, userId }, { user, db }) => {
  await removeColleague(db, user, legalEntityFiness, userId, now());
  revalidatePath("/etablissement/equipe");
  return { self: userId === user.id };
});

export const handOverTeamDossiers = createAction({ roles: REFERENT, schema: handOverDossiersSchema }, async (input, { user, db }) => {
  const result = await handOverDossiers(db, user, input, now());
  revalidatePath("/etablissement/equipe");
  return result;
});
