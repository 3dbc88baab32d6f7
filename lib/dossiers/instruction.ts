import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { ConflictError, DeadlinePassedError, ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import type { Cents } from "@/lib/funding";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus, Role } from "@/lib/generated/prisma/enums";
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import { guichetPhase } from "@/lib/guichets/guichet-state";
import { checkAward, PARTIAL_AWARD_REASON_MAX_LENGTH, PARTIAL_AWARD_REASON_TOO_LONG } from "@/lib/instruction/award";
import { dossierInclude, dossierScope, type DossierRow } from "./dossier-view";
import { dossierKind } from "./kinds";
import { partVerdictsSchema, storedVerdicts } from "./kinds/milestone-deposit/objective-verdicts";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "./objectives";

const OBJECTIVE_LABELS: readonly { code: string; label: string }[] = [MANDATORY_OBJECTIVE, ...HOSPICONNECT_OBJECTIVES];
import { nextStatus, type DossierTransition } from "./machine";
import { canInstructDossier } from "./policy";

export const CHANGE_REASONS = {
  INCORRECT: "Incorrect",
  INCOMPLETE: "Incomplet",
  OUTDATED: "Obsolète",
} as const;

export type ChangeReason = keyof typeof CHANGE_REASONS;

/** A point of a change request: the field or document concerned (its form key) and why. */
export const changePointSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_.]+$/).max(120),
  label: z.string().trim().min(1).max(300),
  reason: z.enum(["INCORRECT", "INCOMPLETE", "OUTDATED"]),
  comment: z.string().trim().max(1000).optional().default(""),
});

export type ChangePoint = z.output<typeof changePointSchema>;

export const changeRequestInputSchema = z.object({
  message: z.string().trim().min(1, "Rédigez le message de la demande de complément.").max(5000, "5 000 caractères au maximum."),
  points: z.array(changePointSchema).max(100).default([]),
});

export const refusalInputSchema = z.object({
  reason: z.string().trim().min(1, "Indiquez le motif du refus.").max(5000, "5 000 caractères au maximum."),
});

/** The steps that send e-mails: the common ones, and the AAP project's proof step (source 001). */
export type DossierNotificationKind =
  | "SUBMITTED"
  | "RESUBMITTED"
  | "CHANGES_REQUESTED"
  | "ACCEPTED"
  | "REFUSED"
  | "PROOF_SUBMITTED"
  | "PROOF_RESUBMITTED"
  | "PROOF_CHANGES_REQUESTED"
  | "OBJECTIVES_VALIDATED"
  | "OBJECTIVES_NOT_MET";

/** Hook for the e-mails of each step (lib/notifications), called inside the transaction. */
export type DossierNotifier = (tx: Prisma.TransactionClient, event: { kind: DossierNotificationKind; dossierId: string; changeRequestId?: string; reason?: string }) => Promise<unknown>;

export const noNotifier: DossierNotifier = async () => 0;

export interface Transition<E extends string = DossierTransition> {
  event: E;
  /** The machine's answer for this event: the common table unless a kind brings its own events. */
  next?: (from: DossierStatus, role: Role) => DossierStatus | null;
  /** Whether the guichet's end of instruction bounds this step (the AAP's proof step has its own calendar). */
  boundedByInstructionEnd?: boolean;
  /** The kind's own selection (an AAP project's grid) makes this ACCEPT or REFUSE, not the common form. */
  viaSelectionGrid?: boolean;
  /** The e-mails this step sends, when it is not one of the common decisions. */
  notifyKind?: DossierNotificationKind;
  /** Writes what belongs to the transition, in the same transaction as the status change. */
  apply?: (tx: Prisma.TransactionClient, row: DossierRow, to: DossierStatus) => Promise<{ message?: string; details?: Prisma.InputJsonValue; notify?: { changeRequestId?: string; reason?: string } } | void>;
}

/**
 * One ARS transition: scope (the instructor's region), the state machine, the
 * end of instruction (Paris), and a conditional update on the version the
 * instructor saw, so two instructors acting at once never both succeed.
 */
