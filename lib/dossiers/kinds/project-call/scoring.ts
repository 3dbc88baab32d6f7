import { z } from "zod";
import type { AapCategory } from "@/lib/funding/aap";
import { formatEuros, type Cents } from "@/lib/funding/money";

/*
 * The ARS selection of AAP projects (source 001, "Modalités de sélection par les ARS" and
 * "Modalités de financement (2/2)").
 *
 * Scale: source 001 lists the criteria (« notamment ») with no scale and no weight, so the grid is
 * kept as plain as possible: eligibility is a yes/no check (a project that does not meet it cannot
 * be retained), every other criterion gets 0 to 3 (insuffisant, partiel, satisfaisant, très
 * satisfaisant) with a required comment, and the industrial commitment may be « sans objet »
 * (« le cas échéant »). The total is the plain sum over the scored criteria, shown against its
 * maximum; it informs the ARS and decides nothing — no weight or threshold is invented.
 */

export const SELECTION_CRITERIA = [
  { key: "ELIGIBILITY", label: "Respect des critères d'éligibilité au dispositif", scale: "compliance" },
  { key: "ROBUSTNESS", label: "Robustesse, réalisme et soutenabilité du projet", scale: "score" },
  { key: "NATIONAL_PROGRAMMES", label: "Niveau de participation aux programmes numériques nationaux", scale: "score" },
  {
    key: "FUNDING_ARTICULATION",
    label: "Articulation avec d'autres modalités de financement ou d'accompagnement déjà octroyées ou envisagées (programmes et appels à projets nationaux et régionaux)",
    scale: "score",
  },
  {
    key: "TEAM_DIVERSITY",
    label: "Diversité et représentativité de l'équipe projet (acteurs de différents métiers au-delà de la DSI, référents métiers en co-portage le cas échéant)",
    scale: "score",
  },
  { key: "INDUSTRIAL_COMMITMENT", label: "Engagement des partenaires industriels (lettres d'engagement), le cas échéant", scale: "optionalScore" },
] as const;

export type SelectionCriterionKey = (typeof SELECTION_CRITERIA)[number]["key"];

export const SCORE_LEVELS = [
  { score: 0, label: "Insuffisant" },
  { score: 1, label: "Partiel" },
  { score: 2, label: "Satisfaisant" },
  { score: 3, label: "Très satisfaisant" },
] as const;

export const MAX_CRITERION_SCORE = 3;

/** The factors an ARS weighs when it sets the amount within the cap (source 001, « en tenant compte »). */
export const AWARD_JUSTIFICATION_FACTORS = [
  { key: "AMBITION_PERIMETER", label: "Ambition et périmètre du projet" },
  { key: "FORECAST_EXPENSES", label: "Dépenses prévisionnelles du projet" },
  { key: "MATURITY", label: "Maturité numérique et organisationnelle de l'établissement" },
  { key: "CO_FUNDING", label: "Cofinancements mobilisés" },
  { key: "EXPECTED_IMPACT", label: "Impact attendu au regard des objectifs de la thématique" },
] as const;

export type AwardJustificationFactor = (typeof AWARD_JUSTIFICATION_FACTORS)[number]["key"];

const comment = (label: string) =>
  z.string().trim().min(1, `Commentez le critère « ${label} ».`).max(2000, `Critère « ${label} » : 2 000 caractères au maximum.`);

const scoreOf = (label: string) =>
  z.number(`Notez le critère « ${label} » de 0 à ${MAX_CRITERION_SCORE}.`).int(`Notez le critère « ${label} » de 0 à ${MAX_CRITERION_SCORE}.`).min(0, `Notez le critère « ${label} » de 0 à ${MAX_CRITERION_SCORE}.`).max(MAX_CRITERION_SCORE, `Notez le critère « ${label} » de 0 à ${MAX_CRITERION_SCORE}.`);

const criterion = (key: SelectionCriterionKey) => SELECTION_CRITERIA.find((candidate) => candidate.key === key)!.label;

