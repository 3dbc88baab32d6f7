/**
 * The IE maturity questionnaire is versioned DATA, not code (source 003: "Outil d'auto-évaluation
 * à renseigner à la maille EJ"): a national version can be stored as JSON in
 * `Questionnaire.definition` and is checked against this schema whenever it is loaded.
 *
 * Shape: dimensions → questions → maturity levels 0…n. A question marked `perSite` may be
 * answered per EG when the maturity differs between the sites of the EJ (source 003: "En cas de
 * disparités de maturité entre différentes EG d'une même EJ, le niveau de maturité retenu doit
 * correspondre à la moyenne des niveaux constatés localement").
 */
import { z } from "zod";

/** Bumped only when the JSON shape below changes (not when questions change). */
export const QUESTIONNAIRE_SCHEMA_VERSION = 1;

/** Stable identifiers: answers are keyed by them, so they never change within a version. */
const IDENTIFIER = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const identifierSchema = z
  .string()
  .max(80, "Identifiant trop long (80 caractères au plus).")
  .regex(IDENTIFIER, "Identifiant invalide : minuscules, chiffres, « . » et « - » seulement.");

const textSchema = (max: number) => z.string().trim().min(1, "Texte obligatoire.").max(max, `Texte trop long (${max} caractères au plus).`);

export const maturityLevelSchema = z.object({
  /** 0 = nothing in place; the highest level is the full target. */
  level: z.number().int().min(0).max(10),
  /** Short name of the level ("Généralisé"). */
  label: textSchema(120),
  /** What the establishment observes at this level, for this question. */
  description: textSchema(1000),
});

export const questionSchema = z
  .object({
    id: identifierSchema,
    label: textSchema(400),
    help: textSchema(1000).optional(),
    /** May be answered per EG (the retained level is then the mean of the EG levels, source 003). */
    perSite: z.boolean().default(false),
    levels: z.array(maturityLevelSchema).min(2, "Une question a au moins deux niveaux.").max(11),
  })
  .superRefine((question, context) => {
    // Levels are exactly 0, 1, …, n in this order: the score divides by n (lib/self-assessment/scoring.ts).
    question.levels.forEach((level, index) => {
      if (level.level !== index) {
        context.addIssue({
          code: "custom",
          path: ["levels", index, "level"],
          message: `Les niveaux de la question ${question.id} doivent être numérotés 0, 1, 2… dans l'ordre (attendu ${index}, reçu ${level.level}).`,
        });
      }
    });
  });

export const dimensionSchema = z.object({
  id: identifierSchema,
  title: textSchema(200),
  /** The HospiConnect objective this dimension follows ("1.1" … "2.2", source 000). */
  objectiveCode: z
    .string()
    .regex(/^\d\.\d$/, "Code d'objectif invalide (ex. « 1.3 »).")
    .optional(),
  description: textSchema(1000).optional(),
  questions: z.array(questionSchema).min(1, "Une dimension a au moins une question.").max(50),
});

export const questionnaireDefinitionSchema = z
  .object({
    schemaVersion: z.literal(QUESTIONNAIRE_SCHEMA_VERSION),
    /** Also the primary key of the Questionnaire row ("hospiconnect-ie-2026-v1"). */
    id: identifierSchema,
    title: textSchema(200),
    description: textSchema(2000).optional(),
    dimensions: z.array(dimensionSchema).min(1, "Le questionnaire a au moins une dimension.").max(30),
  })
  .superRefine((definition, context) => {
    const dimensionIds = new Set<string>();
    const questionIds = new Set<string>();
    definition.dimensions.forEach((dimension, d) => {
      if (dimensionIds.has(dimension.id)) {
        context.addIssue({ code: "custom", path: ["dimensions", d, "id"], message: `Dimension en double : ${dimension.id}.` });
      }
      dimensionIds.add(dimension.id);
      dimension.questions.forEach((question, q) => {
        // Answers are keyed by question id across the whole questionnaire.
        if (questionIds.has(question.id)) {
          context.addIssue({ code: "custom", path: ["dimensions", d, "questions", q, "id"], message: `Question en double : ${question.id}.` });
        }
        questionIds.add(question.id);
      });
    });
  });

export type MaturityLevel = z.infer<typeof maturityLevelSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;
/** What an author writes (perSite may be left out). */
export type QuestionnaireDefinitionInput = z.input<typeof questionnaireDefinitionSchema>;

/** Thrown when a stored or imported definition does not match the schema. */
export class InvalidQuestionnaireDefinitionError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Définition de questionnaire invalide : ${issues.join(" ; ")}`);
    this.name = "InvalidQuestionnaireDefinitionError";
    this.issues = issues;
  }
}

/** Parses a definition (JSON from the database or an imported file); throws with every issue listed. */
export function parseQuestionnaireDefinition(json: unknown): QuestionnaireDefinition {
  const parsed = questionnaireDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidQuestionnaireDefinitionError(parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(racine)"} : ${issue.message}`));
  }
  return parsed.data;
}

/** The question with its dimension, in questionnaire order. */
export interface QuestionInContext {
  dimension: Dimension;
  question: Question;
}

export function questionsOf(definition: QuestionnaireDefinition): QuestionInContext[] {
  return definition.dimensions.flatMap((dimension) => dimension.questions.map((question) => ({ dimension, question })));
}

/** The highest level of a question (its levels are 0…n, checked by the schema). */
export function maxLevelOf(question: Question): number {
  return question.levels.length - 1;
}
