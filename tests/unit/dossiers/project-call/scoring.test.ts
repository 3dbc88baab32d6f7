import { describe, expect, it } from "vitest";
import { AWARD_JUSTIFICATION_FACTORS, SELECTION_CRITERIA, projectCallDecisionSchema, selectionGridSchema, selectionTotal } from "@/lib/dossiers/kinds/project-call/scoring";
import { aapCategory, aapCategoryForProject, aapPayments } from "@/lib/funding";

// source 001, « Modalités de sélection par les ARS » and « Modalités de financement (2/2) ».

const grid = {
  ELIGIBILITY: { compliant: true, comment: "Les quatre conditions sont remplies." },
  ROBUSTNESS: { score: 2, comment: "Planning réaliste." },
  NATIONAL_PROGRAMMES: { score: 3, comment: "Ségur vague 2, HOP'EN2 phase 1." },
  FUNDING_ARTICULATION: { score: 1, comment: "Articulation avec le FIR à préciser." },
  TEAM_DIVERSITY: { score: 3, comment: "Urgentiste en co-portage." },
  INDUSTRIAL_COMMITMENT: { score: null, comment: "Sans objet : aucun partenaire industriel." },
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the selection grid of source 001", () => {
  it("has the source's six criteria and its five factors for the amount", () => {
    expect(SELECTION_CRITERIA.map((criterion) => criterion.key)).toEqual(["ELIGIBILITY", "ROBUSTNESS", "NATIONAL_PROGRAMMES", "FUNDING_ARTICULATION", "TEAM_DIVERSITY", "INDUSTRIAL_COMMITMENT"]);
    expect(AWARD_JUSTIFICATION_FACTORS.map((factor) => factor.label)).toEqual([
      "Ambition et périmètre du projet",
      "Dépenses prévisionnelles du projet",
      "Maturité numérique et organisationnelle de l'établissement",
      "Cofinancements mobilisés",
      "Impact attendu au regard des objectifs de la thématique",
    ]);
  });

  it("sums the scored criteria; « sans objet » counts in neither the total nor the maximum", () => {
    expect(selectionTotal(selectionGridSchema.parse(grid))).toEqual({ total: 9, max: 12 });
    expect(selectionTotal(selectionGridSchema.parse({ ...grid, INDUSTRIAL_COMMITMENT: { score: 3, comment: "Lettre de l'éditeur GAM." } }))).toEqual({ total: 12, max: 15 });
  });

  it("refuses a score outside 0–3 or fractional, and a criterion without comment", () => {
    const result = selectionGridSchema.safeParse({ ...grid, ROBUSTNESS: { score: 4, comment: "x" }, NATIONAL_PROGRAMMES: { score: 1.5, comment: "x" }, TEAM_DIVERSITY: { score: 2, comment: "  " } });
    expect(messages(result)).toEqual({
      "ROBUSTNESS.score": "Notez le critère « Robustesse, réalisme et soutenabilité du projet » de 0 à 3.",
      "NATIONAL_PROGRAMMES.score": "Notez le critère « Niveau de participation aux programmes numériques nationaux » de 0 à 3.",
      "TEAM_DIVERSITY.comment": expect.stringMatching(/^Commentez le critère « Diversité et représentativité de l'équipe projet/),
    });
  });
});

