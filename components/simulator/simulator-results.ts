import {
  AAP_CATEGORIES,
  COMBINED_ACTIVITY_HALF_DAYS,
  FundingInputError,
  HOSPICONNECT_FIXED_TIER,
  HOSPICONNECT_PER_AGENT_TIERS,
  HOSPICONNECT_RATES,
  aapCategory,
  combinedActivity,
  formatEuros,
  hospiconnectAnnualCeiling,
  hospiconnectAnnualPerAgent,
  hospiconnectProgrammeCeiling,
  hospiconnectProgrammeSimulation,
  hospiconnectRate,
  hospiconnectYearAmount,
  sumCents,
  type AapCategory,
  type Cents,
  type CombinedActivityInput,
  type HospiconnectYear,
} from "@/lib/funding";
import type { MilestoneYearValues, ObjectivesYearValues } from "./simulator-input";

/*
 * Display model of the simulator, derived from already-parsed inputs. Every amount comes
 * from lib/funding; this module only picks, labels and formats. A value the library rejects
 * (out of range) becomes null, which the page shows as "—", never as a guessed figure.
 */

const countFr = new Intl.NumberFormat("fr-FR");
const activityFr = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export const formatCount = (value: number): string => countFr.format(value);
/** Activité combinée is a multiple of 0.5: "68 215,5", "10 000". */
export const formatActivity = (value: number): string => activityFr.format(value);

/** Runs a lib/funding computation; an input it rejects gives null instead of a number. */
function guarded<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FundingInputError) return null;
    throw error;
  }
}

// ------------------------------------------------------------------ ceiling

export interface CeilingFigures {
  headcount: number;
  annualCeiling: Cents;
  programmeCeiling: Cents;
  perAgent: Cents;
}

export function ceilingFigures(headcount: number): CeilingFigures | null {
  return guarded(() => ({
    headcount,
    annualCeiling: hospiconnectAnnualCeiling(headcount),
    programmeCeiling: hospiconnectProgrammeCeiling(headcount),
    perAgent: hospiconnectAnnualPerAgent(headcount),
  }));
}

export interface TierRow {
  from: number;
  to: number | null;
  range: string;
  amount: string;
}

/** Source 000's tier table, built from the library's tiers. */
export const TIER_ROWS: readonly TierRow[] = [
  {
    from: HOSPICONNECT_FIXED_TIER.from,
    to: HOSPICONNECT_FIXED_TIER.to,
    range: `De ${formatCount(HOSPICONNECT_FIXED_TIER.from)} à ${formatCount(HOSPICONNECT_FIXED_TIER.to)} agents`,
    amount: `${formatEuros(HOSPICONNECT_FIXED_TIER.amount)} par an (montant fixe)`,
  },
  ...HOSPICONNECT_PER_AGENT_TIERS.map((tier) => ({
    from: tier.from,
    to: tier.to,
    range: tier.to === null ? `Au-delà du ${formatCount(tier.from - 1)}e agent` : `Du ${formatCount(tier.from)}e au ${formatCount(tier.to)}e agent`,
    amount: `${formatEuros(tier.perAgent)} par agent et par an`,
  })),
];

/** Index in TIER_ROWS of the tier the headcount's last agent falls in; null for 0 agents. */
export function tierIndex(headcount: number): number | null {
  const index = TIER_ROWS.findIndex((row) => headcount >= row.from && (row.to === null || headcount <= row.to));
  return index === -1 ? null : index;
}

/** Source 000's rate table: objectives reached 1–6 → percent of the ceiling. */
export const RATE_ROWS: readonly { objectives: number; percent: number }[] = HOSPICONNECT_RATES.map((percent, objectives) => ({
  objectives,
  percent,
})).filter((row) => row.objectives > 0);

// ------------------------------------------------------------------ 2026–2028 simulation

export interface SimulationYearInputs {
  y2026: MilestoneYearValues | null;
  y2027: ObjectivesYearValues | null;
  y2028: ObjectivesYearValues | null;
}

export interface SimulationRow {
  year: HospiconnectYear;
  /** "64 % de 39 050,00 €", or why nothing is eligible; null when it cannot be computed. */
  rateLabel: string | null;
  eligible: Cents | null;
  declaredExpenses: Cents | null;
  granted: Cents | null;
  notGranted: Cents | null;
}

export interface SimulationView {
  rows: [SimulationRow, SimulationRow, SimulationRow];
  /** Only when every input is valid. */
  totals: { eligible: Cents; declaredExpenses: Cents; granted: Cents; notGranted: Cents } | null;
}

/**
 * Label of the share of the ceiling a year is eligible to. The amount itself always comes from
 * hospiconnectYearAmount; this only explains it (lib/funding does not return the rate applied).
 */
function rateLabel(annualCeiling: Cents, values: MilestoneYearValues | ObjectivesYearValues): string {
  const ceiling = formatEuros(annualCeiling);
  if ("milestoneComplete" in values) {
    return values.milestoneComplete ? `100 % de ${ceiling}` : "Jalon 2026 incomplet : 0 %";
  }
  if (!values.mandatoryObjectiveMet) return "Objectif obligatoire 1.0 non atteint : 0 %";
  return `${hospiconnectRate(values.objectivesReached)} % de ${ceiling}`;
}

