import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, ValidationError } from "@/lib/errors";
import { normalizeNru } from "@/lib/self-assessment/nru";
import { loadForEdit, updateDraft } from "../../service";
import { toFieldErrors } from "../../submission-rules";
import { careReleveDraftSchema, type CareReleveDraft } from "./draft-schema";
import { eligibleExpensesOf, expenseLineRefusals } from "./rules";

/**
 * Saves a CaRE relève draft as typed, mirrored into the per-EJ columns (NRU, eligible external
 * expenses, amount requested) that the snapshot, the exports and the follow-up read. A line that
 * can never be eligible (internal HR, editor, invoice before 30/01/2026) refuses the whole save,
 * with its message: nothing is half-saved, the form keeps what was typed.
 */
export async function saveCareReleveDraft(db: Database, user: CurrentUser, id: string, expectedVersion: number, input: CareReleveDraft, at: Date): Promise<{ version: number }> {
  const row = await loadForEdit(db, user, id, at);
  if (row.guichet.kind !== "CARE_RELEVE") throw new InvalidStateError("Ce dossier n'est pas une relève CaRE.");
  const parsed = careReleveDraftSchema.parse(input);
  const draft: CareReleveDraft = { ...parsed, parts: parsed.parts.map((part) => ({ ...part, nru: part.nru ? normalizeNru(part.nru) : null })) };
  const known = new Set(row.legalEntities.map((part) => part.legalEntityFiness));
  for (const finess of [...draft.parts.map((part) => part.legalEntityFiness), ...draft.expenses.map((line) => line.legalEntityFiness)]) {
    if (!known.has(finess)) throw new ForbiddenError(`EJ ${finess} is not part of dossier ${id}`);
  }
  const year = row.guichet.year;
  const today = parisDate(at);
  const refusals = draft.expenses.flatMap((line) => expenseLineRefusals(line, year, today));
  if (refusals.length > 0) {
    throw new ValidationError(toFieldErrors(refusals), `Le brouillon n'a pas été enregistré : ${refusals.map((issue) => issue.message).join(" ")}`);
  }
  const nrus = draft.parts.map((part) => part.nru).filter((nru): nru is string => Boolean(nru));
  const assessments = nrus.length > 0 ? await db.selfAssessment.findMany({ where: { nru: { in: nrus } }, select: { id: true, nru: true, legalEntityFiness: true } }) : [];
  return updateDraft(db, user, id, expectedVersion, at, { data: { care: draft } }, async (tx) => {
    for (const finess of known) {
      const part = draft.parts.find((candidate) => candidate.legalEntityFiness === finess);
      // Only an NRU of this EJ is linked; anything else stays as typed and is reported on submission.
      const assessment = assessments.find((candidate) => candidate.nru === part?.nru && candidate.legalEntityFiness === finess);
      await tx.dossierLegalEntity.update({
        where: { dossierId_legalEntityFiness: { dossierId: id, legalEntityFiness: finess } },
        data: {
          selfAssessmentId: assessment?.id ?? null,
          // source 003: only external services are eligible to CaRE; the other categories stay empty.
          expensesExternalCents: BigInt(eligibleExpensesOf(draft, finess, year, today)),
          expensesInternalHrCents: null,
          expensesPublisherCents: null,
          requestedCents: part?.requested === null || part?.requested === undefined ? null : BigInt(part.requested),
        },
      });
    }
  });
}
