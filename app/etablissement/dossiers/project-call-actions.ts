"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { projectCallDraftSchema, projectCallProofDraftSchema } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { loadProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";
import { saveProjectCallDraft, saveProjectProofDraft, submitProjectProof } from "@/lib/dossiers/kinds/project-call/store";
import { getDossierForUser } from "@/lib/dossiers/service";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";

/*
 * The establishment's writes on an AAP HOP'EN2 project (guichet kind PROJECT_CALL): its draft,
 * then, once the ARS has retained it, its June-2027 proof deposit. The transmission of the project
 * itself is the common submitDossierAction (actions.ts); documents the common attach/detach actions.
 */

const REFERENT = ["ESTABLISHMENT_REFERENT"] as const;
const dossierRef = { dossierId: z.string().min(1).max(40), version: z.number().int().nonnegative() };

// A save answers the portal's instant and what the server now knows of the saved draft (names of
// the perimeter's establishments, category and cap, eligibility, errors), which the form shows live.
export const saveProjectCallAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, draft: projectCallDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => {
    const at = now();
    const saved = await saveProjectCallDraft(db, user, dossierId, version, draft, at);
    const row = await getDossierForUser(db, user, dossierId);
    return { ...saved, savedAt: at.toISOString(), live: await loadProjectCallLiveFacts(db, row) };
  },
);

export const saveProjectProofAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, draft: projectCallProofDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => {
    const at = now();
    const saved = await saveProjectProofDraft(db, user, dossierId, version, draft, at);
    return { ...saved, savedAt: at.toISOString() };
  },
);

export const submitProjectProofAction = createAction(
  { roles: REFERENT, schema: z.object(dossierRef) },
  async ({ dossierId, version }, { db, user }) => {
    const result = await submitProjectProof(db, user, dossierId, version, now(), notifyDossierEvent);
    revalidatePath(`/etablissement/dossiers/${dossierId}`);
    revalidatePath("/etablissement");
    return { sequence: result.sequence };
  },
);