function emptyRow(year: HospiconnectYear, values: MilestoneYearValues | ObjectivesYearValues | null): SimulationRow {
  return { year, rateLabel: null, eligible: null, declaredExpenses: values?.declaredExpenses ?? null, granted: null, notGranted: null };
}

function yearRow(year: HospiconnectYear, annualCeiling: Cents | null, values: MilestoneYearValues | ObjectivesYearValues | null): SimulationRow {
  if (annualCeiling === null || values === null) return emptyRow(year, values);
  return (
    guarded(() => {
      const amount = hospiconnectYearAmount({ annualCeiling, year, ...values });
      return {
        year,
        rateLabel: rateLabel(annualCeiling, values),
        eligible: amount.eligible,
        declaredExpenses: values.declaredExpenses,
        granted: amount.granted,
        notGranted: amount.eligible - amount.granted,
      };
    }) ?? emptyRow(year, values)
  );
}

/**
 * The three years and their totals. With every input valid, everything comes from
 * hospiconnectProgrammeSimulation; otherwise the valid years are still computed one by one and
 * the totals are withheld (a total over a missing year would be wrong).
 */
export function simulationView(annualCeiling: Cents | null, inputs: SimulationYearInputs): SimulationView {
  const { y2026, y2027, y2028 } = inputs;
  if (annualCeiling !== null && y2026 !== null && y2027 !== null && y2028 !== null) {
    const simulation = guarded(() => hospiconnectProgrammeSimulation({ annualCeiling, y2026, y2027, y2028 }));
    if (simulation !== null) {
      const [r2026, r2027, r2028] = simulation.years;
      const row = (r: typeof r2026, values: MilestoneYearValues | ObjectivesYearValues): SimulationRow => ({
        year: r.year,
        rateLabel: rateLabel(annualCeiling, values),
        eligible: r.eligible,
        declaredExpenses: r.declaredExpenses,
        granted: r.granted,
        notGranted: r.notGranted,
      });
      const rows: SimulationView["rows"] = [row(r2026, y2026), row(r2027, y2027), row(r2028, y2028)];
      const notGranted = guarded(() => sumCents(rows.map((r) => r.notGranted ?? 0)));
      return {
        rows,
        totals:
          notGranted === null
            ? null
            : {
                eligible: simulation.totalEligible,
                declaredExpenses: simulation.totalDeclaredExpenses,
                granted: simulation.totalGranted,
                notGranted,
              },
      };
    }
  }
  return {
    rows: [yearRow(2026, annualCeiling, y2026), yearRow(2027, annualCeiling, y2027), yearRow(2028, annualCeiling, y2028)],
    totals: null,
  };
}

// ------------------------------------------------------------------ activité combinée and AAP

export interface ActivityField {
  key: keyof CombinedActivityInput;
  label: string;
  /** Singular unit, for the equivalence hint. */
  unit: string;
}

/** Source 002 annex 2, in the order of the source. */
export const ACTIVITY_FIELDS: readonly ActivityField[] = [
  { key: "mcoDays", label: "Journées MCO", unit: "journée MCO" },
  { key: "mcoSessions", label: "Séances MCO (dont dialyse)", unit: "séance" },
  { key: "ambulatorySurgeryStays", label: "Hospitalisations de jour de chirurgie ambulatoire", unit: "hospitalisation de jour de chirurgie ambulatoire" },
  { key: "otherDayHospitalStays", label: "Autres hospitalisations de jour (hors chirurgie ambulatoire)", unit: "hospitalisation de jour hors chirurgie ambulatoire" },
  { key: "smrDays", label: "Journées SMR", unit: "journée SMR" },
  { key: "psyDays", label: "Journées PSY", unit: "journée PSY" },
  { key: "hadDays", label: "Journées HAD", unit: "journée HAD" },
  { key: "usldDays", label: "Journées USLD", unit: "journée USLD" },
];

/** "1 séance = 0,5 journée MCO", from the library's weights (expressed in half-days). */
export function equivalenceHint(field: ActivityField): string {
  if (field.key === "mcoDays") return "Unité de référence de l'activité combinée";
  const mcoDays = COMBINED_ACTIVITY_HALF_DAYS[field.key] / 2;
  return `1 ${field.unit} = ${formatActivity(mcoDays)} journée MCO`;
}

export interface ActivityResult {
  activity: number;
  category: AapCategory;
  cap: Cents;
}

export function activityResult(input: CombinedActivityInput): ActivityResult | null {
  return guarded(() => {
    const activity = combinedActivity(input);
    return { activity, ...aapCategory(activity) };
  });
}

/** Source 001's category table: "7 000 ≤ AC < 60 000". */
export const CATEGORY_ROWS: readonly { category: AapCategory; range: string; cap: Cents }[] = AAP_CATEGORIES.map((c) => ({
  category: c.category,
  range:
    c.maxActivityExclusive === null
      ? `AC ≥ ${formatCount(c.minActivity)}`
      : c.minActivity === 0
        ? `AC < ${formatCount(c.maxActivityExclusive)}`
        : `${formatCount(c.minActivity)} ≤ AC < ${formatCount(c.maxActivityExclusive)}`,
  cap: c.cap,
}));
