import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { InvalidStateError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noNotifier, type DossierNotifier } from "../../instruction";
import { loadDossier, loadForEdit, transmit, updateDraft } from "../../service";
import { toFieldErrors } from "../../submission-rules";
import { projectCallDraftSchema, projectCallProofDraftSchema, type ProjectCallDraft, type ProjectCallProofDraft } from "./draft-schema";
import { projectDraftOf } from "./facts";
import { proofIssues, type AttachedDocument } from "./submission-rules";
import { projectCallNextStatus } from "./transitions";

/*
 * What a porteur writes on an AAP project: its draft (the common conditional update of
 * service.ts, in `data.project`), and after the ARS's acceptance its June-2027 proof deposit
 * (`data.proof`, then a transmission with its snapshot, history and e-mails).
 */

export async function saveProjectCallDraft(db: Database, user: CurrentUser, id: string, expectedVersion: number, draft: ProjectCallDraft, at: Date): Promise<{ version: number }> {
  const row = await loadForEdit(db, user, id, at);
  if (row.guichet.kind !== "PROJECT_CALL") throw new InvalidStateError("Ce dossier n'est pas un projet de l'appel à projets.");
  const project = projectCallDraftSchema.parse(draft);
  return updateDraft(db, user, id, expectedVersion, at, { data: { project } as unknown as Prisma.InputJsonValue });
}

export function proofDraftOf(row: { data: Prisma.JsonValue }): ProjectCallProofDraft {
  return projectCallProofDraftSchema.parse(((row.data ?? {}) as { proof?: unknown }).proof ?? {});
}

export async function saveProjectProofDraft(db: Database, user: CurrentUser, id: string, expectedVersion: number, draft: ProjectCallProofDraft, at: Date): Promise<{ version: number }> {
  const row = await loadForEdit(db, user, id, at, "proof");
  const proof = projectCallProofDraftSchema.parse(draft);
  const data = { ...((row.data ?? {}) as Record<string, unknown>), proof } as Prisma.InputJsonValue;
  return updateDraft(db, user, id, expectedVersion, at, { data }, undefined, "proof");
}

/** The items that would block the proof transmission now (the form shows the same). */
export function proofErrors(row: Awaited<ReturnType<typeof loadDossier>>) {
  const documents: AttachedDocument[] = row.documents.filter((document) => document.kind === "TARGET_PROOF").map((document) => ({ kind: "TARGET_PROOF", subject: document.objectiveCode }));
  return toFieldErrors(proofIssues(proofDraftOf(row), { status: row.status, targets: projectDraftOf(row).targets, documents }));
}

/** Transmits the proofs to the ARS: conditional on the version, re-checked under the lock, with its snapshot. */
export async function submitProjectProof(db: Database, user: CurrentUser, id: string, expectedVersion: number, at: Date, notify: DossierNotifier = noNotifier): Promise<{ sequence: number }> {
  const row = await loadForEdit(db, user, id, at, "proof");
  const to = projectCallNextStatus(row.status, "SUBMIT_PROOF", user.role);
  if (!to) throw new InvalidStateError("Les preuves ne peuvent pas être transmises dans l'état actuel du projet.");
  const resubmission = row.status === "PROOF_CHANGES_REQUESTED";
  const { sequence } = await transmit(db, user, id, expectedVersion, at, {
    from: row.status,
    to,
    step: "proof",
    // The proofs are checked against the status they were written in (proofIssues refuses the others).
    errors: async (_tx, current) => proofErrors({ ...current, status: row.status }),
    notTransmitted: "Les preuves n'ont pas été transmises",
    event: () => (resubmission ? "PROOF_RESUBMITTED" : "PROOF_SUBMITTED"),
    notifyKind: () => (resubmission ? "PROOF_RESUBMITTED" : "PROOF_SUBMITTED"),
  }, notify);
  return { sequence };
}
