import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentsOf, validatedOn, type DossierRow } from "../../dossier-view";
import { storedCareDraft, type CareReleveDraft } from "./draft-schema";
import { careEnvelopeBalances, type CareEnvelopeBalance } from "./envelope-balance";
import type { CareReleveFacts } from "./rules";

/** The facts the relève's rules read, loaded for the dossier as it stands (balances locked when asked). */
export async function loadCareReleveFacts(
  db: Database | Prisma.TransactionClient,
  row: DossierRow,
  at: Date,
  options: { lock?: boolean } = {},
): Promise<{ draft: CareReleveDraft; facts: CareReleveFacts; balances: Map<string, CareEnvelopeBalance> }> {
  const draft = storedCareDraft(row.data);
  const year = row.guichet.year;
  const finessList = row.legalEntities.map((part) => part.legalEntityFiness);
  const nrus = draft.parts.map((part) => part.nru).filter((nru): nru is string => Boolean(nru));
  const [balances, quoted] = await Promise.all([
    careEnvelopeBalances(db, finessList, { id: row.id, year }, options),
    nrus.length > 0 ? db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { nru: true, legalEntityFiness: true, status: true, validatedAt: true } }) : [],
  ]);
  const facts: CareReleveFacts = {
    year,
    today: parisDate(at),
    parts: row.legalEntities.map((part) => {
      const balance = balances.get(part.legalEntityFiness);
      const nru = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness)?.nru ?? null;
      const assessment = nru ? quoted.find((candidate) => candidate.nru === nru) : undefined;
      return {
        legalEntityFiness: part.legalEntityFiness,
        legalEntityName: part.legalEntity.name,
        selfAssessment: nru
          ? assessment
            ? { found: true, legalEntityFiness: assessment.legalEntityFiness, status: assessment.status, validatedOn: validatedOn(assessment.validatedAt) }
            : { found: false }
          : null,
        noteDeCadrageRequired: !(balance?.transmittedBefore ?? false),
        noteDeCadrageCount: documentsOf(row, part.legalEntityFiness, "NOTE_DE_CADRAGE").length,
        financialStatementCount: documentsOf(row, part.legalEntityFiness, "CARE_FINANCIAL_STATEMENT").length,
        envelope: balance?.envelope ?? null,
        remaining: balance?.remaining ?? null,
      };
    }),
  };
  return { draft, facts, balances };
}
