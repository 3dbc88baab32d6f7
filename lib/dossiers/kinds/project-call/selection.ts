import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { InvalidStateError, ValidationError } from "@/lib/errors";
import type { AapCategory } from "@/lib/funding/aap";
import type { Cents } from "@/lib/funding/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { instruct, noNotifier, type DossierNotifier } from "../../instruction";
import type { DossierRow } from "../../dossier-view";
import { loadProjectCallFacts } from "./facts";
import { releaseProjectSlots } from "./project-slots";
import { projectCallDecisionSchema, selectionTotal, type AwardJustificationFactor, type SelectionGrid } from "./scoring";
import { projectCallNextStatus } from "./transitions";

/*
 * The ARS's two decisions on an AAP project (source 001): the selection — the grid, then accept
 * with an amount within the category's cap and a justification, or refuse with a reason — and,
 * after the June-2027 proof deposit, the objectives validated (second payment) or not met. Both go
 * through the common instruction step (instruction.ts `instruct`: region, machine, version, history,
 * e-mails); what they decide is kept in Dossier.selection and, for the amount, on the porteur's part.
 */

/** What Dossier.selection holds. */
export interface ProjectSelectionRecord {
  decision: "ACCEPT" | "REFUSE";
  category: AapCategory;
  capCents: Cents;
  combinedActivity: number;
  grid: SelectionGrid;
  total: { total: number; max: number };
  grantedCents: Cents | null;
  justification: string | null;
  factors: AwardJustificationFactor[];
  reason: string | null;
  decidedAt: string;
  decidedById: string;
  proof?: ProofDecisionRecord;
}

export interface ProofDecisionRecord {
  outcome: "VALIDATED" | "NOT_MET";
  comment: string;
  decidedAt: string;
  decidedById: string;
}

export function selectionOf(row: { selection: Prisma.JsonValue | null }): ProjectSelectionRecord | null {
  return (row.selection as ProjectSelectionRecord | null) ?? null;
}

function validationErrors(error: z.ZodError): ValidationError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "decision"] ??= []).push(issue.message);
  return new ValidationError(fields, "La décision n'a pas été enregistrée : corrigez les éléments signalés.");
}

/** The category and cap the ARS decides within, from the perimeter as transmitted. */
export async function selectionCap(db: Database | Prisma.TransactionClient, row: DossierRow) {
  const facts = await loadProjectCallFacts(db, row);
  if (!facts.category.known || facts.combinedActivity === null) {
    throw new InvalidStateError("La catégorie du projet ne peut être déterminée (activité combinée inconnue d'un établissement du périmètre) : aucune décision n'est possible.");
  }
  return { category: facts.category.category, cap: facts.category.cap, combinedActivity: facts.combinedActivity };
}

/** The selection: `input` is the grid and the decision as the ARS's form sends it (parsed here, against the cap). */
export async function decideProjectSelection(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: unknown, at: Date, notify: DossierNotifier = noNotifier) {
  const decision = (input as { decision?: unknown } | null)?.decision;
  if (decision !== "ACCEPT" && decision !== "REFUSE") throw new ValidationError({ decision: ["Choisissez de retenir ou de refuser le projet."] });
  return instruct(db, user, id, expectedVersion, at, {
    event: decision,
    viaSelectionGrid: true,
    apply: async (tx, row) => {
      if (row.guichet.kind !== "PROJECT_CALL") throw new InvalidStateError("Ce dossier n'est pas un projet de l'appel à projets.");
      const cap = await selectionCap(tx, row);
      const parsed = projectCallDecisionSchema(cap).safeParse(input);
      if (!parsed.success) throw validationErrors(parsed.error);
      const value = parsed.data;
      const record: ProjectSelectionRecord = {
        decision: value.decision,
        category: cap.category,
        capCents: cap.cap,
        combinedActivity: cap.combinedActivity,
        grid: value.grid,
        total: selectionTotal(value.grid),
        grantedCents: value.decision === "ACCEPT" ? value.grantedCents : null,
        justification: value.decision === "ACCEPT" ? value.justification : null,
        factors: value.decision === "ACCEPT" ? value.factors : [],
        reason: value.decision === "REFUSE" ? value.reason : null,
        decidedAt: at.toISOString(),
        decidedById: user.id,
      };
      await tx.dossier.update({ where: { id }, data: { selection: record as unknown as Prisma.InputJsonValue } });
      if (value.decision === "ACCEPT") {
        await tx.dossierLegalEntity.update({
          where: { dossierId_legalEntityFiness: { dossierId: id, legalEntityFiness: row.carrierFiness } },
          data: { decidedCents: BigInt(value.grantedCents), decisionCapCents: BigInt(cap.cap), partialAwardReason: value.grantedCents < cap.cap ? value.justification : null },
        });
        return { message: value.justification, details: { grantedCents: value.grantedCents, category: cap.category, capCents: cap.cap, total: record.total } };
      }
      // A refused project no longer counts in the two-project limit (project-limit.ts).
      await releaseProjectSlots(tx, id);
      return { message: value.reason, details: { total: record.total }, notify: { reason: value.reason } };
    },
  }, notify);
}

