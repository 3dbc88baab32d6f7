import { ROW_ID_PATTERN, TARGET_KINDS, type ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { isProjectCallThemeKey, PROJECT_CALL_THEME_KEYS, PROJECT_CALL_THEMES, type ProjectCallThemeKey } from "@/lib/dossiers/kinds/project-call/themes";
import { formatEuros, type Cents } from "@/lib/funding/money";
import { EURO_MESSAGES, parseEuroAmount } from "@/lib/funding/text-input";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";

/*
 * The project form's values as react-hook-form holds them (everything as typed: FINESS with their
 * spaces, amounts in French text), and their conversion to the draft the server stores (FINESS
 * normalised as the draft schema does, amounts in exact cents). Pure: the form and its tests share it.
 */

export type TargetKindValue = "" | (typeof TARGET_KINDS)[number]["key"];

export interface ProjectValues {
  porteurFinessPmsi: string;
  perimeter: { siteFiness: string; legalEntityFiness: string }[];
  /** "" (or null, RHF's unchecked radio group) while no theme is chosen. */
  theme: ProjectCallThemeKey | "" | null;
  /**
   * Every objective of every theme, by code: switching themes keeps what was typed for the other
   * one in the page; the draft only takes the chosen theme's objectives.
   */
  objectives: Record<string, { chosen: boolean; description: string }>;
  responsible: { name: string; email: string; profession: string };
  team: { name: string; email: string; profession: string; coLead: boolean }[];
  businessStakes: string;
  operationalObjectives: string;
  siWorkstreams: string;
  targets: { id: string; kind: TargetKindValue | null; description: string }[];
  forecast: { y2026: string; y2027: string };
  industrialPartners: { id: string; name: string }[];
  rattrapageDeclaration: { noSunEsUsagePayment: boolean; noPhase1UsagePayment: boolean };
}

/** An amount in cents as the form shows it for editing ("12 500,00"), "" when not entered. */
export const amountText = (cents: Cents | null) => (cents === null ? "" : formatEuros(cents).replace(/\s?€$/, ""));

/** The cents of a typed amount, null when empty or unreadable (its error is shown, the text kept). */
export function typedCents(text: string | undefined): Cents | null {
  const parsed = parseEuroAmount(text ?? "");
  return parsed.ok ? parsed.value : null;
}

/** As the draft schema normalises a typed FINESS (spaces removed, upper case). */
export const normalizedFiness = (text: string | undefined) => (text ?? "").replace(/\s+/g, "").toUpperCase();

/** A key for a new row (target, partner) matching ROW_ID_PATTERN: proofs and letters name the row by it. */
export function newRowId(prefix: "t" | "p"): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const id = `${prefix}-${Array.from(bytes, (byte) => byte.toString(36).padStart(2, "0")).join("")}`;
  if (!ROW_ID_PATTERN.test(id)) throw new Error(`row id ${id} does not match ROW_ID_PATTERN`);
  return id;
}

const ALL_OBJECTIVE_CODES = PROJECT_CALL_THEME_KEYS.flatMap((key) => PROJECT_CALL_THEMES[key].objectives.map((objective) => objective.code));

export function toValues(draft: ProjectCallDraft): ProjectValues {
  const objectives: ProjectValues["objectives"] = Object.fromEntries(ALL_OBJECTIVE_CODES.map((code) => [code, { chosen: false, description: "" }]));
  for (const chosen of draft.objectives) objectives[chosen.code] = { chosen: true, description: chosen.description };
  return {
    porteurFinessPmsi: draft.porteurFinessPmsi,
    perimeter: draft.perimeter.map((site) => ({ siteFiness: site.siteFiness, legalEntityFiness: site.legalEntityFiness })),
    theme: draft.theme ?? "",
    objectives,
    responsible: { ...draft.responsible },
    team: draft.team.map((member) => ({ ...member })),
    businessStakes: draft.businessStakes,
    operationalObjectives: draft.operationalObjectives,
    siWorkstreams: draft.siWorkstreams,
    targets: draft.targets.map((target) => ({ id: target.id, kind: (target.kind ?? "") as TargetKindValue, description: target.description })),
    forecast: { y2026: amountText(draft.forecastExpenses["2026"]), y2027: amountText(draft.forecastExpenses["2027"]) },
    industrialPartners: draft.industrialPartners.map((partner) => ({ ...partner })),
    rattrapageDeclaration: { ...draft.rattrapageDeclaration },
  };
}

const trimmed = (text: string | undefined) => (text ?? "").trim();

/** The chosen theme's objectives, in the theme's order: the indexes the submission rules key their errors by. */
export function chosenObjectives(values: ProjectValues): { code: string; description: string }[] {
  const theme = isProjectCallThemeKey(values.theme) ? values.theme : null;
  if (!theme) return [];
  return PROJECT_CALL_THEMES[theme].objectives
    .filter((objective) => values.objectives?.[objective.code]?.chosen)
    .map((objective) => ({ code: objective.code, description: trimmed(values.objectives?.[objective.code]?.description) }));
}

/** The draft as the server will store it (the same trimming and normalisation as its schema). */
export function toDraft(values: ProjectValues): ProjectCallDraft {
  const theme = isProjectCallThemeKey(values.theme) ? values.theme : null;
  const rattrapage = theme === "RATTRAPAGE_MATURITE";
  return {
    porteurFinessPmsi: normalizedFiness(values.porteurFinessPmsi),
    perimeter: (values.perimeter ?? []).map((site) => ({ siteFiness: normalizedFiness(site.siteFiness), legalEntityFiness: normalizedFiness(site.legalEntityFiness) })),
    theme,
    objectives: chosenObjectives(values),
    responsible: { name: trimmed(values.responsible?.name), email: trimmed(values.responsible?.email), profession: trimmed(values.responsible?.profession) },
    team: (values.team ?? []).map((member) => ({ name: trimmed(member.name), email: trimmed(member.email), profession: trimmed(member.profession), coLead: Boolean(member.coLead) })),
    businessStakes: trimmed(values.businessStakes),
    operationalObjectives: trimmed(values.operationalObjectives),
    siWorkstreams: trimmed(values.siWorkstreams),
    targets: (values.targets ?? []).map((target) => ({ id: target.id, kind: target.kind ? target.kind : null, description: trimmed(target.description) })),
    forecastExpenses: { "2026": typedCents(values.forecast?.y2026), "2027": typedCents(values.forecast?.y2027) },
    industrialPartners: (values.industrialPartners ?? []).map((partner) => ({ id: partner.id, name: trimmed(partner.name) })),
    // The declaration only means something for the rattrapage theme: it is not kept for another one.
    rattrapageDeclaration: {
      noSunEsUsagePayment: rattrapage && Boolean(values.rattrapageDeclaration?.noSunEsUsagePayment),
      noPhase1UsagePayment: rattrapage && Boolean(values.rattrapageDeclaration?.noPhase1UsagePayment),
    },
  };
}

/** Amounts typed but unreadable, keyed as the submission rules key the forecast: said at once, never saved as a number. */
export function amountErrors(values: ProjectValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const year of ["2026", "2027"] as const) {
    const text = values.forecast?.[`y${year}`];
    if (!text?.trim()) continue;
    const parsed = parseEuroAmount(text);
    if (!parsed.ok) errors[`forecastExpenses.${year}`] = [`Dépenses prévisionnelles ${year} : ${EURO_MESSAGES[parsed.error]}`];
  }
  return errors;
}
