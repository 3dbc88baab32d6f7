/**
 * What the instruction action panel (components/instruction/instruction-actions.tsx)
 * receives: plain, serialisable data built on the server from the dossier row.
 * The panel never decides who may act: `canAct` is computed here from the
 * policy, the state machine and the server clock.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { calendarDateFromDb, daysBetween, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import { dossierScope, type DossierRow } from "@/lib/dossiers/dossier-view";
import { CHANGE_REASONS, changePointSchema, type ChangePoint, type ChangeReason } from "@/lib/dossiers/instruction";
import { dossierKind } from "@/lib/dossiers/kinds";
import { deadlineAllows } from "@/lib/dossiers/machine";
import { canInstructDossier } from "@/lib/dossiers/policy";
import { reviewableFields } from "@/lib/dossiers/reviewable-fields";
import { carryOverGaps, declaredObjectives } from "@/lib/dossiers/kinds/milestone-deposit/objective-verdicts";
import { isMilestoneYear, type MilestoneYear } from "@/lib/dossiers/part-amounts";
import type { Cents, ExpenseCategory } from "@/lib/funding";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import { guichetPhase } from "@/lib/guichets/guichet-state";
import type { TransmittedPart } from "./transmitted";

/** One point of a change request, as the ARS writes it (lib/dossiers/instruction) and ChangeRequest.points stores it. */
export type ChangeRequestPoint = ChangePoint;

export const CHANGE_REQUEST_REASON_LABELS: Record<ChangeReason, string> = CHANGE_REASONS;

