/**
 * PURE rules of the IE maturity self-assessment: the shape of the answers, their validation
 * against a questionnaire definition, completeness and scores. No I/O: used by the service, the
 * seed and the browser (live completeness) alike.
 *
 * Scoring rules (documented here, proved by tests/unit/self-assessment/scoring.test.ts):
 * - the level of a question answered per EG is the MEAN of its EG levels (source 003: "le niveau
 *   de maturité retenu doit correspondre à la moyenne des niveaux constatés localement");
 * - the score of a question is its level divided by its highest level (levels are 0…n);
 * - the score of a dimension is the mean of the scores of its questions;
 * - the overall score is the mean of the dimension scores: each dimension, like each HospiConnect
 *   objective of source 000, weighs the same;
 * - arithmetic is exact (fractions of integers) all the way; the percentage is rounded once, at
 *   the end, to one decimal, half up (62.45 → 62.5). The exact fraction is stored too.
 * Completeness (source 000: the questionnaire "devra être complété dans son intégralité à
 * l'échelle de l'EJ"): every question has a level; a question answered per EG has a level for
 * every EG of the EJ.
 */
import { z } from "zod";
import { maxLevelOf, questionsOf, type Question, type QuestionnaireDefinition } from "./questionnaire-definition";

// ------------------------------------------------------------------ answers

const FINESS = /^[0-9][0-9A-Z][0-9]{7}$/;
const levelValue = z.number().int("Le niveau est un nombre entier.").min(0).max(10);

/** One question's answer: one level for the whole EJ, or one level per EG (FINESS EG → level). */
export const questionAnswerSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("global"), level: levelValue }),
  z.object({ mode: z.literal("perSite"), levels: z.record(z.string().regex(FINESS, "FINESS EG invalide."), levelValue) }),
]);

/** Answers keyed by question id. A draft may leave questions out (partial answers). */
export const answersSchema = z
  .record(z.string().min(1).max(100), questionAnswerSchema)
  .refine((answers) => Object.keys(answers).length <= 500, "Trop de réponses.")
  .refine((answers) => Object.values(answers).every((answer) => answer.mode === "global" || Object.keys(answer.levels).length <= 500), "Trop d'EG.");

export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;
export type Answers = z.infer<typeof answersSchema>;

/** An EG of the EJ, as the questionnaire shows it. */
export interface SiteRef {
  finess: string;
  name: string;
}

/**
 * Errors of answers against a definition and the EJ's EG, keyed by question id (empty when
 * valid). Partial answers are valid: only what is given is checked.
 */
export function checkAnswers(definition: QuestionnaireDefinition, answers: Answers, siteFinesses: readonly string[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.id, question]));
  const sites = new Set(siteFinesses);
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = questions.get(questionId);
    const add = (message: string) => (errors[questionId] ??= []).push(message);
    if (!question) {
      add("Cette question n'existe pas dans ce questionnaire.");
      continue;
    }
    const max = maxLevelOf(question);
    if (answer.mode === "global") {
      if (answer.level > max) add(`Le niveau doit être compris entre 0 et ${max}.`);
      continue;
    }
    if (!question.perSite) {
      add("Cette question appelle un seul niveau pour l'entité juridique.");
      continue;
    }
    for (const [siteFiness, level] of Object.entries(answer.levels)) {
      if (!sites.has(siteFiness)) add(`L'établissement géographique ${siteFiness} n'appartient pas à cette entité juridique.`);
      else if (level > max) add(`Le niveau de l'EG ${siteFiness} doit être compris entre 0 et ${max}.`);
    }
  }
  return errors;
}

/**
 * The valid part of answers (for a duplicate made on another questionnaire version or after the
 * EJ's EG changed): unknown questions, out-of-range levels and unknown EG are dropped.
 */
export function keepValidAnswers(definition: QuestionnaireDefinition, answers: Answers, siteFinesses: readonly string[]): Answers {
  const result: Answers = {};
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.id, question]));
  const sites = new Set(siteFinesses);
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) continue;
    const max = maxLevelOf(question);
    if (answer.mode === "global") {
      if (answer.level <= max) result[questionId] = answer;
    } else if (question.perSite) {
      const levels = Object.fromEntries(Object.entries(answer.levels).filter(([finess, level]) => sites.has(finess) && level <= max));
      result[questionId] = { mode: "perSite", levels };
    }
  }
  return result;
}

// ------------------------------------------------------------------ exact fractions

/** A non-negative fraction in lowest terms. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function fraction(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError("denominator must be positive");
  const g = gcd(n, d) || 1n;
  return { numerator: n / g, denominator: d / g };
}

function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

function divide(a: Fraction, by: bigint): Fraction {
  return fraction(a.numerator, a.denominator * by);
}

function mean(values: readonly Fraction[]): Fraction {
  if (values.length === 0) throw new RangeError("mean of nothing");
  return divide(values.reduce(add, fraction(0)), BigInt(values.length));
}

/** "5/8"; "1" for a whole number. */
export function formatFraction(value: Fraction): string {
  return value.denominator === 1n ? String(value.numerator) : `${value.numerator}/${value.denominator}`;
}

