/**
 * PURE: what the establishment TRANSMITTED, read from a submission snapshot.
 *
 * The ARS instructs the last submission, never the live rows: while a change
 * request is open the establishment edits the live dossier, and those edits are
 * not the ARS's business until they are transmitted again. So the review page,
 * the export and the instruction model all read the latest snapshot, and only the
 * ARS's own figure (the decided amount) comes from the live part.
 */
import { z } from "zod";
import { depositDraftSchema } from "@/lib/dossiers/dossier-input";
import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import { isMilestoneYear, partAmounts } from "@/lib/dossiers/part-amounts";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { nruProblem } from "@/lib/dossiers/submission-rules";
import { EXPENSE_CATEGORIES, hospiconnectAnnualCeiling, sumCents, type Cents, type ExpenseCategory } from "@/lib/funding";

const cents = z.number().int().nonnegative();

const snapshotSchema = z.object({
  dossierNumber: z.string(),
  guichet: z.object({ code: z.string(), label: z.string(), year: z.number().int(), kind: z.string() }),
  carrier: z.object({ finess: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() }),
  sequence: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  fromVersion: z.number().int().catch(0),
  data: z.unknown(),
  parts: z.array(
    z.object({
      legalEntityFiness: z.string(),
      name: z.string(),
      headcount: z.number().int().nonnegative().catch(0),
      nru: z.string().nullable().catch(null),
      // The demo seed stores `{}` for a candidature: every category then reads as "not entered".
      expenses: z.record(z.string(), cents.nullable().catch(null)).catch({}),
      mandatoryObjectiveMet: z.boolean().nullable().catch(null),
      objectivesReached: z.array(z.string()).catch([]),
      requested: cents.nullable().catch(null),
    }),
  ),
  documents: z
    .array(
      z.object({
        id: z.string(),
        fileId: z.string(),
        kind: z.string(),
        objectiveCode: z.string().nullable().catch(null),
        name: z.string(),
        sizeBytes: z.number().catch(0),
        sha256: z.string(),
        mediaType: z.string(),
        legalEntities: z.array(z.string()).catch([]),
      }),
    )
    .catch([]),
});

/** A stored snapshot (Json column) as a typed DossierSnapshot; throws on one that is not a snapshot at all. */
export function readSnapshot(json: unknown): DossierSnapshot {
  const parsed = snapshotSchema.parse(json);
  return {
    ...parsed,
    data: parsed.data ?? null,
    parts: parsed.parts.map((part) => ({
      ...part,
      expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, part.expenses[category] ?? null])),
    })),
  };
}

/** A self-assessment quoted by NRU, as found in the database (validated ones are immutable). */
export interface QuotedAssessment {
  nru: string;
  legalEntityFiness: string;
  status: "DRAFT" | "VALIDATED";
  validatedOn: CalendarDate | null;
}

export interface TransmittedAmounts {
  /** source 000: the annual ceiling from the SAE headcount. */
  annualCeiling: Cents;
  /** Ceiling × rate of the year; null for a candidature (no money is asked yet). */
  eligible: Cents | null;
  declaredExpenses: Cents;
  /** The eligible amount capped at the declared expenses: the most that can be granted. */
  capped: Cents | null;
}

export interface TransmittedPart {
  finess: string;
  name: string;
  headcount: number;
  nru: string | null;
  /** Why the quoted NRU does not count for the milestone (deposits only), in French; null when it does. */
  nruProblem: string | null;
  expenses: Record<ExpenseCategory, Cents | null>;
  mandatoryObjectiveMet: boolean | null;
  objectivesReached: string[];
  /** 2027–2028: the indicators declared for the percentage targets (2.1, 2.2), from the transmitted form. */
  indicators: Record<string, number | null>;
  /** The dates of the declared expenses, as transmitted ('' when not given). */
  expenseDates: { firstInvoiceOn: string; lastInvoiceOn: string; lastPaymentOn: string };
  requested: Cents | null;
  noteDeCadrageCount: number;
  /** 2026 milestone: note de cadrage and a usable self-assessment (null outside a deposit). */
  milestoneComplete: boolean | null;
  amounts: TransmittedAmounts;
}

