import {
  AAP_CATEGORIES,
  COMBINED_ACTIVITY_HALF_DAYS,
  FundingInputError,
  HOSPICONNECT_FIXED_TIER,
  HOSPICONNECT_OBJECTIVE_COUNT,
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
import { ACTIVITY_KEYS, type ActivityReading, type HospiconnectReading, type MilestoneYearReading, type ObjectivesYearReading } from "./simulator-input";

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

export type HeadcountSource = "typed" | "finess";

export interface SimulationRow {
  year: HospiconnectYear;
  /** "3 objectifs sur 6 : 64 % de 39 050,00 €", or why nothing is eligible. */
  rateLabel: string;
  eligible: Cents;
  /** Null while the year's expenses are blank or refused: then nothing below is computed. */
  declaredExpenses: Cents | null;
  granted: Cents | null;
  notGranted: Cents | null;
}

export interface SimulationTotals {
  eligible: Cents;
  declaredExpenses: Cents;
  granted: Cents;
  notGranted: Cents;
}

/**
 * Everything the HospiConnect tab shows, from one reading of its inputs. Nothing is kept from
 * an earlier reading: a refused or blank input blanks what depends on it, and the summary
 * says what to enter or fix next, never an earlier total.
 */
export interface HospiconnectView {
  /** Null until a valid headcount is known (typed, or of the EJ found). */
  figures: CeilingFigures | null;
  highlightedTier: number | null;
  /** Null without a ceiling; each year's eligible amount needs only the ceiling and the ticks. */
  rows: [SimulationRow, SimulationRow, SimulationRow] | null;
  /** Only once every input is there and valid. */
  totals: SimulationTotals | null;
  summary: string;
}

/** "2026", "2026 et 2028", "2026, 2027 et 2028". */
export function yearList(years: readonly number[]): string {
  if (years.length <= 1) return years.join("");
  return `${years.slice(0, -1).join(", ")} et ${years[years.length - 1]}`;
}

function objectivesLabel(count: number): string {
  return `${count} objectif${count > 1 ? "s" : ""} sur ${HOSPICONNECT_OBJECTIVE_COUNT}`;
}

/**
 * Label of the share of the ceiling a year is eligible to. The amount itself always comes from
 * hospiconnectYearAmount; this only explains it (lib/funding does not return the rate applied).
 */
function rateLabel(annualCeiling: Cents, values: MilestoneYearReading | ObjectivesYearReading): string {
  const ceiling = formatEuros(annualCeiling);
  if ("milestoneComplete" in values) {
    return values.milestoneComplete ? `Jalon complet : 100 % de ${ceiling}` : "Jalon 2026 incomplet : 0 %";
  }
  if (!values.mandatoryObjectiveMet) return "Objectif obligatoire 1.0 non atteint : 0 %";
  const rate = hospiconnectRate(values.objectivesReached);
  return rate === 0 ? `${objectivesLabel(0)} : 0 %` : `${objectivesLabel(values.objectivesReached)} : ${rate} % de ${ceiling}`;
}

function yearRow(year: HospiconnectYear, annualCeiling: Cents, values: MilestoneYearReading | ObjectivesYearReading): SimulationRow | null {
  const expenses = values.declaredExpenses.state === "valid" ? values.declaredExpenses.value : null;
  return guarded(() => {
    const amount = hospiconnectYearAmount({
      annualCeiling,
      year,
      ...("milestoneComplete" in values
        ? { milestoneComplete: values.milestoneComplete }
        : { mandatoryObjectiveMet: values.mandatoryObjectiveMet, objectivesReached: values.objectivesReached }),
      // Any valid amount gives the eligible share; it is shown only with the expenses typed.
      declaredExpenses: expenses ?? 0,
    });
    return {
      year,
      rateLabel: rateLabel(annualCeiling, values),
      eligible: amount.eligible,
      declaredExpenses: expenses,
      granted: expenses === null ? null : amount.granted,
      notGranted: expenses === null ? null : amount.eligible - amount.granted,
    };
  });
}

function headcountOf(reading: HospiconnectReading, source: HeadcountSource, entityHeadcount: number | null): { headcount: number } | { missing: string } {
  if (source === "finess") {
    return entityHeadcount === null ? { missing: "Recherchez une entité juridique par son numéro FINESS pour afficher son montant plafond." } : { headcount: entityHeadcount };
  }
  switch (reading.headcount.state) {
    case "empty":
      return { missing: "Saisissez l'effectif SAE de l'entité juridique pour afficher son montant plafond." };
    case "invalid":
      return { missing: "Corrigez l'effectif saisi pour afficher le montant plafond." };
    case "valid":
      return { headcount: reading.headcount.value };
  }
}

/**
 * The HospiConnect tab (source 000): the ceiling from the headcount, each year's eligible
 * amount, and, once that year's expenses are typed, the amount granted. Totals come from
 * hospiconnectProgrammeSimulation, only when the three years are complete.
 */
export function hospiconnectView(reading: HospiconnectReading, source: HeadcountSource, entityHeadcount: number | null): HospiconnectView {
  const nothing = (summary: string): HospiconnectView => ({ figures: null, highlightedTier: null, rows: null, totals: null, summary });
  const known = headcountOf(reading, source, entityHeadcount);
  if ("missing" in known) return nothing(known.missing);
  const figures = ceilingFigures(known.headcount);
  if (figures === null) return nothing("Cet effectif ne permet pas de calculer un montant plafond : vérifiez-le.");
  const { annualCeiling } = figures;
  const r2026 = yearRow(2026, annualCeiling, reading.y2026);
  const r2027 = yearRow(2027, annualCeiling, reading.y2027);
  const r2028 = yearRow(2028, annualCeiling, reading.y2028);
  const base = { figures, highlightedTier: tierIndex(figures.headcount) };
  if (r2026 === null || r2027 === null || r2028 === null) {
    return { ...base, rows: null, totals: null, summary: "Ces montants ne peuvent pas être calculés : vérifiez les champs saisis." };
  }
  const rows: HospiconnectView["rows"] = [r2026, r2027, r2028];

  const years = [reading.y2026, reading.y2027, reading.y2028].map((values, index) => ({ year: 2026 + index, expenses: values.declaredExpenses }));
  const refused = years.filter((y) => y.expenses.state === "invalid").map((y) => y.year);
  if (refused.length > 0) {
    return { ...base, rows, totals: null, summary: `Corrigez les dépenses engagées en ${yearList(refused)} pour calculer le montant perçu.` };
  }
  const blank = years.filter((y) => y.expenses.state === "empty").map((y) => y.year);
  if (blank.length > 0) {
    return { ...base, rows, totals: null, summary: `Saisissez les dépenses engagées en ${yearList(blank)} pour calculer le montant perçu (0 si aucune dépense).` };
  }

  const expenses = (values: MilestoneYearReading | ObjectivesYearReading): Cents => (values.declaredExpenses.state === "valid" ? values.declaredExpenses.value : 0);
  const simulation = guarded(() =>
    hospiconnectProgrammeSimulation({
      annualCeiling,
      y2026: { milestoneComplete: reading.y2026.milestoneComplete, declaredExpenses: expenses(reading.y2026) },
      y2027: { mandatoryObjectiveMet: reading.y2027.mandatoryObjectiveMet, objectivesReached: reading.y2027.objectivesReached, declaredExpenses: expenses(reading.y2027) },
      y2028: { mandatoryObjectiveMet: reading.y2028.mandatoryObjectiveMet, objectivesReached: reading.y2028.objectivesReached, declaredExpenses: expenses(reading.y2028) },
    }),
  );
  const notGranted = simulation === null ? null : guarded(() => sumCents(simulation.years.map((year) => year.notGranted)));
  if (simulation === null || notGranted === null) {
    return { ...base, rows, totals: null, summary: "Le total ne peut pas être calculé : vérifiez les montants saisis." };
  }
  const totals: SimulationTotals = {
    eligible: simulation.totalEligible,
    declaredExpenses: simulation.totalDeclaredExpenses,
    granted: simulation.totalGranted,
    notGranted,
  };
  return {
    ...base,
    rows,
    totals,
    summary: `Montant total perçu sur 2026–2028 : ${formatEuros(totals.granted)}, pour ${formatEuros(totals.eligible)} éligibles et ${formatEuros(totals.declaredExpenses)} de dépenses engagées.`,
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

export interface ActivityView {
  /** Null while a field is refused, or before any activity is typed. */
  result: ActivityResult | null;
  summary: string;
}

/**
 * The activité combinée tab: a blank field is no activity of that kind, but the result waits
 * for at least one figure (an empty form is not an establishment of category A), and any
 * refused field withholds it.
 */
export function activityView(reading: ActivityReading): ActivityView {
  const fields = ACTIVITY_KEYS.map((key) => reading[key]);
  if (fields.some((field) => field.state === "invalid")) {
    return { result: null, summary: "Corrigez les champs signalés pour afficher l'activité combinée et la catégorie AAP." };
  }
  if (fields.every((field) => field.state === "empty")) {
    return { result: null, summary: "Saisissez l'activité 2022 de l'établissement (au moins un champ) pour afficher son activité combinée et sa catégorie AAP." };
  }
  const countOf = (key: keyof CombinedActivityInput): number => {
    const field = reading[key];
    return field.state === "valid" ? field.value : 0;
  };
  const input: CombinedActivityInput = {
    mcoDays: countOf("mcoDays"),
    mcoSessions: countOf("mcoSessions"),
    ambulatorySurgeryStays: countOf("ambulatorySurgeryStays"),
    otherDayHospitalStays: countOf("otherDayHospitalStays"),
    smrDays: countOf("smrDays"),
    psyDays: countOf("psyDays"),
    hadDays: countOf("hadDays"),
    usldDays: countOf("usldDays"),
  };
  const result = activityResult(input);
  if (result === null) return { result: null, summary: "Cette activité ne permet pas de calculer une catégorie : vérifiez les champs saisis." };
  return {
    result,
    summary: `Activité combinée : ${formatActivity(result.activity)} journées MCO, catégorie ${result.category} de l'appel à projets, plafond de ${formatEuros(result.cap)} par projet.`,
  };
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