describe("the ARS decision: an amount within the category's cap (source 001)", () => {
  // source 001: CAT C, 60 000 ≤ AC < 230 000 → 85 000 € per project.
  const categoryC = aapCategory(60_000);
  const schema = projectCallDecisionSchema(categoryC);

  it("accepts the cap itself, and pays it 50 % in 2026, 50 % in 2027", () => {
    const decision = schema.parse({ decision: "ACCEPT", grid, grantedCents: 8_500_000, justification: "Projet complet." });
    expect(decision.decision === "ACCEPT" && aapPayments(decision.grantedCents)).toEqual({ onAcceptance: 4_250_000, onObjectives: 4_250_000 });
  });

  it("refuses one cent over the cap, with a French message saying the cap", () => {
    expect(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 8_500_001, justification: "x", factors: ["AMBITION_PERIMETER"] }))).toEqual({
      grantedCents: "Le montant accordé ne peut dépasser 85\u202f000,00\u00a0€ (plafond de la catégorie C).",
    });
  });

  it.each([
    [6_999.5, "A", 3_500_000],
    [7_000, "B", 5_100_000],
    [229_999.5, "C", 8_500_000],
    [230_000, "D", 20_500_000],
  ] as const)("AC %d → category %s, the cap %i cents is the most the ARS can grant", (activity, category, cap) => {
    const forCategory = projectCallDecisionSchema(aapCategory(activity));
    expect(aapCategory(activity)).toEqual({ category, cap });
    expect(forCategory.safeParse({ decision: "ACCEPT", grid, grantedCents: cap, justification: "x" }).success).toBe(true);
    expect(forCategory.safeParse({ decision: "ACCEPT", grid, grantedCents: cap + 1, justification: "x", factors: ["CO_FUNDING"] }).success).toBe(false);
  });

  it("a joint project takes the category of the cumulated activité combinée (source 001): 5 000 + 3 000 → B, 51 000 €", () => {
    const joint = projectCallDecisionSchema(aapCategoryForProject([5_000, 3_000]));
    expect(messages(joint.safeParse({ decision: "ACCEPT", grid, grantedCents: 5_100_001, justification: "x", factors: ["CO_FUNDING"] })).grantedCents).toContain("51\u202f000,00\u00a0€ (plafond de la catégorie B)");
  });

  it("below the cap: the factors that set the amount are required, and the justification always", () => {
    expect(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 6_000_000, justification: "" }))).toEqual({
      justification: "Justifiez le montant accordé.",
      factors: "Le montant est inférieur à 85\u202f000,00\u00a0€ (plafond de la catégorie C) : indiquez les éléments qui l'ont déterminé.",
    });
    expect(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 6_000_000, justification: "Cofinancement FEDER de 25 000 €.", factors: ["CO_FUNDING", "FORECAST_EXPENSES"] }).success).toBe(true);
  });

  it("refuses 0 €, negative, fractional or unknown factors", () => {
    expect(Object.keys(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 0, justification: "x", factors: ["CO_FUNDING"] })))).toEqual(["grantedCents"]);
    expect(Object.keys(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: -5, justification: "x", factors: ["CO_FUNDING"] })))).toEqual(["grantedCents"]);
    expect(Object.keys(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 100.5, justification: "x", factors: ["CO_FUNDING"] })))).toEqual(["grantedCents"]);
    expect(Object.keys(messages(schema.safeParse({ decision: "ACCEPT", grid, grantedCents: 100, justification: "x", factors: ["LOBBYING"] })))).toEqual(["factors.0"]);
  });

  it("an ineligible project cannot be retained", () => {
    const ineligible = { ...grid, ELIGIBILITY: { compliant: false, comment: "Candidature HospiConnect refusée." } };
    expect(messages(schema.safeParse({ decision: "ACCEPT", grid: ineligible, grantedCents: 8_500_000, justification: "x" }))).toEqual({
      "grid.ELIGIBILITY.compliant": "Un projet qui ne respecte pas les critères d'éligibilité ne peut être retenu.",
    });
  });

  it("a refusal needs its reason, and the grid", () => {
    expect(messages(schema.safeParse({ decision: "REFUSE", grid, reason: " " }))).toEqual({ reason: "Indiquez le motif du refus." });
    expect(schema.safeParse({ decision: "REFUSE", grid: { ...grid, ELIGIBILITY: { compliant: false, comment: "Non éligible." } }, reason: "Critères d'éligibilité non remplis." }).success).toBe(true);
    expect(schema.safeParse({ decision: "REFUSE", reason: "x" }).success).toBe(false);
  });
});