/**
 * Each part of a snapshot with the amounts of lib/funding (through `partAmounts`,
 * the rule the deposit form and the submission check use), evaluated on the
 * facts of the submission day: the NRU must have been usable when it was transmitted.
 */
export function transmittedParts(snapshot: DossierSnapshot, guichet: { kind: string; year: number }, assessments: readonly QuotedAssessment[]): TransmittedPart[] {
  const submittedOn = parisDate(new Date(snapshot.submittedAt));
  const form = depositDraftSchema.safeParse((snapshot.data as { deposit?: unknown } | null)?.deposit ?? { parts: [] });
  return snapshot.parts.map((part) => {
    const expenses = Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, part.expenses[category] ?? null])) as Record<ExpenseCategory, Cents | null>;
    const documentsOfPart = snapshot.documents.filter((document) => document.legalEntities.includes(part.legalEntityFiness));
    const noteDeCadrageCount = documentsOfPart.filter((document) => document.kind === "NOTE_DE_CADRAGE").length;
    const base = {
      finess: part.legalEntityFiness,
      name: part.name,
      headcount: part.headcount,
      nru: part.nru,
      expenses,
      mandatoryObjectiveMet: part.mandatoryObjectiveMet,
      objectivesReached: [...part.objectivesReached].sort(),
      indicators: (form.success ? form.data.parts.find((entry) => entry.legalEntityFiness === part.legalEntityFiness)?.indicators : undefined) ?? {},
      expenseDates: (form.success ? form.data.parts.find((entry) => entry.legalEntityFiness === part.legalEntityFiness)?.expenseDates : undefined) ?? { firstInvoiceOn: "", lastInvoiceOn: "", lastPaymentOn: "" },
      requested: part.requested,
      noteDeCadrageCount,
    };
    const year = guichet.year;
    if (guichet.kind !== "MILESTONE_DEPOSIT" || !isMilestoneYear(year)) {
      const declaredExpenses = sumCents(EXPENSE_CATEGORIES.map((category) => expenses[category] ?? 0));
      return { ...base, nruProblem: null, milestoneComplete: null, amounts: { annualCeiling: hospiconnectAnnualCeiling(part.headcount), eligible: null, declaredExpenses, capped: null } };
    }
    const quoted = part.nru ? assessments.find((assessment) => assessment.nru === part.nru) : undefined;
    const problem = nruProblem(
      part.nru,
      {
        legalEntityFiness: part.legalEntityFiness,
        legalEntityName: part.name,
        headcount: part.headcount,
        selfAssessment: part.nru ? (quoted ? { found: true, legalEntityFiness: quoted.legalEntityFiness, status: quoted.status, validatedOn: quoted.validatedOn } : { found: false }) : null,
        noteDeCadrageCount,
        expenseAttestationCount: documentsOfPart.filter((document) => document.kind === "EXPENSE_ATTESTATION").length,
        objectiveProofs: documentsOfPart.filter((document) => document.kind === "OBJECTIVE_PROOF").map((document) => document.objectiveCode ?? ""),
      },
      year,
      submittedOn,
    );
    // source 000 (2026): the milestone is the note de cadrage plus a validated self-assessment of the year.
    const milestoneComplete = noteDeCadrageCount > 0 && problem === null;
    const amounts = partAmounts({
      headcount: part.headcount,
      year,
      milestoneComplete,
      mandatoryObjectiveMet: part.mandatoryObjectiveMet,
      objectivesReached: part.objectivesReached.length,
      expenses,
    });
    return { ...base, nruProblem: problem, milestoneComplete: year === 2026 ? milestoneComplete : null, amounts };
  });
}

/** The NRUs quoted by a set of snapshots (to load their self-assessments in one query). */
export function quotedNrus(snapshots: readonly DossierSnapshot[]): string[] {
  return [...new Set(snapshots.flatMap((snapshot) => snapshot.parts.map((part) => part.nru)).filter((nru): nru is string => Boolean(nru)))];
}
