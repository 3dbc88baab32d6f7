/**
 * PURE: the ARS's selection form of an AAP HOP'EN2 project (components/instruction/project-call),
 * between what the instructor types and what `decideProjectSelection` parses
 * (lib/dossiers/kinds/project-call/selection.ts). The form checks with the server's own schema
 * (scoring.ts `projectCallDecisionSchema`), so its messages and field keys are the server's; the
 * server decides.
 */
import {
  AWARD_JUSTIFICATION_FACTORS,
  MAX_CRITERION_SCORE,
  projectCallDecisionSchema,
  SELECTION_CRITERIA,
  selectionGridSchema,
  type AwardJustificationFactor,
  type SelectionCriterionKey,
} from "@/lib/dossiers/kinds/project-call/scoring";
import type { AapCategory } from "@/lib/funding/aap";
import { formatEuros, type Cents } from "@/lib/funding/money";
import { EURO_MESSAGES, parseEuroAmount } from "@/lib/funding/text-input";

/** The answer to one criterion as the radio buttons hold it. */
export type CriterionAnswer = "OUI" | "NON" | "0" | "1" | "2" | "3" | "SANS_OBJET" | null;

export interface SelectionFormState {
  answers: Record<SelectionCriterionKey, CriterionAnswer>;
  comments: Record<SelectionCriterionKey, string>;
  decision: "ACCEPT" | "REFUSE" | null;
  /** The amount granted as typed, in euros (« 85 000 », « 85 000,50 »). */
  amountText: string;
  justification: string;
  factors: AwardJustificationFactor[];
  reason: string;
}

/** What the form sends: `decideProjectSelection`'s input, a missing answer left undefined for the server to name. */
export interface SelectionDecisionPayload {
  decision: "ACCEPT" | "REFUSE";
  grid: {
    ELIGIBILITY: { compliant?: boolean; comment: string };
  } & Record<Exclude<SelectionCriterionKey, "ELIGIBILITY">, { score?: number | null; comment: string }>;
  grantedCents?: number;
  justification?: string;
  factors?: AwardJustificationFactor[];
  reason?: string;
}

export interface SelectionCap {
  category: AapCategory;
  cap: Cents;
}

/** The server's message when no decision is chosen (selection.ts says the same). */
export const DECISION_MISSING = "Choisissez de retenir ou de refuser le projet.";
export const AMOUNT_MISSING = "Saisissez le montant accordé en euros.";

/** An amount in cents as the amount field shows it: « 85 000,00 » (no « € », the label says euros). */
export function amountText(cents: Cents): string {
  return formatEuros(cents).replace(/\s?€$/, "");
}

export function initialSelectionForm(cap: Cents): SelectionFormState {
  const keys = SELECTION_CRITERIA.map((criterion) => criterion.key);
  return {
    answers: Object.fromEntries(keys.map((key) => [key, null])) as Record<SelectionCriterionKey, CriterionAnswer>,
    comments: Object.fromEntries(keys.map((key) => [key, ""])) as Record<SelectionCriterionKey, string>,
    decision: null,
    amountText: amountText(cap),
    justification: "",
    factors: [],
    reason: "",
  };
}

/** The score of an answer: a number, null for « sans objet », undefined when not answered (or not a score). */
function scoreOf(answer: CriterionAnswer): number | null | undefined {
  if (answer === "SANS_OBJET") return null;
  if (answer === "0" || answer === "1" || answer === "2" || answer === "3") return Number(answer);
  return undefined;
}

/** The amount typed, in cents, or the message saying what is wrong with it. */
export function parsedAmount(text: string): { ok: true; cents: Cents } | { ok: false; message: string } {
  const parsed = parseEuroAmount(text);
  if (parsed.ok) return { ok: true, cents: parsed.value };
  return { ok: false, message: parsed.error === "EMPTY" ? AMOUNT_MISSING : EURO_MESSAGES[parsed.error] };
}

function gridOf(state: SelectionFormState): SelectionDecisionPayload["grid"] {
  const scored = (key: Exclude<SelectionCriterionKey, "ELIGIBILITY">) => ({ score: scoreOf(state.answers[key]), comment: state.comments[key] });
  const compliance = state.answers.ELIGIBILITY;
  return {
    ELIGIBILITY: { compliant: compliance === "OUI" ? true : compliance === "NON" ? false : undefined, comment: state.comments.ELIGIBILITY },
    ROBUSTNESS: scored("ROBUSTNESS"),
    NATIONAL_PROGRAMMES: scored("NATIONAL_PROGRAMMES"),
    FUNDING_ARTICULATION: scored("FUNDING_ARTICULATION"),
    TEAM_DIVERSITY: scored("TEAM_DIVERSITY"),
    INDUSTRIAL_COMMITMENT: scored("INDUSTRIAL_COMMITMENT"),
  };
}

