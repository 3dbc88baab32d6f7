"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { decideObjectives, decideProjectSelection, requestProofChanges } from "@/lib/dossiers/kinds/project-call/selection";
import type { SelectionDecisionPayload } from "@/lib/dossiers/kinds/project-call/selection-form";
import { notifyDossierEvent } from "@/lib/notifications/dossier-notifications";

/*
 * The ARS's actions on an AAP HOP'EN2 project: the selection (grid and decision), then, on the
 * June-2027 proofs, a request for more or the ruling on the objectives. Each input is parsed by
 * its domain function (the selection against the project's cap), whose ValidationError keys
 * (`grid.ROBUSTNESS.comment`, `grantedCents`, `comment`, `message`…) the forms show per field.
 */

const INSTRUCTOR = ["ARS_INSTRUCTOR"] as const;
const target = { dossierId: z.string().min(1).max(40), version: z.number().int().nonnegative() };
const object = <T extends object>() => z.custom<T>((value) => typeof value === "object" && value !== null && !Array.isArray(value), "Formulaire invalide.");

function refresh(dossierId: string) {
  revalidatePath(`/ars/dossiers/${dossierId}`);
  revalidatePath("/ars/dossiers");
}

export const decideProjectSelectionAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, decision: object<SelectionDecisionPayload>() }) },
  async ({ dossierId, version, decision }, { db, user }) => {
    const result = await decideProjectSelection(db, user, dossierId, version, decision, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);

export const requestProofChangesAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, request: object<{ message: string }>() }) },
  async ({ dossierId, version, request }, { db, user }) => {
    const result = await requestProofChanges(db, user, dossierId, version, request, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);

export const decideObjectivesAction = createAction(
  { roles: INSTRUCTOR, schema: z.object({ ...target, decision: object<{ outcome: "VALIDATED" | "NOT_MET"; comment: string }>() }) },
  async ({ dossierId, version, decision }, { db, user }) => {
    const result = await decideObjectives(db, user, dossierId, version, decision, now(), notifyDossierEvent);
    refresh(dossierId);
    return result;
  },
);
