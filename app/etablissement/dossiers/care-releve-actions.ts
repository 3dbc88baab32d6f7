"use server";

import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { lookUpSelfAssessments } from "@/lib/dossiers/form-model";
import { careReleveDraftSchema } from "@/lib/dossiers/kinds/care-releve/draft-schema";
import { saveCareReleveDraft } from "@/lib/dossiers/kinds/care-releve/store";
import { normalizeNru } from "@/lib/self-assessment/nru";

/*
 * The establishment's draft of a HospiConnect/CaRE relève. Its transmission is the common
 * submitDossierAction (actions.ts), its documents the common attach/detach actions.
 */

const REFERENT = ["ESTABLISHMENT_REFERENT"] as const;

// A save answers the portal's instant and the self-assessments its NRUs name (checked as the submission will).
export const saveCareReleveAction = createAction(
  { roles: REFERENT, schema: z.object({ dossierId: z.string().min(1).max(40), version: z.number().int().nonnegative(), draft: careReleveDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => {
    const at = now();
    const saved = await saveCareReleveDraft(db, user, dossierId, version, draft, at);
    const nrus = draft.parts.map((part) => (part.nru ? normalizeNru(part.nru) : "")).filter(Boolean);
    return { ...saved, savedAt: at.toISOString(), nrus, assessments: await lookUpSelfAssessments(db, nrus) };
  },
);