/** The points of a stored change request; a malformed point is skipped, never fatal for the page. */
export function readChangeRequestPoints(json: unknown): ChangeRequestPoint[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = changePointSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface InstructionModelPart {
  finess: string;
  name: string;
  /** The most that can be granted (lib/funding): a deposit's eligible amount capped at its expenses, a CaRE relève's draw cap; null for a candidature. */
  capped: Cents | null;
  requested: Cents | null;
  /** Set by the ARS decision. */
  decided: Cents | null;
  /**
   * 2027–2028 deposits (source 000, « instruction des cibles »): the objectives the EJ declared, which
   * the ARS validates one by one, and what the cap is computed from as it does; null otherwise.
   */
  objectiveReview: {
    declared: { code: string; label: string }[];
    headcount: number;
    year: MilestoneYear;
    expenses: Record<ExpenseCategory, Cents | null>;
    /** What the ARS validated for this EJ the year before (source 000's carry-over), and what of it is not declared again. */
    previousValidated: string[];
    notDeclaredAgain: string[];
  } | null;
}

export interface InstructionModel {
  dossierId: string;
  number: string;
  status: DossierStatus;
  /** The version read: every ARS action names it (optimistic concurrency). */
  version: number;
  kind: GuichetKind;
  guichetLabel: string;
  parts: InstructionModelPart[];
  openChangeRequest: { id: string; message: string; points: ChangeRequestPoint[]; createdAt: string } | null;
  instructionEndsOn: CalendarDate;
  /** Days left to instruct, counting today (end day = 1); 0 once the instruction is over. */
  daysLeft: number;
  /** The user is an instructor of the dossier's region, the status allows an ARS action and the deadline has not passed. */
  canAct: boolean;
  /** The fields and documents a change request can point at (keys of the establishment's form). */
  reviewableFields: { key: string; label: string }[];
  /** The kind is decided with its own selection grid (AAP project): the panel offers no common accept/refuse. */
  decidedWithSelectionGrid: boolean;
  /** The acceptance decides an amount per EJ (a yearly deposit, a CaRE relève), bounded by `capped`. */
  withAmounts: boolean;
  /** The cap in words, for the amount field's hint. */
  capRule: string;
}

/** Days left before the end of instruction, counting today (the end day is 1), 0 once it has passed. */
export function instructionDaysLeft(instructionEndsOn: CalendarDate, today: CalendarDate): number {
  return Math.max(0, daysBetween(today, instructionEndsOn) + 1);
}

const ACTIONABLE: readonly DossierStatus[] = ["SUBMITTED", "CHANGES_REQUESTED"];

export function buildInstructionModel(
  row: Pick<DossierRow, "id" | "number" | "status" | "version" | "carrier" | "guichet" | "legalEntities">,
  input: {
    user: CurrentUser;
    at: Date;
    /** The parts as transmitted (latest snapshot); a part missing there has no amounts. */
    transmitted: readonly TransmittedPart[];
    openChangeRequest: { id: string; message: string; points: unknown; createdAt: Date } | null;
    /** The carrier's dates, derogations included (lib/guichets/derogations). */
    dates?: { opensOn: CalendarDate; closesOn: CalendarDate; instructionEndsOn: CalendarDate };
    /** The kind's decision caps now (lib/dossiers/instruction `decisionCaps`), which the acceptance enforces; else the transmitted ones. */
    caps?: ReadonlyMap<string, Cents>;
    /** Per EJ, the objectives the ARS validated in the previous year's accepted deposit. */
    previousValidated?: ReadonlyMap<string, string[]>;
  },
): InstructionModel {
  const today = parisDate(input.at);
  const dates = input.dates ?? {
    opensOn: calendarDateFromDb(row.guichet.opensOn),
    closesOn: calendarDateFromDb(row.guichet.closesOn),
    instructionEndsOn: calendarDateFromDb(row.guichet.instructionEndsOn),
  };
  const phase = guichetPhase(dates, today);
  const canAct = canInstructDossier(input.user, dossierScope(row)) && ACTIONABLE.includes(row.status) && deadlineAllows(row.status, "ACCEPT", phase);
  const asksVerdicts = dossierKind(row.guichet.kind).objectiveReview?.years.includes(row.guichet.year) ?? false;
  return {
    dossierId: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    kind: row.guichet.kind,
    guichetLabel: row.guichet.label,
    parts: row.legalEntities.map((part) => {
      const sent = input.transmitted.find((candidate) => candidate.finess === part.legalEntityFiness);
      return {
        finess: part.legalEntityFiness,
        name: part.legalEntity.name,
        capped: input.caps?.get(part.legalEntityFiness) ?? sent?.amounts.capped ?? null,
        requested: sent?.requested ?? null,
        decided: part.decidedCents === null ? null : Number(part.decidedCents),
        objectiveReview:
          asksVerdicts && sent && isMilestoneYear(row.guichet.year)
            ? {
                declared: declaredObjectives(sent),
                headcount: sent.headcount,
                year: row.guichet.year,
                expenses: sent.expenses,
                previousValidated: input.previousValidated?.get(part.legalEntityFiness) ?? [],
                notDeclaredAgain: carryOverGaps(input.previousValidated?.get(part.legalEntityFiness) ?? [], sent),
              }
            : null,
      };
    }),
    openChangeRequest: input.openChangeRequest
      ? {
          id: input.openChangeRequest.id,
          message: input.openChangeRequest.message,
          points: readChangeRequestPoints(input.openChangeRequest.points),
          createdAt: input.openChangeRequest.createdAt.toISOString(),
        }
      : null,
    instructionEndsOn: dates.instructionEndsOn,
    daysLeft: instructionDaysLeft(dates.instructionEndsOn, today),
    canAct,
    reviewableFields: reviewableFields({
      kind: row.guichet.kind,
      year: row.guichet.year,
      carrierIsGhtSupport: row.carrier.ght?.supportFiness === row.carrier.finess,
      parts: row.legalEntities.map((part) => ({ finess: part.legalEntityFiness, name: part.legalEntity.name })),
    }),
    decidedWithSelectionGrid: dossierKind(row.guichet.kind).decidedWithSelectionGrid,
    withAmounts: !dossierKind(row.guichet.kind).decidedWithSelectionGrid && dossierKind(row.guichet.kind).decisionCarriesAmounts(row.guichet.year),
    capRule: dossierKind(row.guichet.kind).labels.decisionCapRule ?? "",
  };
}
