import { FundingInputError, assertSafeResult } from "./errors";
import { combinedActivityToHalfDays } from "./combined-activity";
import { assertCents, mulDivHalfUp, sumCents, type Cents } from "./money";

export type Phase1Tranche = "A" | "B" | "C" | "D";
export type Phase1Objective = "P1.O1" | "P1.O2" | "P1.O3" | "P1.O4" | "P1.O5" | "P1.O6" | "P1.O7" | "P1.O8";

/**
 * Source 002 annex 2, "Seuil d'activité combinée": A 0–6 999, B 7 000–22 499,
 * C 22 500–229 999, D 230 000–max. Activité combinée moves in half-days, so a tranche is read
 * as [minActivity, next tranche's minActivity): 6 999.5 is still A. Tranche D has no fixed top:
 * its "max" is a parameter of phase1Forfait.
 */
export const PHASE1_TRANCHES: readonly { readonly tranche: Phase1Tranche; readonly minActivity: number; readonly maxActivityLabel: number | null }[] = [
  { tranche: "A", minActivity: 0, maxActivityLabel: 6_999 },
  { tranche: "B", minActivity: 7_000, maxActivityLabel: 22_499 },
  { tranche: "C", minActivity: 22_500, maxActivityLabel: 229_999 },
  { tranche: "D", minActivity: 230_000, maxActivityLabel: null },
];

/** French labels of the phase-1 objectives (source 002, annex 1 / annex 2). */
export const PHASE1_OBJECTIVE_LABELS: Readonly<Record<Phase1Objective, string>> = {
  "P1.O1": "Développer la qualification de l'Identité Nationale de Santé des patients de la file active",
  "P1.O2": "Partager les documents de sortie dans Mon espace santé",
  "P1.O3": "Partager les comptes-rendus opératoires dans Mon espace santé",
  "P1.O4": "Partager les comptes-rendus de consultation dans Mon espace santé",
  "P1.O5": "Partager les comptes-rendus de biologie médicale dans Mon espace santé",
  "P1.O6": "Partager les comptes-rendus d'imagerie dans Mon espace santé",
  "P1.O7": "Échanger les documents de santé aux correspondants de santé via MSSanté professionnelle",
  "P1.O8": "Échanger des messages aux patients via la messagerie sécurisée de Mon espace santé",
};

type Range = readonly [min: Cents, max: Cents];

/**
 * Source 002 annex 2, "Montants minima et maxima de soutien financier par catégorie
 * d'établissements" (k€ in the source, cents here): [minimum, maximum] per tranche.
 */
export const PHASE1_FORFAIT_TABLE: Readonly<Record<Phase1Objective, Readonly<Record<Phase1Tranche, Range>>>> = {
  "P1.O1": { A: [450_000, 600_000], B: [600_000, 1_200_000], C: [1_200_000, 3_750_000], D: [3_750_000, 8_000_000] },
  "P1.O2": { A: [900_000, 1_200_000], B: [1_200_000, 2_400_000], C: [2_400_000, 7_500_000], D: [7_500_000, 16_000_000] },
  "P1.O3": { A: [90_000, 120_000], B: [120_000, 240_000], C: [240_000, 750_000], D: [750_000, 1_600_000] },
  "P1.O4": { A: [630_000, 840_000], B: [840_000, 1_680_000], C: [1_680_000, 5_250_000], D: [5_250_000, 11_200_000] },
  "P1.O5": { A: [320_000, 650_000], B: [650_000, 1_300_000], C: [1_300_000, 2_600_000], D: [2_600_000, 4_000_000] },
  "P1.O6": { A: [320_000, 650_000], B: [650_000, 1_300_000], C: [1_300_000, 2_600_000], D: [2_600_000, 4_000_000] },
  "P1.O7": { A: [240_000, 320_000], B: [320_000, 640_000], C: [640_000, 2_000_000], D: [2_000_000, 4_260_000] },
  "P1.O8": { A: [240_000, 320_000], B: [320_000, 640_000], C: [640_000, 2_000_000], D: [2_000_000, 4_260_000] },
};

export const PHASE1_OBJECTIVES = Object.keys(PHASE1_FORFAIT_TABLE) as Phase1Objective[];

function isPhase1Objective(value: unknown): value is Phase1Objective {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PHASE1_FORFAIT_TABLE, value);
}

/** Tranche of an activité combinée (multiple of 0.5, ≥ 0). */
export function phase1Tranche(combinedActivity: number): Phase1Tranche {
  const halfDays = combinedActivityToHalfDays(combinedActivity);
  let found: Phase1Tranche = "A";
  for (const t of PHASE1_TRANCHES) {
    if (halfDays >= t.minActivity * 2) found = t.tranche;
  }
  return found;
}