/** The payload of the decision chosen (null while none is); an amount that does not parse is left out. */
export function selectionPayload(state: SelectionFormState): SelectionDecisionPayload | null {
  if (!state.decision) return null;
  const grid = gridOf(state);
  if (state.decision === "REFUSE") return { decision: "REFUSE", grid, reason: state.reason };
  const amount = parsedAmount(state.amountText);
  return { decision: "ACCEPT", grid, grantedCents: amount.ok ? amount.cents : undefined, justification: state.justification, factors: state.factors };
}

/** The order in which the fields appear on the form (the error summary follows it). */
export const SELECTION_FIELD_ORDER: readonly string[] = [
  ...SELECTION_CRITERIA.flatMap((criterion) => [`grid.${criterion.key}.${criterion.scale === "compliance" ? "compliant" : "score"}`, `grid.${criterion.key}.comment`]),
  "decision",
  "grantedCents",
  "justification",
  "factors",
  "reason",
];

/** Keyed messages, first one per key, in the form's order (keys the form does not know last). */
export function orderedErrors(errors: Record<string, string>): [string, string][] {
  const rank = (key: string) => {
    const index = SELECTION_FIELD_ORDER.indexOf(key);
    return index === -1 ? SELECTION_FIELD_ORDER.length : index;
  };
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}

function firstMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ""): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = prefix + (issue.path.map(String).join(".") || "decision");
    result[key] ??= issue.message;
  }
  return result;
}

/** A complete, valid grid: the probe that lets the schema's cross-field rules speak while other fields are still wrong. */
const PROBE_GRID = {
  ELIGIBILITY: { compliant: true, comment: "-" },
  ROBUSTNESS: { score: 0, comment: "-" },
  NATIONAL_PROGRAMMES: { score: 0, comment: "-" },
  FUNDING_ARTICULATION: { score: 0, comment: "-" },
  TEAM_DIVERSITY: { score: 0, comment: "-" },
  INDUSTRIAL_COMMITMENT: { score: 0, comment: "-" },
};

/**
 * What blocks the decision now, keyed as the server keys it (`grid.ROBUSTNESS.comment`,
 * `grantedCents`, `factors`…). The schema's cross-field rules (an ineligible project cannot be
 * retained; below the cap, the factors are required) only run on an otherwise valid object, so
 * they are asked of a probe too: every error shows at the first attempt.
 */
export function selectionFormErrors(state: SelectionFormState, cap: SelectionCap): Record<string, string> {
  const grid = gridOf(state);
  const errors: Record<string, string> = {};
  const payload = selectionPayload(state);
  if (!payload) {
    Object.assign(errors, firstMessages(selectionGridSchema.safeParse(grid).error?.issues ?? [], "grid."));
    errors.decision = DECISION_MISSING;
    return errors;
  }
  const schema = projectCallDecisionSchema(cap);
  Object.assign(errors, firstMessages(schema.safeParse(payload).error?.issues ?? []));
  if (payload.decision === "ACCEPT") {
    const amount = parsedAmount(state.amountText);
    if (!amount.ok) errors.grantedCents = amount.message;
    const probe = schema.safeParse({
      ...payload,
      grid: { ...PROBE_GRID, ELIGIBILITY: { compliant: grid.ELIGIBILITY.compliant ?? true, comment: "-" } },
      grantedCents: amount.ok && amount.cents >= 1 && amount.cents <= cap.cap ? amount.cents : cap.cap,
      justification: "-",
    });
    for (const [key, message] of Object.entries(firstMessages(probe.error?.issues ?? []))) {
      if (key === "factors" || key === "grid.ELIGIBILITY.compliant") errors[key] ??= message;
    }
  }
  return errors;
}

/** The running total of the scores given so far, against the maximum of the criteria that count. */
export function runningTotal(answers: Record<SelectionCriterionKey, CriterionAnswer>): { total: number; max: number; unanswered: number } {
  let total = 0;
  let max = 0;
  let unanswered = 0;
  for (const criterion of SELECTION_CRITERIA) {
    if (criterion.scale === "compliance") continue;
    const score = scoreOf(answers[criterion.key]);
    if (score === null) continue;
    max += MAX_CRITERION_SCORE;
    if (score === undefined) unanswered += 1;
    else total += score;
  }
  return { total, max, unanswered };
}

/** Whether the amount typed is below the cap (the factors are then required). */
export function isBelowCap(state: SelectionFormState, cap: Cents): boolean {
  const amount = parsedAmount(state.amountText);
  return amount.ok && amount.cents < cap;
}

export const FACTOR_LABELS: Readonly<Record<AwardJustificationFactor, string>> = Object.fromEntries(AWARD_JUSTIFICATION_FACTORS.map((factor) => [factor.key, factor.label])) as Record<AwardJustificationFactor, string>;
