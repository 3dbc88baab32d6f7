import type { Cents } from "@/lib/funding";
import { depositDraftSchema } from "../../dossier-input";
import { documentsOf, partHeadcount, type DossierRow } from "../../dossier-view";
import { isMilestoneYear, partAmounts } from "../../part-amounts";
import type { FieldErrors } from "../../submission-rules";
import type { ObjectiveReview } from "../kind-module";
import { checkVerdicts, declaredObjectives, type PartVerdicts } from "./objective-verdicts";

type Part = DossierRow["legalEntities"][number];

function partFacts(row: DossierRow, part: Part) {
  const draft = depositDraftSchema.parse((row.data as { deposit?: unknown } | null)?.deposit ?? { parts: [] });
  const entry = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness);
  const assessment = part.selfAssessment;
  const usableAssessment = Boolean(assessment && assessment.status === "VALIDATED" && assessment.legalEntityFiness === part.legalEntityFiness);
  return {
    entry,
    amountsWith: (objectives: { mandatoryObjectiveMet: boolean | null; objectivesReached: number }) =>
      partAmounts({
        headcount: partHeadcount(part),
        year: row.guichet.year as 2026 | 2027 | 2028,
        milestoneComplete: documentsOf(row, part.legalEntityFiness, "NOTE_DE_CADRAGE").length > 0 && usableAssessment,
        ...objectives,
        expenses: entry?.expenses ?? { rh_internes: null, prestations_externes: null, depenses_editeurs: null },
      }),
  };
}

/** The most the ARS may decide per EJ: the eligible amount of the year capped at the declared expenses (source 000), on the objectives declared. */
export function depositDecisionCaps(row: DossierRow): Map<string, Cents> {
  const caps = new Map<string, Cents>();
  if (!isMilestoneYear(row.guichet.year)) return caps;
  for (const part of row.legalEntities) {
    const { entry, amountsWith } = partFacts(row, part);
    caps.set(part.legalEntityFiness, amountsWith({ mandatoryObjectiveMet: entry?.mandatoryObjectiveMet ?? null, objectivesReached: entry?.objectivesReached.length ?? 0 }).capped);
  }
  return caps;
}

/**
 * 2027 and 2028 (source 000, « instruction des cibles »): the ARS validates each declared objective;
 * the cap of each EJ is then the eligible amount of the objectives it validated (1.0 not validated:
 * 0 €), capped at the declared expenses. Errors are keyed `objectives.<FINESS>.<code>`.
 */
export function depositObjectiveReview(row: DossierRow, given: Readonly<Record<string, Readonly<Record<string, { reached: boolean; reason?: string }>>>>): ObjectiveReview {
  const caps = new Map<string, Cents>();
  const stored = new Map<string, PartVerdicts>();
  const errors: FieldErrors = {};
  for (const part of row.legalEntities) {
    const { entry, amountsWith } = partFacts(row, part);
    const check = checkVerdicts(declaredObjectives({ mandatoryObjectiveMet: entry?.mandatoryObjectiveMet ?? null, objectivesReached: entry?.objectivesReached ?? [] }), given[part.legalEntityFiness]);
    if (!check.ok) {
      for (const [code, message] of Object.entries(check.errors)) errors[`objectives.${part.legalEntityFiness}.${code}`] = [message];
      continue;
    }
    caps.set(part.legalEntityFiness, amountsWith({ mandatoryObjectiveMet: check.mandatoryValidated, objectivesReached: check.validatedCount }).capped);
    stored.set(part.legalEntityFiness, check.verdicts);
  }
  return { caps, errors, stored };
}
