import { z } from "zod";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "../../objectives";

/*
 * The « instruction des cibles » of a 2027 or 2028 deposit (source 000): the ARS says of each
 * objective an EJ declared whether it is reached, or not and why; the amount follows the ARS's
 * count (1.0 not validated: 0 €). PURE: the acceptance panel runs it live, acceptDossier again.
 */

export const OBJECTIVE_VERDICT_REASON_MAX_LENGTH = 2000;

export const objectiveVerdictSchema = z.object({
  reached: z.boolean(),
  reason: z.string().trim().max(OBJECTIVE_VERDICT_REASON_MAX_LENGTH, `${OBJECTIVE_VERDICT_REASON_MAX_LENGTH} caractères au maximum.`).optional().default(""),
});

export type ObjectiveVerdict = z.output<typeof objectiveVerdictSchema>;

/** Per objective code ("1.0", "1.1" … "2.2"). */
export const partVerdictsSchema = z.record(z.string().regex(/^[12]\.[0-4]$/), objectiveVerdictSchema);
export type PartVerdicts = Record<string, ObjectiveVerdict>;

const LABELS = new Map<string, string>([[MANDATORY_OBJECTIVE.code, MANDATORY_OBJECTIVE.label], ...HOSPICONNECT_OBJECTIVES.map((objective): [string, string] => [objective.code, objective.label])]);

/** The objectives an EJ declared reached, in the programme's order: 1.0 when declared met, then 1.1 … 2.2. */
export function declaredObjectives(part: { mandatoryObjectiveMet: boolean | null; objectivesReached: readonly string[] }): { code: string; label: string }[] {
  const codes = [...(part.mandatoryObjectiveMet ? [MANDATORY_OBJECTIVE.code] : []), ...HOSPICONNECT_OBJECTIVES.map((objective) => objective.code).filter((code) => part.objectivesReached.includes(code))];
  return codes.map((code) => ({ code, label: LABELS.get(code) ?? code }));
}

export type VerdictCheck =
  | { ok: true; mandatoryValidated: boolean; validatedCount: number; verdicts: PartVerdicts }
  | { ok: false; errors: Record<string, string> };

/**
 * The ARS's verdicts on one EJ's declared objectives: each needs one, a « not reached » its reason
 * (keyed by objective code). A verdict on an objective the EJ did not declare is not kept: the ARS
 * validates what was declared, it does not declare for the establishment.
 */
export function checkVerdicts(declared: readonly { code: string; label: string }[], given: Readonly<Record<string, { reached: boolean; reason?: string }>> | undefined): VerdictCheck {
  const errors: Record<string, string> = {};
  const verdicts: PartVerdicts = {};
  for (const objective of declared) {
    const verdict = given?.[objective.code];
    const code = objective.code;
    if (!verdict) {
      errors[code] = `Indiquez si l'objectif ${code} est atteint.`;
      continue;
    }
    const reason = (verdict.reason ?? "").trim();
    if (!verdict.reached && reason === "") {
      errors[code] = `Indiquez pourquoi l'objectif ${code} n'est pas atteint : ce motif est communiqué à l'établissement.`;
      continue;
    }
    if (reason.length > OBJECTIVE_VERDICT_REASON_MAX_LENGTH) {
      errors[code] = `Motif de l'objectif ${code} : ${OBJECTIVE_VERDICT_REASON_MAX_LENGTH} caractères au maximum.`;
      continue;
    }
    verdicts[code] = verdict.reached ? { reached: true, reason: "" } : { reached: false, reason };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    mandatoryValidated: verdicts[MANDATORY_OBJECTIVE.code]?.reached === true,
    validatedCount: declared.filter((objective) => objective.code !== MANDATORY_OBJECTIVE.code && verdicts[objective.code]?.reached).length,
    verdicts,
  };
}

/** The stored verdicts of a part (DossierLegalEntity.objectiveVerdicts); anything unreadable is none. */
export function storedVerdicts(json: unknown): PartVerdicts | null {
  const parsed = partVerdictsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Source 000: « les objectifs atteints une année doivent également être atteints l'année suivante,
 * avec des cibles actualisées, pour permettre à l'établissement de bénéficier du montant maximum ».
 * The objectives the ARS validated the year before that the EJ does not declare this year.
 */
export function carryOverGaps(validatedLastYear: readonly string[], declaredNow: { mandatoryObjectiveMet: boolean | null; objectivesReached: readonly string[] }): string[] {
  const now = new Set(declaredObjectives(declaredNow).map((objective) => objective.code));
  return validatedLastYear.filter((code) => !now.has(code));
}

/** The codes a stored set of verdicts validated, in the programme's order. */
export function validatedCodes(json: unknown): string[] {
  const verdicts = storedVerdicts(json);
  if (!verdicts) return [];
  return [...LABELS.keys()].filter((code) => verdicts[code]?.reached === true);
}
