import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/self-assessment/default-questionnaire";
import { parseQuestionnaireDefinition, questionsOf, type QuestionnaireDefinitionInput } from "@/lib/self-assessment/questionnaire-definition";
import {
  answersSchema,
  checkAnswers,
  completenessOf,
  computeScores,
  fraction,
  IncompleteAnswersError,
  keepValidAnswers,
  missingAsFieldErrors,
  questionLevel,
  toPercent,
  type Answers,
} from "@/lib/self-assessment/scoring";

const levels = (max: number) => Array.from({ length: max + 1 }, (_, level) => ({ level, label: `N${level}`, description: `Niveau ${level}` }));

/** Two dimensions: A (q1 per EG, q2 EJ-wide), B (q3 EJ-wide), levels 0–4. */
const definition = parseQuestionnaireDefinition({
  schemaVersion: 1,
  id: "test-v1",
  title: "Test",
  dimensions: [
    {
      id: "a",
      title: "Dimension A",
      questions: [
        { id: "q1", label: "Question 1", perSite: true, levels: levels(4) },
        { id: "q2", label: "Question 2", levels: levels(4) },
      ],
    },
    { id: "b", title: "Dimension B", questions: [{ id: "q3", label: "Question 3", levels: levels(4) }] },
  ],
} satisfies QuestionnaireDefinitionInput);

const EG1 = { finess: "990000011", name: "Site 1" };
const EG2 = { finess: "990000029", name: "Site 2" };
const EG3 = { finess: "990000037", name: "Site 3" };
const sites = [EG1, EG2, EG3];
const siteFinesses = sites.map((site) => site.finess);
const q1 = definition.dimensions[0]!.questions[0]!;

describe("the level of a per-EG question is the mean of its EG levels (source 003)", () => {
  it("EG at 2, 3 and 3 give 8/3 for the EJ", () => {
    const level = questionLevel(q1, { mode: "perSite", levels: { [EG1.finess]: 2, [EG2.finess]: 3, [EG3.finess]: 3 } }, siteFinesses);
    expect(level).toEqual(fraction(8, 3));
  });

  it("a level given for the whole EJ is that level", () => {
    expect(questionLevel(q1, { mode: "global", level: 3 }, siteFinesses)).toEqual(fraction(3));
  });

  it("is not known while an EG has no level, nor for an EJ without EG", () => {
    expect(questionLevel(q1, { mode: "perSite", levels: { [EG1.finess]: 2, [EG2.finess]: 3 } }, siteFinesses)).toBeNull();
    expect(questionLevel(q1, { mode: "perSite", levels: {} }, [])).toBeNull();
    expect(questionLevel(q1, undefined, siteFinesses)).toBeNull();
  });
});

describe("scores: mean of question level / max per dimension, mean of dimensions overall, rounded once to one decimal", () => {
  it("computes exact fractions and the rounded percentages", () => {
    const answers: Answers = {
      // (2 + 3 + 3) / 3 = 8/3 → 8/3 / 4 = 2/3
      q1: { mode: "perSite", levels: { [EG1.finess]: 2, [EG2.finess]: 3, [EG3.finess]: 3 } },
      // 1/4
      q2: { mode: "global", level: 1 },
      // 4/4
      q3: { mode: "global", level: 4 },
    };
    const scores = computeScores(definition, answers, sites);
    // A = (2/3 + 1/4) / 2 = 11/24 = 45.8333… %; B = 1; overall = (11/24 + 1) / 2 = 35/48 = 72.9166… %
    expect(scores.dimensions).toEqual([
      { dimensionId: "a", title: "Dimension A", percent: 45.8, exact: "11/24" },
      { dimensionId: "b", title: "Dimension B", percent: 100, exact: "1" },
    ]);
    expect(scores.overall).toEqual({ percent: 72.9, exact: "35/48" });
    expect(scores.questionnaireId).toBe("test-v1");
  });

  it("each dimension weighs the same, whatever its number of questions", () => {
    // A = (0 + 0) / 2 = 0, B = 1 → overall 50 % (a mean over the three questions would give 33.3 %).
    const scores = computeScores(definition, { q1: { mode: "global", level: 0 }, q2: { mode: "global", level: 0 }, q3: { mode: "global", level: 4 } }, sites);
    expect(scores.overall.percent).toBe(50);
  });

  it("rounds half up only at the end: 1/16 → 6.3 %, 1/3 → 33.3 %, 2/3 → 66.7 %, 0 → 0 %, 1 → 100 %", () => {
    expect(toPercent(fraction(1, 16))).toBe(6.3);
    expect(toPercent(fraction(1, 3))).toBe(33.3);
    expect(toPercent(fraction(2, 3))).toBe(66.7);
    expect(toPercent(fraction(0))).toBe(0);
    expect(toPercent(fraction(1))).toBe(100);
    expect(toPercent(fraction(999, 1000))).toBe(99.9);
    expect(toPercent(fraction(9999, 10000))).toBe(100);
  });

  it("refuses to score incomplete answers", () => {
    expect(() => computeScores(definition, { q1: { mode: "global", level: 1 } }, sites)).toThrow(IncompleteAnswersError);
  });
});

