"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { candidatureDraftSchema, depositDraftSchema } from "@/lib/dossiers/dossier-input";
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

export const saveCandidatureAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, version: z.number().int().nonnegative(), draft: candidatureDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => saveCandidatureDraft(db, user, dossierId, version, draft, now()),
);

export const saveDepositAction = createAction(
  { roles: REFERENT, schema: z.object({ ...dossierRef, version: z.number().int().nonnegative(), draft: depositDraftSchema }) },
  async ({ dossierId, version, draft }, { db, user }) => saveDepositDraft(db, user, dossierId, version, draft, now()),
);

export const attachDocumentAction = createAction(
  {
    roles: REFERENT,
    schema: z.object({
      ...dossierRef,
      kind: z.enum(["GHT_MANDATE", "NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION", "OBJECTIVE_PROOF"]),
      fileId: z.string().min(1).max(40),
      legalEntities: z.array(z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/)).max(100),
      objectiveCode: z.string().max(4).nullable().optional(),
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