export interface Phase1ForfaitInput {
  objective: Phase1Objective;
  combinedActivity: number;
  /**
   * Activité combinée at which tranche D reaches its maximum ("230 000 – max" in source 002:
   * the highest activité combinée of the national base, which the source does not give).
   * Must be > 230 000. Activities above it get the tranche-D maximum ("encadré par des
   * montants minima et maxima").
   */
  trancheDTop: number;
}

/**
 * Forfait of one phase-1 objective (source 002 annex 2): linear in activité combinée inside a
 * tranche, from the tranche minimum at its lower bound to the tranche maximum at the next
 * tranche's lower bound (tranche D: at trancheDTop). Since "le montant maximum de la catégorie
 * N est le montant minimum de la catégorie suivante", the function is continuous.
 *
 * Rounding: half-up to the cent (exact BigInt arithmetic). Source 002 gives no rounding and
 * says the national "Base des ES éligibles" prevails; the nearest cent is the smallest
 * deviation from the linear rule.
 */
export function phase1Forfait(input: Phase1ForfaitInput): Cents {
  if (!isPhase1Objective(input.objective)) {
    throw new FundingInputError("UNKNOWN_OBJECTIVE", `unknown phase-1 objective ${String(input.objective)}`);
  }
  const h = combinedActivityToHalfDays(input.combinedActivity);
  const topD = combinedActivityToHalfDays(input.trancheDTop, "trancheDTop");
  const lastTranche = PHASE1_TRANCHES[PHASE1_TRANCHES.length - 1];
  if (lastTranche === undefined || topD <= lastTranche.minActivity * 2) {
    throw new FundingInputError("OUT_OF_RANGE", `trancheDTop must be above 230 000, got ${input.trancheDTop}`);
  }
  const tranche = phase1Tranche(input.combinedActivity);
  const index = PHASE1_TRANCHES.findIndex((t) => t.tranche === tranche);
  const current = PHASE1_TRANCHES[index];
  if (current === undefined) throw new FundingInputError("OUT_OF_RANGE", "tranche not found");
  const lo = current.minActivity * 2;
  const next = PHASE1_TRANCHES[index + 1];
  const hi = next === undefined ? topD : next.minActivity * 2;
  const [min, max] = PHASE1_FORFAIT_TABLE[input.objective][tranche];
  const position = Math.min(h, hi) - lo; // clamp above trancheDTop
  const span = hi - lo;
  const extra = mulDivHalfUp(BigInt(max - min), BigInt(position), BigInt(span));
  return assertSafeResult(min + Number(extra), "phase-1 forfait");
}

/** Source 002: 30 % amorçage on validation of the candidature, 70 % solde on objectives reached. */
export const PHASE1_AMORCAGE_PERCENT = 30;

export interface Phase1PaymentSplit {
  amorcage: Cents;
  solde: Cents;
}

/**
 * 30 % / 70 % split of one objective's forfait (source 002 §3: the amorçage is computed "sur
 * la base du montant forfaitaire de chaque objectif"). The amorçage is rounded half-up to the
 * cent — the ARS may notify neither more nor less than 30 %, so the nearest cent — and the
 * solde is the remainder, so amorçage + solde = forfait exactly.
 */
export function phase1PaymentSplit(forfait: Cents): Phase1PaymentSplit {
  assertCents(forfait, "forfait");
  const amorcage = Number(mulDivHalfUp(BigInt(forfait), BigInt(PHASE1_AMORCAGE_PERCENT), 100n));
  return { amorcage, solde: forfait - amorcage };
}

export interface Phase1Settlement {
  /** Sum of the per-objective amorçages of every objective the establishment was selected on. */
  amorcage: Cents;
  /** Sum of the forfaits of the objectives reached. */
  totalReached: Cents;
  /** totalReached − amorcage, floored at 0. */
  solde: Cents;
  /**
   * Amorçage above the total of objectives reached. Source 002 does not say whether it is
   * recovered; it is reported, never netted silently into a negative solde.
   */
  amorcageExceedingReached: Cents;
}

/**
 * Source 002 §3: "Le montant du solde se calcule sur le montant total des objectifs atteints
 * par l'établissement/GHT en déduisant l'amorçage."
 */
export function phase1Settlement(objectives: { forfait: Cents; reached: boolean }[]): Phase1Settlement {
  if (!Array.isArray(objectives) || objectives.length === 0) {
    throw new FundingInputError("EMPTY", "at least one selected objective is required");
  }
  const amorcages: Cents[] = [];
  const reached: Cents[] = [];
  for (const [i, o] of objectives.entries()) {
    if (typeof o.reached !== "boolean") {
      throw new FundingInputError("MISSING_INPUT", `objectives[${i}].reached must be true or false`);
    }
    amorcages.push(phase1PaymentSplit(o.forfait).amorcage);
    if (o.reached) reached.push(o.forfait);
  }
  const amorcage = sumCents(amorcages);
  const totalReached = sumCents(reached);
  return {
    amorcage,
    totalReached,
    solde: Math.max(0, totalReached - amorcage),
    amorcageExceedingReached: Math.max(0, amorcage - totalReached),
  };
}
