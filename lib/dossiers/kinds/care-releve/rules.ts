/*
 * What blocks a CaRE relève, field by field (source 003_7e8834ec9bc46d44.txt). PURE: the server
 * checks it when saving and transmitting, the form runs the same functions in the browser.
 */
import { formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import { careDrawCap, checkExpenseEligibility, EXPENSE_CATEGORY_LABELS, EXPENSE_START_DATE, formatEuros, sumCents, type Cents, type ExpenseCategory, type MilestoneYear } from "@/lib/funding";
import { nruProblem, type QuotedSelfAssessment, type SubmissionIssue } from "../../submission-rules";
import type { CareExpenseLine, CareReleveDraft } from "./draft-schema";

/** The facts of one EJ of the relève, as the server found them. */
export interface CareRelevePartFacts {
  legalEntityFiness: string;
  legalEntityName: string;
  selfAssessment: QuotedSelfAssessment | null;
  /** source 003: the first relève checks the note de cadrage; later ones only for an EJ that deposited no relève in 2026. */
  noteDeCadrageRequired: boolean;
  noteDeCadrageCount: number;
  financialStatementCount: number;
  /** The EJ's envelope (« montant plafond »), null when none is published. */
  envelope: Cents | null;
  /** What remains of it for this relève: the envelope less what other relèves were granted or reserve. */
  remaining: Cents | null;
}

export interface CareReleveFacts {
  year: number;
  today: CalendarDate;
  parts: CareRelevePartFacts[];
}

const CARE_START = EXPENSE_START_DATE.care;

/**
 * Why a line can never count (said at once, and refused on save so that nothing is kept with it):
 * source 003 makes internal HR and editor expenses « non éligible » to CaRE and dates the first
 * eligible expenses from 30/01/2026, publication of the arrêté CaRE. Keyed by the line's field.
 */
export function expenseLineRefusals(line: CareExpenseLine, year: number, today: CalendarDate): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  const key = (field: string) => `expenses.${line.id}.${field}`;
  if (line.category !== "prestations_externes") {
    issues.push({
      key: key("category"),
      message: `Les dépenses « ${EXPENSE_CATEGORY_LABELS[line.category as ExpenseCategory]} » ne sont pas éligibles au financement CaRE : seules les prestations externes (MIE, lecteurs) le sont. Retirez cette ligne.`,
      missing: false,
    });
  }
  if (line.invoiceDate) {
    const eligibility = checkExpenseEligibility({ category: "prestations_externes", invoiceDate: line.invoiceDate, milestoneYear: milestoneYearOf(year), scheme: "care" });
    if (!eligibility.eligible) {
      issues.push({
        key: key("invoiceDate"),
        message: `Facture du ${formatCalendarDate(line.invoiceDate)} : seules les dépenses engagées à compter du ${formatCalendarDate(CARE_START)}, date de publication de l'arrêté CaRE, sont éligibles.`,
        missing: false,
      });
    } else if (line.invoiceDate > today) {
      issues.push({ key: key("invoiceDate"), message: `Facture datée du ${formatCalendarDate(line.invoiceDate)}, après aujourd'hui : seules les dépenses engagées sont déclarées.`, missing: false });
    }
  }
  return issues;
}

function milestoneYearOf(year: number): MilestoneYear {
  return year === 2027 || year === 2028 ? year : 2026;
}

/** A line counts in the eligible expenses once complete and eligible. */
function countsAsEligible(line: CareExpenseLine, year: number, today: CalendarDate): boolean {
  return line.amount !== null && line.invoiceDate !== "" && expenseLineRefusals(line, year, today).length === 0;
}

/** The eligible expenses declared for one EJ: the sum of its complete, eligible lines (exact cents). */
export function eligibleExpensesOf(draft: CareReleveDraft, finess: string, year: number, today: CalendarDate): Cents {
  return sumCents(draft.expenses.filter((line) => line.legalEntityFiness === finess && countsAsEligible(line, year, today)).map((line) => line.amount ?? 0));
}

