"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { candidatureDraftSchema, depositDraftSchema } from "@/lib/dossiers/dossier-input";
import { lookUpSelfAssessments } from "@/lib/dossiers/form-model";
import { normalizeNru } from "@/lib/self-assessment/nru";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";
import { attachDocument, detachDocument, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "@/lib/dossiers/service";

const REFERENT = ["ESTABLISHMENT_REFERENT"] as const;
const dossierRef = { dossierId: z.string().min(1).max(40) };

export const startDossierAction = createAction(
  { roles: REFERENT, schema: z.object({ guichetId: z.string().min(1).max(40), carrierFiness: z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/) }) },
  async (input, { db, user }) => {
    const result = await startDossier(db, user, input, now());
    revalidatePath("/etablissement/dossiers");
    return result;
  },
);

// A save answers the instant of the portal's clock (simulated in demo) that the form shows.
export const saveCandidatureAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, version: z.number().int().nonnegative(), draft: candidatureDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => {
    const at = now();
    const saved = await saveCandidatureDraft(db, user, dossierId, version, draft, at);
    return { ...saved, savedAt: at.toISOString() };
  },
);

// ...and the self-assessments its NRUs name, so that the form checks them as the submission will.
export const saveDepositAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, version: z.number().int().nonnegative(), draft: depositDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => {
    const at = now();
    const saved = await saveDepositDraft(db, user, dossierId, version, draft, at);
    const nrus = draft.parts.map((part) => (part.nru ? normalizeNru(part.nru) : "")).filter(Boolean);
    return { ...saved, savedAt: at.toISOString(), nrus, assessments: await lookUpSelfAssessments(db, nrus) };
  },
);

export const attachDocumentAction = createAction(
  {
    roles: REFERENT,
    schema: z.object({
      ...dossierRef,
      kind: z.enum(["GHT_MANDATE", "NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION", "OBJECTIVE_PROOF", "GHT_VALIDATION", "PARTNER_COMMITMENT", "TARGET_PROOF", "CARE_FINANCIAL_STATEMENT"]),
      fileId: z.string().min(1).max(40),
      legalEntities: z.array(z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/)).max(100),
      // An objective code, or the GHT / row an AAP document is about.
      objectiveCode: z.string().max(40).nullable().optional(),
    }),
  },
  async ({ dossierId, ...input }, { db, user }) => {
    const result = await attachDocument(db, user, dossierId, input, now());
    revalidatePath(`/etablissement/dossiers/${dossierId}`);
    return result;
  },
);

export const detachDocumentAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, documentId: z.string().min(1).max(40) }) },
  async ({ dossierId, documentId }, { db, user }) => {
    await detachDocument(db, user, dossierId, documentId, now());
    revalidatePath(`/etablissement/dossiers/${dossierId}`);
    return { removed: documentId };
  },
);

export const submitDossierAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, version: z.number().int().nonnegative() }) },
  async ({ dossierId, version }, { db, user }) => {
    const result = await submitDossier(db, user, dossierId, version, now(), notifyDossierEvent);
    revalidatePath(`/etablissement/dossiers/${dossierId}`);
    revalidatePath("/etablissement");
    return { sequence: result.sequence, alreadySubmitted: result.alreadySubmitted };
  },
);