export async function instruct<E extends string>(db: Database, user: CurrentUser, id: string, expectedVersion: number, at: Date, transition: Transition<E>, notify: DossierNotifier) {
  const row = await db.dossier.findUnique({ where: { id }, include: dossierInclude });
  if (!row || !canInstructDossier(user, dossierScope(row))) throw new ForbiddenError();
  const dates = await effectiveGuichetDates(db, row.guichet, row.carrier);
  const phase = guichetPhase(dates, parisDate(at));
  if (phase === "finished" && transition.boundedByInstructionEnd !== false) {
    throw new DeadlinePassedError(`L'instruction du guichet « ${row.guichet.label} » est close depuis le ${dates.instructionEndsOn.split("-").reverse().join("/")} : plus aucune décision n'est possible.`);
  }
  if ((transition.event === "ACCEPT" || transition.event === "REFUSE") && dossierKind(row.guichet.kind).decidedWithSelectionGrid !== Boolean(transition.viaSelectionGrid)) {
    throw new InvalidStateError("Ce dossier se décide avec sa grille de sélection.");
  }
  const to = transition.next ? transition.next(row.status, user.role) : nextStatus(row.status, transition.event as DossierTransition, user.role);
  if (!to) throw new InvalidStateError(staleStateMessage(row.status));
  return db.$transaction(async (tx) => {
    const updated = await tx.dossier.updateMany({
      where: { id, status: row.status, version: expectedVersion },
      data: { status: to, version: { increment: 1 }, ...(to === "ACCEPTED" || to === "REFUSED" ? { decidedAt: at } : {}) },
    });
    if (updated.count === 0) {
      throw new ConflictError("Ce dossier a changé depuis l'affichage de la page (décision d'un autre instructeur ou nouvelle transmission de l'établissement). Rechargez la page : rien n'a été enregistré.");
    }
    const extra = (await transition.apply?.(tx, row, to)) ?? {};
    await tx.dossierEvent.create({
      data: { dossierId: id, at, actorId: user.id, actorRole: user.role, type: transition.event, fromStatus: row.status, toStatus: to, message: extra.message, details: extra.details },
    });
    const kind = transition.notifyKind ?? ({ REQUEST_CHANGES: "CHANGES_REQUESTED", ACCEPT: "ACCEPTED", REFUSE: "REFUSED" } as const)[transition.event as "REQUEST_CHANGES" | "ACCEPT" | "REFUSE"];
    if (kind) await notify(tx, { kind, dossierId: id, ...extra.notify });
    return { status: to, version: expectedVersion + 1 };
  });
}

function staleStateMessage(status: DossierStatus): string {
  switch (status) {
    case "DRAFT":
      return "Ce dossier n'a pas encore été transmis par l'établissement.";
    case "CHANGES_REQUESTED":
      return "Un complément est déjà demandé : attendez la nouvelle transmission de l'établissement, ou retirez la demande.";
    case "ACCEPTED":
    case "REFUSED":
      return "Ce dossier a déjà fait l'objet d'une décision.";
    default:
      return "Cette action n'est pas possible dans l'état actuel du dossier.";
  }
}

/** Asks the establishment to correct and resubmit; the message is required, the points say where and why. */
export async function requestChanges(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: z.input<typeof changeRequestInputSchema>, at: Date, notify: DossierNotifier = noNotifier) {
  const parsed = changeRequestInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "message", [issue.message]])));
  const { message, points } = parsed.data;
  return instruct(db, user, id, expectedVersion, at, {
    event: "REQUEST_CHANGES",
    apply: async (tx) => {
      const request = await tx.changeRequest.create({ data: { dossierId: id, message, points: points as unknown as Prisma.InputJsonValue, createdById: user.id, createdAt: at } });
      return { message, details: { changeRequestId: request.id, points: points.length }, notify: { changeRequestId: request.id } };
    },
  }, notify);
}