/** 100 × value rounded to one decimal, half up (the only rounding of the scores). */
export function toPercent(value: Fraction): number {
  // tenths of a percent = floor((1000·n + d/2) / d), in integers: floor((2000·n + d) / 2d).
  const tenths = (2000n * value.numerator + value.denominator) / (2n * value.denominator);
  return Number(tenths) / 10;
}

export function fractionToNumber(value: Fraction): number {
  return Number(value.numerator) / Number(value.denominator);
}

// ------------------------------------------------------------------ levels, completeness

/**
 * The level retained for a question, or null when it is not (fully) answered: the level given
 * for the EJ, or the mean of the levels of every EG (source 003).
 */
export function questionLevel(question: Question, answer: QuestionAnswer | undefined, siteFinesses: readonly string[]): Fraction | null {
  if (!answer) return null;
  if (answer.mode === "global") return fraction(answer.level);
  if (siteFinesses.length === 0) return null;
  const levels: Fraction[] = [];
  for (const finess of siteFinesses) {
    const level = answer.levels[finess];
    if (level === undefined) return null;
    levels.push(fraction(level));
  }
  return mean(levels);
}

export interface MissingQuestion {
  questionId: string;
  dimensionId: string;
  /** Question label, for the list shown to the user. */
  label: string;
  /** For a question answered per EG: the EG still without a level. */
  missingSites: SiteRef[];
}

export interface Completeness {
  complete: boolean;
  answered: number;
  total: number;
  missing: MissingQuestion[];
}

/** Which questions still lack a level (source 000: "complété dans son intégralité"). */
export function completenessOf(definition: QuestionnaireDefinition, answers: Answers, sites: readonly SiteRef[]): Completeness {
  const missing: MissingQuestion[] = [];
  const all = questionsOf(definition);
  for (const { dimension, question } of all) {
    const answer = answers[question.id];
    const base = { questionId: question.id, dimensionId: dimension.id, label: question.label };
    if (!answer) {
      missing.push({ ...base, missingSites: [] });
    } else if (answer.mode === "perSite") {
      const missingSites = sites.filter((site) => answer.levels[site.finess] === undefined);
      // An EJ without any EG cannot answer per EG: the question stays to be answered for the EJ.
      if (missingSites.length > 0 || sites.length === 0) missing.push({ ...base, missingSites });
    }
  }
  return { complete: missing.length === 0, answered: all.length - missing.length, total: all.length, missing };
}

/** The French message shown next to a missing question. */
export function missingQuestionMessage(missing: MissingQuestion): string {
  if (missing.missingSites.length === 0) return "Question non renseignée : choisissez un niveau.";
  return `Niveau à renseigner pour : ${missing.missingSites.map((site) => `${site.name} (${site.finess})`).join(", ")}.`;
}

/** Missing questions as field errors keyed by question id. */
export function missingAsFieldErrors(completeness: Completeness): Record<string, string[]> {
  return Object.fromEntries(completeness.missing.map((missing) => [missing.questionId, [missingQuestionMessage(missing)]]));
}

// ------------------------------------------------------------------ scores

export const scoreValueSchema = z.object({
  /** Percentage rounded to one decimal, half up. */
  percent: z.number(),
  /** The exact ratio to the maximum, "n/d" (or "0", "1"). */
  exact: z.string(),
});

/** What is stored in SelfAssessment.scores at validation. */
export const scoresSchema = z.object({
  questionnaireId: z.string(),
  overall: scoreValueSchema,
  dimensions: z.array(scoreValueSchema.extend({ dimensionId: z.string(), title: z.string() })),
});

export type ScoreValue = z.infer<typeof scoreValueSchema>;
export type Scores = z.infer<typeof scoresSchema>;

function scoreValue(value: Fraction): ScoreValue {
  return { percent: toPercent(value), exact: formatFraction(value) };
}

/** Thrown by computeScores when the answers are incomplete: validation must check first. */
export class IncompleteAnswersError extends Error {
  constructor(readonly missing: MissingQuestion[]) {
    super(`Answers incomplete: ${missing.map((question) => question.questionId).join(", ")}`);
    this.name = "IncompleteAnswersError";
  }
}

/** Scores per dimension and overall (see the rules at the top of this file). */
export function computeScores(definition: QuestionnaireDefinition, answers: Answers, sites: readonly SiteRef[]): Scores {
  const completeness = completenessOf(definition, answers, sites);
  if (!completeness.complete) throw new IncompleteAnswersError(completeness.missing);
  const siteFinesses = sites.map((site) => site.finess);
  const dimensionScores = definition.dimensions.map((dimension) => {
    const ratios = dimension.questions.map((question) => {
      const level = questionLevel(question, answers[question.id], siteFinesses);
      if (!level) throw new IncompleteAnswersError([]); // unreachable: checked complete above
      return divide(level, BigInt(maxLevelOf(question)));
    });
    return { dimension, score: mean(ratios) };
  });
  return {
    questionnaireId: definition.id,
    overall: scoreValue(mean(dimensionScores.map(({ score }) => score))),
    dimensions: dimensionScores.map(({ dimension, score }) => ({ dimensionId: dimension.id, title: dimension.title, ...scoreValue(score) })),
  };
}