describe("completeness: every question answered, every EG of a per-EG question (source 000: « complété dans son intégralité »)", () => {
  it("lists the unanswered questions and the EG still without a level", () => {
    const completeness = completenessOf(definition, { q1: { mode: "perSite", levels: { [EG1.finess]: 2 } }, q3: { mode: "global", level: 0 } }, sites);
    expect(completeness.complete).toBe(false);
    expect(completeness).toMatchObject({ answered: 1, total: 3 });
    expect(completeness.missing.map((missing) => [missing.questionId, missing.missingSites.map((site) => site.finess)])).toEqual([
      ["q1", [EG2.finess, EG3.finess]],
      ["q2", []],
    ]);
    const errors = missingAsFieldErrors(completeness);
    expect(errors.q2).toEqual(["Question non renseignée : choisissez un niveau."]);
    expect(errors.q1).toEqual([`Niveau à renseigner pour : Site 2 (${EG2.finess}), Site 3 (${EG3.finess}).`]);
  });

  it("level 0 is an answer", () => {
    const answers: Answers = { q1: { mode: "global", level: 0 }, q2: { mode: "global", level: 0 }, q3: { mode: "global", level: 0 } };
    expect(completenessOf(definition, answers, sites)).toMatchObject({ complete: true, answered: 3, missing: [] });
    expect(computeScores(definition, answers, sites).overall).toEqual({ percent: 0, exact: "0" });
  });

  it("a per-EG answer is incomplete for an EJ without EG", () => {
    const answers: Answers = { q1: { mode: "perSite", levels: {} }, q2: { mode: "global", level: 0 }, q3: { mode: "global", level: 0 } };
    expect(completenessOf(definition, answers, []).missing.map((missing) => missing.questionId)).toEqual(["q1"]);
  });

  it("the default questionnaire is complete only when all its questions are answered", () => {
    const all = questionsOf(DEFAULT_QUESTIONNAIRE);
    const answers: Answers = Object.fromEntries(all.map(({ question }) => [question.id, { mode: "global", level: 4 }]));
    expect(computeScores(DEFAULT_QUESTIONNAIRE, answers, sites).overall.percent).toBe(100);
    const last = all.at(-1)!.question.id;
    delete answers[last];
    expect(completenessOf(DEFAULT_QUESTIONNAIRE, answers, sites).missing.map((missing) => missing.questionId)).toEqual([last]);
  });
});

describe("answers are checked against the definition and the EG of the EJ", () => {
  it("accepts partial, well-formed answers", () => {
    expect(checkAnswers(definition, { q1: { mode: "perSite", levels: { [EG1.finess]: 4 } } }, siteFinesses)).toEqual({});
    expect(checkAnswers(definition, {}, siteFinesses)).toEqual({});
  });

  it("refuses unknown questions, levels above the maximum, per-EG answers to EJ-wide questions and EG of another EJ", () => {
    const errors = checkAnswers(
      definition,
      {
        unknown: { mode: "global", level: 1 },
        q1: { mode: "perSite", levels: { "990000045": 1, [EG1.finess]: 5 } },
        q2: { mode: "perSite", levels: { [EG1.finess]: 1 } },
        q3: { mode: "global", level: 5 },
      },
      siteFinesses,
    );
    expect(Object.keys(errors).sort()).toEqual(["q1", "q2", "q3", "unknown"]);
    expect(errors.q1).toHaveLength(2);
    expect(errors.q2).toEqual(["Cette question appelle un seul niveau pour l'entité juridique."]);
    expect(errors.q3).toEqual(["Le niveau doit être compris entre 0 et 4."]);
  });

  it("the answers schema refuses malformed input (negative or decimal levels, bad FINESS, unknown mode)", () => {
    expect(answersSchema.safeParse({ q1: { mode: "global", level: -1 } }).success).toBe(false);
    expect(answersSchema.safeParse({ q1: { mode: "global", level: 1.5 } }).success).toBe(false);
    expect(answersSchema.safeParse({ q1: { mode: "perSite", levels: { "12": 1 } } }).success).toBe(false);
    expect(answersSchema.safeParse({ q1: { mode: "other", level: 1 } }).success).toBe(false);
    expect(answersSchema.safeParse({ q1: { mode: "perSite", levels: { [EG1.finess]: 1 } } }).success).toBe(true);
  });

  it("keepValidAnswers drops what no longer fits (for a duplicate)", () => {
    const kept = keepValidAnswers(
      definition,
      { gone: { mode: "global", level: 1 }, q1: { mode: "perSite", levels: { "990000045": 1, [EG1.finess]: 2 } }, q2: { mode: "perSite", levels: {} }, q3: { mode: "global", level: 3 } },
      siteFinesses,
    );
    expect(kept).toEqual({ q1: { mode: "perSite", levels: { [EG1.finess]: 2 } }, q3: { mode: "global", level: 3 } });
  });
});
