"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { acceptanceInputSchema, acceptDossier, changeRequestInputSchema, refuseDossier, refusalInputSchema, requestChanges, withdrawChangeRequest } from "@/lib/dossiers/instruction";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";

/**
 * The common instruction steps, for both instruction spaces: the ARS, and the ANS on the CaRE
 * relèves. Which dossier an instructor may act on is the server's policy (lib/dossiers/policy,
 * checked by `instruct()` in lib/dossiers/instruction), never the role alone.
 */
const INSTRUCTOR = ["ARS_INSTRUCTOR", "ANS_INSTRUCTOR"] as const;
const target = { dossierId: z.string().min(1).max(40), version: z.number().int().nonnegative() };

function refresh(dossierId: string) {
  for (const base of ["/ars", "/ans"]) {
    revalidatePath(`${base}/dossiers/${dossierId}`);
    revalidatePath(`${base}/dossiers`);
  }
}

export const requestChangesAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, request: changeRequestInputSchema }) },
  async ({ dossierId, version, request }, { db, user }) => {
    const result = await requestChanges(db, user, dossierId, version, request, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);

export const withdrawChangeRequestAction = createAction({ roles: INSTRUCTOR, schema: z.object(target) }, async ({ dossierId, version }, { db, user }) => {
  const result = await withdrawChangeRequest(db, user, dossierId, version, now());
  refresh(dossierId);
  return result;
});

export const acceptDossierAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, acceptance: acceptanceInputSchema }) },
  async ({ dossierId, version, acceptance }, { db, user }) => {
    const result = await acceptDossier(db, user, dossierId, version, acceptance, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);

export const refuseDossierAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, refusal: refusalInputSchema }) },
  async ({ dossierId, version, refusal }, { db, user }) => {
    const result = await refuseDossier(db, user, dossierId, version, refusal, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);
