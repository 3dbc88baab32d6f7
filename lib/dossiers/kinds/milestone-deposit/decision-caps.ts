import type { Cents } from "@/lib/funding";
import { depositDraftSchema } from "../../dossier-input";
import { documentsOf, partHeadcount, type DossierRow } from "../../dossier-view";
import { isMilestoneYear, partAmounts } from "../../part-amounts";

/** The most the ARS may decide per EJ: the eligible amount of the year capped at the declared expenses (source 000). */
export function depositDecisionCaps(row: DossierRow): Map<string, Cents> {
  const caps = new Map<string, Cents>();
  if (!isMilestoneYear(row.guichet.year)) return caps;
  const year = row.guichet.year;
  const draft = depositDraftSchema.parse((row.data as { deposit?: unknown } | null)?.deposit ?? { parts: [] });
  for (const part of row.legalEntities) {
    const entry = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness);
    const assessment = part.selfAssessment;
    const usableAssessment = Boolean(assessment && assessment.status === "VALIDATED" && assessment.legalEntityFiness === part.legalEntityFiness);
    const amounts = partAmounts({
      headcount: partHeadcount(part),
      year,
      milestoneComplete: documentsOf(row, part.legalEntityFiness, "NOTE_DE_CADRAGE").length > 0 && usableAssessment,
      mandatoryObjectiveMet: entry?.mandatoryObjectiveMet ?? null,
      objectivesReached: entry?.objectivesReached.length ?? 0,
      expenses: entry?.expenses ?? { rh_internes: null, prestations_externes: null, depenses_editeurs: null },
    });
    caps.set(part.legalEntityFiness, amounts.capped);
  }
  return caps;
}