export const proofChangeRequestSchema = z.object({
  message: z.string().trim().min(1, "Rédigez le message de la demande de complément.").max(5000, "5 000 caractères au maximum."),
});

/** Asks the porteur for more on its proofs (it completes and transmits them again). */
export async function requestProofChanges(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: unknown, at: Date, notify: DossierNotifier = noNotifier) {
  const parsed = proofChangeRequestSchema.safeParse(input);
  if (!parsed.success) throw validationErrors(parsed.error);
  return instruct(db, user, id, expectedVersion, at, {
    event: "REQUEST_PROOF_CHANGES",
    next: (from, role) => projectCallNextStatus(from, "REQUEST_PROOF_CHANGES", role),
    boundedByInstructionEnd: false,
    notifyKind: "PROOF_CHANGES_REQUESTED",
    apply: async (tx) => {
      const request = await tx.changeRequest.create({ data: { dossierId: id, message: parsed.data.message, points: [], createdById: user.id, createdAt: at } });
      return { message: parsed.data.message, details: { changeRequestId: request.id }, notify: { changeRequestId: request.id } };
    },
  }, notify);
}

export const objectivesDecisionSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("VALIDATED"), comment: z.string().trim().max(4000, "Commentaire : 4 000 caractères au maximum.").default("") }),
  z.object({ outcome: z.literal("NOT_MET"), comment: z.string().trim().min(1, "Indiquez pourquoi les objectifs ne sont pas atteints.").max(4000, "Motif : 4 000 caractères au maximum.") }),
], { error: "Choisissez de valider ou non l'atteinte des objectifs." });

/** The ARS's decision on the proofs: the objectives validated (the 2027 payment) or not met (no second payment). */
export async function decideObjectives(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: unknown, at: Date, notify: DossierNotifier = noNotifier) {
  const parsed = objectivesDecisionSchema.safeParse(input);
  if (!parsed.success) throw validationErrors(parsed.error);
  const { outcome, comment } = parsed.data;
  const event = outcome === "VALIDATED" ? "VALIDATE_OBJECTIVES" : "REJECT_OBJECTIVES";
  return instruct(db, user, id, expectedVersion, at, {
    event,
    next: (from, role) => projectCallNextStatus(from, event, role),
    boundedByInstructionEnd: false,
    notifyKind: outcome === "VALIDATED" ? "OBJECTIVES_VALIDATED" : "OBJECTIVES_NOT_MET",
    apply: async (tx, row) => {
      const selection = selectionOf(row);
      if (!selection || selection.decision !== "ACCEPT") throw new InvalidStateError("Ce projet n'a pas été retenu : il n'y a pas d'objectifs à valider.");
      const proof: ProofDecisionRecord = { outcome, comment, decidedAt: at.toISOString(), decidedById: user.id };
      await tx.dossier.update({ where: { id }, data: { selection: { ...selection, proof } as unknown as Prisma.InputJsonValue } });
      return { message: comment || undefined, details: { outcome }, notify: { reason: comment } };
    },
  }, notify);
}