/** Withdraws the open change request: the dossier is back under instruction as it was transmitted. */
export async function withdrawChangeRequest(db: Database, user: CurrentUser, id: string, expectedVersion: number, at: Date) {
  return instruct(db, user, id, expectedVersion, at, {
    event: "WITHDRAW_CHANGE_REQUEST",
    apply: async (tx) => {
      await tx.changeRequest.updateMany({ where: { dossierId: id, status: "OPEN" }, data: { status: "WITHDRAWN", closedAt: at } });
    },
  }, noNotifier);
}

/** The most the instructor may decide per EJ, by the dossier kind's rule (empty when its decision carries no amount). */
export function decisionCaps(db: Database | Prisma.TransactionClient, row: DossierRow, options?: { lock?: boolean }): Promise<Map<string, Cents>> {
  return dossierKind(row.guichet.kind).decisionCaps(db, row, options);
}

/** What the ARS decides when it accepts: per EJ, the amount (default: its cap) and, below the cap, why. */
export const acceptanceInputSchema = z.object({
  amounts: z.record(z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/), z.number().int().nonnegative().nullable()).default({}),
  /** 2027–2028 deposits: the verdict on each declared objective of each EJ (lib/dossiers/kinds/milestone-deposit/objective-verdicts). */
  objectives: z.record(z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/), partVerdictsSchema).default({}),
  reasons: z.record(z.string().regex(/^[0-9][0-9A-Z][0-9]{7}$/), z.string().max(PARTIAL_AWARD_REASON_MAX_LENGTH * 10, PARTIAL_AWARD_REASON_TOO_LONG)).default({}),
});

export type AcceptanceInput = z.input<typeof acceptanceInputSchema>;

/**
 * Accepts the dossier. For a yearly deposit, the decided amount of each EJ
 * defaults to its capped amount and can never exceed it; an amount below it
 * needs the ARS's reason (lib/instruction/award.ts), refused otherwise with a
 * French message keyed `reasons.<FINESS>`. The cap and the reason are stored
 * with the amount, for the establishment's dossier page and the e-mail.
 */
export async function acceptDossier(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: AcceptanceInput, at: Date, notify: DossierNotifier = noNotifier) {
  return instruct(db, user, id, expectedVersion, at, {
    event: "ACCEPT",
    apply: async (tx, row) => {
      // From 2027 the ARS validates each declared objective, and the cap follows its count (source 000).
      const verdicts = dossierKind(row.guichet.kind).objectiveReview;
      const review = verdicts?.years.includes(row.guichet.year) ? verdicts.review(row, input.objectives ?? {}) : null;
      if (review && Object.keys(review.errors).length > 0) {
        throw new ValidationError(review.errors, "La décision n'a pas été enregistrée : indiquez pour chaque objectif déclaré s'il est atteint, et pourquoi s'il ne l'est pas.");
      }
      const caps = review ? review.caps : await decisionCaps(tx, row, { lock: true });
      const errors: Record<string, string[]> = {};
      const decided: Record<string, { amount: Cents; cap: Cents; reason: string | null }> = {};
      for (const [finess, cap] of caps) {
        const check = checkAward({ cap, amount: input.amounts?.[finess], reason: input.reasons?.[finess] });
        if (check.ok) {
          decided[finess] = { amount: check.amount, cap: check.cap, reason: check.reason };
          continue;
        }
        if (check.amountError) errors[`amounts.${finess}`] = [check.amountError];
        if (check.reasonError) errors[`reasons.${finess}`] = [check.reasonError];
      }
      if (Object.keys(errors).length > 0) throw new ValidationError(errors, "La décision n'a pas été enregistrée : corrigez les montants et les motifs signalés.");
      for (const [finess, award] of Object.entries(decided)) {
        await tx.dossierLegalEntity.update({
          where: { dossierId_legalEntityFiness: { dossierId: id, legalEntityFiness: finess } },
          data: {
            decidedCents: BigInt(award.amount),
            decisionCapCents: BigInt(award.cap),
            partialAwardReason: award.reason,
            ...(review?.stored.has(finess) ? { objectiveVerdicts: review.stored.get(finess) } : {}),
          },
        });
      }
      const names = new Map(row.legalEntities.map((part) => [part.legalEntityFiness, part.legalEntity.name]));
      const reasons = Object.entries(decided).filter(([, award]) => award.reason !== null);
      return {
        // The history shows the reasons of partial awards with the decision.
        message:
          [
            ...[...(review?.stored ?? [])].flatMap(([finess, verdicts]) =>
              Object.entries(verdicts)
                .filter(([, verdict]) => !verdict.reached)
                .map(([code, verdict]) => `${names.get(finess) ?? finess} — objectif ${code} non atteint : ${verdict.reason}`),
            ),
            ...reasons.map(([finess, award]) => `${names.get(finess) ?? finess} — montant accordé inférieur au maximal : ${award.reason}`),
          ].join("\n") || undefined,
        details: {
          decided: Object.fromEntries(Object.entries(decided).map(([finess, award]) => [finess, award.amount])),
          caps: Object.fromEntries(Object.entries(decided).map(([finess, award]) => [finess, award.cap])),
          reasons: Object.fromEntries(reasons.map(([finess, award]) => [finess, award.reason])),
          ...(review ? { objectives: Object.fromEntries(review.stored) } : {}),
        },
      };
    },
  }, notify);
}