/** The most the EJ may be granted at this relève for what it declared (null without an envelope). */
export function partDrawCap(draft: CareReleveDraft, part: CareRelevePartFacts, year: number, today: CalendarDate): Cents | null {
  if (part.remaining === null) return null;
  const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness);
  return careDrawCap({ requested: typed?.requested ?? 0, eligibleExpenses: eligibleExpensesOf(draft, part.legalEntityFiness, year, today) }, part.remaining);
}

/** Every missing or wrong item of the relève, in form order. */
export function careReleveIssues(draft: CareReleveDraft, facts: CareReleveFacts): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  const { year, today } = facts;
  if (!draft.targetsReached) issues.push({ key: "targetsReached", message: `Cochez l'attestation d'atteinte des cibles pour l'année ${year}.`, missing: true });
  for (const part of facts.parts) {
    const who = part.legalEntityName;
    const key = (field: string) => `parts.${part.legalEntityFiness}.${field}`;
    const add = (field: string, message: string, missing = true) => issues.push({ key: key(field), message, missing });
    const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness);
    if (part.noteDeCadrageRequired && part.noteDeCadrageCount === 0) add("noteDeCadrage", `Déposez la note de cadrage de ${who}.`);
    const nru = typed?.nru ?? null;
    const assessment = nruProblem(nru, part, year, today);
    if (assessment) add("nru", assessment, !nru);
    if (part.envelope === null || part.remaining === null) {
      add("requested", `Aucune enveloppe HospiConnect CaRE n'est publiée pour ${who} : contactez la DNS avant de déposer.`, false);
    } else if (typed?.requested === null || typed?.requested === undefined) {
      add("requested", `Indiquez le montant de financement demandé pour ${who} (0 s'il n'en demande pas à cette relève).`);
    } else {
      const eligible = eligibleExpensesOf(draft, part.legalEntityFiness, year, today);
      if (typed.requested > part.remaining) {
        add("requested", `Le montant demandé (${formatEuros(typed.requested)}) dépasse ce qui reste de l'enveloppe CaRE de ${who} : ${formatEuros(part.remaining)}.`, false);
      } else if (typed.requested > eligible) {
        add("requested", `Le montant demandé (${formatEuros(typed.requested)}) dépasse les dépenses éligibles déclarées pour ${who} (${formatEuros(eligible)}) : déclarez les factures correspondantes ou réduisez la demande.`, false);
      }
      if (typed.requested > 0 && part.financialStatementCount === 0) add("financialStatement", `Déposez la trame financière de ${who}, signée par l'ordonnateur et l'agent comptable, avec les bons de commande et les factures.`);
    }
    for (const line of draft.expenses.filter((candidate) => candidate.legalEntityFiness === part.legalEntityFiness)) {
      const lineKey = (field: string) => `expenses.${line.id}.${field}`;
      if (!line.description) issues.push({ key: lineKey("description"), message: "Indiquez la nature de la dépense (par exemple : lecteurs de cartes).", missing: true });
      if (!line.supplier) issues.push({ key: lineKey("supplier"), message: "Indiquez le fournisseur.", missing: true });
      if (!line.invoiceNumber) issues.push({ key: lineKey("invoiceNumber"), message: "Indiquez le numéro de la facture ou du bon de commande.", missing: true });
      if (!line.invoiceDate) issues.push({ key: lineKey("invoiceDate"), message: "Indiquez la date de la facture.", missing: true });
      if (line.amount === null) issues.push({ key: lineKey("amount"), message: "Indiquez le montant de la dépense.", missing: true });
      issues.push(...expenseLineRefusals(line, year, today));
    }
  }
  const known = new Set(facts.parts.map((part) => part.legalEntityFiness));
  for (const line of draft.expenses) {
    if (!known.has(line.legalEntityFiness)) issues.push({ key: `expenses.${line.id}.legalEntityFiness`, message: "Cette dépense est rattachée à une entité juridique qui n'est pas dans le dossier.", missing: false });
  }
  return issues;
}
