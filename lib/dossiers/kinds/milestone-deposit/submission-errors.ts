import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { InvalidStateError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { depositDraftSchema } from "../../dossier-input";
import { documentsOf, partHeadcount, validatedOn, type DossierRow } from "../../dossier-view";
import { isMilestoneYear } from "../../part-amounts";
import { depositErrors, type DepositPartFacts, type FieldErrors } from "../../submission-rules";

/** The facts of each EJ the deposit rules need (its NRU looked up, its documents counted), then the rules. */
export async function depositSubmissionErrors(db: Database | Prisma.TransactionClient, row: DossierRow, at: Date): Promise<FieldErrors> {
  const year = row.guichet.year;
  if (!isMilestoneYear(year)) throw new InvalidStateError(`Année de jalon non prise en charge : ${year}.`);
  const draft = depositDraftSchema.parse((row.data as { deposit?: unknown } | null)?.deposit ?? { parts: [] });
  const nrus = draft.parts.map((part) => part.nru).filter((nru): nru is string => Boolean(nru));
  const quoted = await db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { nru: true, legalEntityFiness: true, status: true, validatedAt: true } });
  const parts: DepositPartFacts[] = row.legalEntities.map((part) => {
    const nru = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness)?.nru ?? null;
    const assessment = nru ? quoted.find((candidate) => candidate.nru === nru) : undefined;
    return {
      legalEntityFiness: part.legalEntityFiness,
      legalEntityName: part.legalEntity.name,
      headcount: partHeadcount(part),
      selfAssessment: nru
        ? assessment
          ? { found: true, legalEntityFiness: assessment.legalEntityFiness, status: assessment.status, validatedOn: validatedOn(assessment.validatedAt) }
          : { found: false }
        : null,
      noteDeCadrageCount: documentsOf(row, part.legalEntityFiness, "NOTE_DE_CADRAGE").length,
      expenseAttestationCount: documentsOf(row, part.legalEntityFiness, "EXPENSE_ATTESTATION").length,
      objectiveProofs: documentsOf(row, part.legalEntityFiness, "OBJECTIVE_PROOF").map((document) => document.objectiveCode ?? ""),
    };
  });
  return depositErrors(draft, { year, today: parisDate(at), parts });
}