export const selectionGridSchema = z.object({
  ELIGIBILITY: z.object({ compliant: z.boolean(`Indiquez si le projet respecte les critères d'éligibilité.`), comment: comment(criterion("ELIGIBILITY")) }),
  ROBUSTNESS: z.object({ score: scoreOf(criterion("ROBUSTNESS")), comment: comment(criterion("ROBUSTNESS")) }),
  NATIONAL_PROGRAMMES: z.object({ score: scoreOf(criterion("NATIONAL_PROGRAMMES")), comment: comment(criterion("NATIONAL_PROGRAMMES")) }),
  FUNDING_ARTICULATION: z.object({ score: scoreOf(criterion("FUNDING_ARTICULATION")), comment: comment(criterion("FUNDING_ARTICULATION")) }),
  TEAM_DIVERSITY: z.object({ score: scoreOf(criterion("TEAM_DIVERSITY")), comment: comment(criterion("TEAM_DIVERSITY")) }),
  /** null = « sans objet » (no industrial partner in the project). */
  INDUSTRIAL_COMMITMENT: z.object({ score: scoreOf(criterion("INDUSTRIAL_COMMITMENT")).nullable(), comment: comment(criterion("INDUSTRIAL_COMMITMENT")) }),
});

export type SelectionGrid = z.output<typeof selectionGridSchema>;

/** Sum of the scored criteria and its maximum (a criterion « sans objet » counts in neither). */
export function selectionTotal(grid: SelectionGrid): { total: number; max: number } {
  const scores = [grid.ROBUSTNESS.score, grid.NATIONAL_PROGRAMMES.score, grid.FUNDING_ARTICULATION.score, grid.TEAM_DIVERSITY.score, grid.INDUSTRIAL_COMMITMENT.score];
  const scored = scores.filter((score): score is number => score !== null);
  return { total: scored.reduce((sum, score) => sum + score, 0), max: scored.length * MAX_CRITERION_SCORE };
}

/**
 * The ARS decision on a project, for its category's cap (aapCategory / aapCategoryForProject of
 * lib/funding). Accept: the grid, an amount from 1 cent to the cap, a justification (text, and the
 * source's factors considered when the amount is below the cap). Refuse: the grid and the reason.
 */
export function projectCallDecisionSchema(cap: { category: AapCategory; cap: Cents }) {
  const capText = `${formatEuros(cap.cap)} (plafond de la catégorie ${cap.category})`;
  const accept = z
    .object({
      decision: z.literal("ACCEPT"),
      grid: selectionGridSchema,
      grantedCents: z
        .number("Indiquez le montant accordé.")
        .int("Le montant accordé s'exprime en euros et centimes.")
        .min(1, "Le montant accordé doit être supérieur à 0 € ; refusez le projet sinon.")
        .max(cap.cap, `Le montant accordé ne peut dépasser ${capText}.`),
      justification: z.string().trim().min(1, "Justifiez le montant accordé.").max(4000, "Justification : 4 000 caractères au maximum."),
      factors: z.array(z.enum(AWARD_JUSTIFICATION_FACTORS.map((factor) => factor.key) as [AwardJustificationFactor, ...AwardJustificationFactor[]])).max(AWARD_JUSTIFICATION_FACTORS.length).default([]),
    })
    .superRefine((value, context) => {
      if (!value.grid.ELIGIBILITY.compliant) {
        context.addIssue({ code: "custom", path: ["grid", "ELIGIBILITY", "compliant"], message: "Un projet qui ne respecte pas les critères d'éligibilité ne peut être retenu." });
      }
      if (value.grantedCents < cap.cap && value.factors.length === 0) {
        context.addIssue({ code: "custom", path: ["factors"], message: `Le montant est inférieur à ${capText} : indiquez les éléments qui l'ont déterminé.` });
      }
    });
  const refuse = z.object({
    decision: z.literal("REFUSE"),
    grid: selectionGridSchema,
    reason: z.string().trim().min(1, "Indiquez le motif du refus.").max(4000, "Motif du refus : 4 000 caractères au maximum."),
  });
  return z.discriminatedUnion("decision", [accept, refuse]);
}

export type ProjectCallDecision = z.output<ReturnType<typeof projectCallDecisionSchema>>;
