"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SaveDraftOutcome } from "@/components/self-assessment/action-types";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { ConflictError, InvalidStateError } from "@/lib/errors";
import { answersSchema } from "@/lib/self-assessment/scoring";
import { createSelfAssessment, duplicateSelfAssessment, saveDraftAnswers, validateSelfAssessment } from "@/lib/self-assessment/service";

const REFERENT = ["ESTABLISHMENT_REFERENT"] as const;
const LIST_PATH = "/etablissement/autoevaluations";
const idField = z.string().min(1).max(40);
const versionField = z.number().int().nonnegative();

export const createSelfAssessmentAction = createAction(
  { roles: REFERENT, schema: z.object({ legalEntityFiness: z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/) }) },
  async ({ legalEntityFiness }, { db, user }) => {
    const created = await createSelfAssessment(db, user, legalEntityFiness);
    revalidatePath(LIST_PATH);
    return { id: created.id };
  },
);

export const duplicateSelfAssessmentAction = createAction(
  { roles: REFERENT, schema: z.object({ sourceId: idField }) },
  async ({ sourceId }, { db, user }) => {
    const created = await duplicateSelfAssessment(db, user, sourceId);
    revalidatePath(LIST_PATH);
    return { id: created.id };
  },
);

/** Autosave: a version conflict or a validation meanwhile is an expected outcome, returned as such. */
export const saveSelfAssessmentDraftAction = createAction(
  { roles: REFERENT, schema: z.object({ id: idField, expectedVersion: versionField, answers: answersSchema }) },
  async ({ id, expectedVersion, answers }, { db, user }): Promise<SaveDraftOutcome> => {
    try {
      const saved = await saveDraftAnswers(db, user, id, expectedVersion, answers);
      return { status: "saved", version: saved.version, savedAt: saved.savedAt.toISOString() };
    } catch (error) {
      if (error instanceof ConflictError) return { status: "conflict", message: error.userMessage };
      if (error instanceof InvalidStateError) return { status: "locked", message: error.userMessage };
      throw error;
    }
  },
);

export const validateSelfAssessmentAction = createAction(
  { roles: REFERENT, schema: z.object({ id: idField, expectedVersion: versionField }) },
  async ({ id, expectedVersion }, { db, user }) => {
    // The server clock dates the validation and the NRU year, never the browser's.
    const validated = await validateSelfAssessment(db, user, id, expectedVersion, now());
    revalidatePath(LIST_PATH);
    revalidatePath(`${LIST_PATH}/${id}`);
    return { nru: validated.nru ?? "" };
  },
);