/** Refuses the dossier; the reason is required and sent to the establishment. */
export async function refuseDossier(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: { reason: string }, at: Date, notify: DossierNotifier = noNotifier) {
  const parsed = refusalInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError({ reason: parsed.error.issues.map((issue) => issue.message) });
  return instruct(db, user, id, expectedVersion, at, {
    event: "REFUSE",
    apply: async () => ({ message: parsed.data.reason, notify: { reason: parsed.data.reason } }),
  }, notify);
}

/** The ARS decision as the establishment reads it on its dossier (components/dossiers/decision-notice.tsx). */
export interface DossierDecision {
  status: "ACCEPTED" | "REFUSED";
  /** ISO instant; shown in Paris time. */
  decidedAt: string;
  /** Whether the decision carries amounts (a yearly deposit) or not (a candidature). */
  withAmounts: boolean;
  refusalReason: string | null;
  awards: {
    finess: string;
    name: string;
    decided: Cents | null;
    cap: Cents | null;
    partialAwardReason: string | null;
    /** 2027–2028: the ARS's verdict on each objective the EJ declared; null when the decision has none. */
    objectives: { code: string; label: string; reached: boolean; reason: string }[] | null;
  }[];
}

const centsOf = (value: bigint | null): Cents | null => (value === null ? null : Number(value));

/** The stored verdicts in the programme's order, with each objective's label. */
export function verdictList(json: unknown): { code: string; label: string; reached: boolean; reason: string }[] | null {
  const verdicts = storedVerdicts(json);
  if (!verdicts) return null;
  return OBJECTIVE_LABELS.filter((objective) => verdicts[objective.code]).map((objective) => ({ ...objective, reached: verdicts[objective.code]!.reached, reason: verdicts[objective.code]!.reason }));
}

/**
 * The decision of a dossier the caller already read through the read policy
 * (getDossierForUser); null while undecided. The refusal reason is the message
 * of the REFUSE event of the history.
 */
export async function loadDossierDecision(db: Database, row: Pick<DossierRow, "id" | "status" | "decidedAt" | "guichet" | "legalEntities">): Promise<DossierDecision | null> {
  if ((row.status !== "ACCEPTED" && row.status !== "REFUSED") || !row.decidedAt) return null;
  const refusal = row.status === "REFUSED" ? await db.dossierEvent.findFirst({ where: { dossierId: row.id, type: "REFUSE" }, orderBy: { at: "desc" }, select: { message: true } }) : null;
  return {
    status: row.status,
    decidedAt: row.decidedAt.toISOString(),
    withAmounts: dossierKind(row.guichet.kind).decisionCarriesAmounts(row.guichet.year),
    refusalReason: refusal?.message ?? null,
    awards: row.legalEntities.map((part) => ({
      finess: part.legalEntityFiness,
      name: part.legalEntity.name,
      decided: centsOf(part.decidedCents),
      cap: centsOf(part.decisionCapCents),
      partialAwardReason: part.partialAwardReason,
      objectives: verdictList(part.objectiveVerdicts),
    })),
  };
}
