import { checkExpenseEligibility, EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros } from "@/lib/funding";
import { formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import { isEmailAddress, type CandidatureDraft, type DepositDraft, type DepositPartDraft } from "./dossier-input";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE, objectiveIndicator } from "./objectives";

const percentFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const formatPercent = (value: number) => `${percentFormatter.format(value)} %`;
import { partAmounts, type MilestoneYear } from "./part-amounts";
import { PROJECT_TEAM_ROLES } from "./project-team";

/*
 * What blocks the transmission of a dossier, field by field. PURE (no I/O): the server checks
 * it on submission (lib/dossiers/service.ts) and the form runs the very same functions in the
 * browser, so that an error goes away as soon as its field is fixed.
 */

/** The self-assessment a part quotes by its NRU, as found in the database. */
export type QuotedSelfAssessment =
  | { found: false }
  | { found: true; legalEntityFiness: string; status: "DRAFT" | "VALIDATED"; validatedOn: CalendarDate | null };

export interface DepositPartFacts {
  legalEntityFiness: string;
  legalEntityName: string;
  headcount: number;
  selfAssessment: QuotedSelfAssessment | null;
  noteDeCadrageCount: number;
  expenseAttestationCount: number;
  objectiveProofs: string[];
}

/** source 003: at most 20 files of note de cadrage per EJ. */
export const MAX_NOTE_DE_CADRAGE_FILES = 20;

export type FieldErrors = Record<string, string[]>;

/**
 * One problem, keyed by the form field it concerns ("parts.998400402.nru"). `missing` tells an
 * item not given yet (said when the user asks to transmit) from a value given but wrong (said at once).
 */
export interface SubmissionIssue {
  key: string;
  message: string;
  missing: boolean;
}

/** The issues as the server action reports them: messages grouped by field key, in form order. */
export function toFieldErrors(issues: readonly SubmissionIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.key] ??= []).push(issue.message);
  return errors;
}

/** Every missing or wrong field of a candidature, in form order. */
export function candidatureIssues(draft: CandidatureDraft, facts: { carrierIsGhtSupport: boolean; ghtMandateDocuments: number }): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  for (const role of PROJECT_TEAM_ROLES) {
    const member = draft.projectTeam[role.key];
    const who = role.label === "Signataire" ? "du signataire" : `du membre « ${role.label} »`;
    if (!member?.name?.trim()) issues.push({ key: `projectTeam.${role.key}.name`, message: `Indiquez le prénom et le nom ${who}.`, missing: true });
    if (!member?.email?.trim()) issues.push({ key: `projectTeam.${role.key}.email`, message: `Indiquez l'adresse e-mail ${who}.`, missing: true });
    else if (!isEmailAddress(member.email.trim())) {
      issues.push({ key: `projectTeam.${role.key}.email`, message: `Adresse e-mail invalide (${role.label}) : par exemple nom@etablissement.fr.`, missing: false });
    }
  }
  if (facts.carrierIsGhtSupport) {
    // source 002 annex 4: the support establishment proves its capacity to apply for every EJ of the GHT.
    if (!draft.ghtMandateKind) issues.push({ key: "ghtMandateKind", message: "Choisissez le justificatif du mandat de l'établissement support.", missing: true });
    if (facts.ghtMandateDocuments === 0) {
      issues.push({ key: "documents.GHT_MANDATE", message: "Joignez le justificatif du mandat de l'établissement support (PDF ou ZIP).", missing: true });
    }
  }
  return issues;
}

export function candidatureErrors(draft: CandidatureDraft, facts: { carrierIsGhtSupport: boolean; ghtMandateDocuments: number }): FieldErrors {
  return toFieldErrors(candidatureIssues(draft, facts));
}

/** A part never saved yet is an empty one: each of its items is then listed, not the part as a whole. */
export function emptyDepositPart(legalEntityFiness: string): DepositPartDraft {
  return {
    legalEntityFiness,
    nru: null,
    expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, null])) as DepositPartDraft["expenses"],
    mandatoryObjectiveMet: null,
    objectivesReached: [],
    indicators: { "2.1": null, "2.2": null },
    expenseDates: { firstInvoiceOn: "", lastInvoiceOn: "", lastPaymentOn: "" },
    requested: null,
  };
}

/**
 * Every missing or wrong item of a yearly deposit (source 003's form: per EJ the note de
 * cadrage, the NRU, the signed attestation and the expenses by category; from 2027 the
 * objectives of source 000 and each one's proof; then the two attestations), in form order.
 */
export function depositIssues(draft: DepositDraft, facts: { year: MilestoneYear; today: CalendarDate; parts: DepositPartFacts[] }): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  for (const fact of facts.parts) {
    const part = draft.parts.find((candidate) => candidate.legalEntityFiness === fact.legalEntityFiness) ?? emptyDepositPart(fact.legalEntityFiness);
    const key = (field: string) => `parts.${fact.legalEntityFiness}.${field}`;
    const add = (field: string, message: string, missing = true) => issues.push({ key: key(field), message, missing });
    const who = fact.legalEntityName;

    // source 000: the note de cadrage is the 2026 milestone's deliverable; 2027 and 2028 never ask for it again.
    if (facts.year === 2026 && fact.noteDeCadrageCount === 0) add("noteDeCadrage", `Déposez la note de cadrage de ${who} (PDF ou ZIP).`);
    if (fact.noteDeCadrageCount > MAX_NOTE_DE_CADRAGE_FILES) {
      add("noteDeCadrage", `Note de cadrage de ${who} : ${MAX_NOTE_DE_CADRAGE_FILES} fichiers au maximum, regroupez-les dans une archive ZIP.`, false);
    }
    const selfAssessmentProblem = nruProblem(part.nru, fact, facts.year, facts.today);
    if (selfAssessmentProblem) add("nru", selfAssessmentProblem, !part.nru);
    if (fact.expenseAttestationCount === 0) add("expenseAttestation", `Déposez l'attestation sur l'honneur des dépenses de ${who}, signée par la DAF.`);
    for (const category of EXPENSE_CATEGORIES) {
      if (part.expenses[category] === null) add(`expenses.${category}`, `Indiquez les dépenses « ${EXPENSE_CATEGORY_LABELS[category]} » de ${who} (0 s'il n'y en a pas).`);
    }
    for (const issue of expenseDateIssues(part, facts.year, facts.today)) add(issue.field, issue.message, issue.missing);
    if (facts.year !== 2026) {
      // source 000: from 2027, objective 1.0 is mandatory and each objective reached needs its proof.
      if (part.mandatoryObjectiveMet === null) add("mandatoryObjectiveMet", `Indiquez si l'objectif obligatoire 1.0 est atteint par ${who}.`);
      if (part.mandatoryObjectiveMet && !fact.objectiveProofs.includes(MANDATORY_OBJECTIVE.code)) {
        add(`objectiveProof.${MANDATORY_OBJECTIVE.code}`, `Joignez la preuve de l'objectif 1.0 de ${who}.`);
      }
      for (const objective of HOSPICONNECT_OBJECTIVES) {
        if (!part.objectivesReached.includes(objective.code)) continue;
        // A percentage target (2.1, 2.2): the indicator is declared, and reaches the year's target (source 000).
        const indicator = objectiveIndicator(objective.code);
        if (indicator && (facts.year === 2027 || facts.year === 2028)) {
          const value = part.indicators?.[objective.code as "2.1" | "2.2"] ?? null;
          const target = indicator.target[facts.year];
          if (value === null) add(`indicators.${objective.code}`, `Indiquez l'indicateur de l'objectif ${objective.code} de ${who} (cible ${facts.year} : ${target} %).`);
          else if (value < target) {
            add(`indicators.${objective.code}`, `L'indicateur de l'objectif ${objective.code} (${formatPercent(value)}) n'atteint pas la cible ${facts.year} de ${target} % : l'objectif ne peut pas être déclaré atteint.`, false);
          }
        }
        if (!fact.objectiveProofs.includes(objective.code)) add(`objectiveProof.${objective.code}`, `Joignez la preuve de l'objectif ${objective.code} de ${who}.`);
      }
    }
    if (part.requested === null) {
      add("requested", `Indiquez le montant demandé pour ${who}.`);
    } else if (EXPENSE_CATEGORIES.every((category) => part.expenses[category] !== null)) {
      const amounts = partAmounts({
        headcount: fact.headcount,
        year: facts.year,
        milestoneComplete: fact.noteDeCadrageCount > 0 && selfAssessmentProblem === null,
        mandatoryObjectiveMet: part.mandatoryObjectiveMet,
        objectivesReached: part.objectivesReached.length,
        expenses: part.expenses,
      });
      if (part.requested > amounts.capped) {
        add("requested", `Le montant demandé ne peut dépasser ${formatEuros(amounts.capped)} (montant éligible écrêté aux dépenses déclarées).`, false);
      }
    }
  }
  if (!draft.attestations.targetsReached) {
    issues.push({ key: "attestations.targetsReached", message: `Cochez l'attestation d'atteinte des cibles ${facts.year}.`, missing: true });
  }
  if (!draft.attestations.expensesTruthful) {
    issues.push({ key: "attestations.expensesTruthful", message: "Cochez l'attestation sur les dépenses déclarées.", missing: true });
  }
  return issues;
}

export function depositErrors(draft: DepositDraft, facts: { year: MilestoneYear; today: CalendarDate; parts: DepositPartFacts[] }): FieldErrors {
  return toFieldErrors(depositIssues(draft, facts));
}

/** source 003: the NRU of a validated self-assessment of that EJ, completed between 1 January of the year and the deposit. */
export function nruProblem(nru: string | null, fact: Pick<DepositPartFacts, "legalEntityFiness" | "legalEntityName" | "selfAssessment"> & Partial<DepositPartFacts>, year: number, today: CalendarDate): string | null {
  if (!nru) return `Indiquez le NRU de l'autoévaluation de maturité IE de ${fact.legalEntityName}.`;
  const quoted = fact.selfAssessment;
  if (!quoted || !quoted.found) return `Aucune autoévaluation ne porte le NRU « ${nru} ».`;
  if (quoted.legalEntityFiness !== fact.legalEntityFiness) return "Ce NRU correspond à l'autoévaluation d'une autre entité juridique.";
  if (quoted.status !== "VALIDATED" || !quoted.validatedOn) return "Cette autoévaluation n'est pas validée : validez-la avant de la citer.";
  if (quoted.validatedOn < `${year}-01-01`) return `Cette autoévaluation a été validée avant le 1er janvier ${year} : réalisez-en une nouvelle (vous pouvez dupliquer l'ancienne).`;
  if (quoted.validatedOn > today) return "Cette autoévaluation est datée après aujourd'hui.";
  return null;
}

/** A self-assessment as the server found it under its NRU (what `QuotedSelfAssessment` is built from). */
export interface KnownSelfAssessment {
  nru: string;
  legalEntityFiness: string;
  status: "DRAFT" | "VALIDATED";
  validatedOn: CalendarDate | null;
}

/** The fact the NRU rule needs, from the self-assessments the server looked up (null: no NRU typed). */
export function quotedSelfAssessment(nru: string | null, known: readonly KnownSelfAssessment[]): QuotedSelfAssessment | null {
  if (!nru) return null;
  const found = known.find((assessment) => assessment.nru === nru);
  return found ? { found: true, legalEntityFiness: found.legalEntityFiness, status: found.status, validatedOn: found.validatedOn } : { found: false };
}

/** The document counts of one EJ that the deposit rules read, from the dossier's documents. */
export function documentFacts(
  documents: readonly { kind: string; objectiveCode: string | null; legalEntities: readonly string[] }[],
  legalEntityFiness: string,
): Pick<DepositPartFacts, "noteDeCadrageCount" | "expenseAttestationCount" | "objectiveProofs"> {
  const ofPart = documents.filter((document) => document.legalEntities.includes(legalEntityFiness));
  return {
    noteDeCadrageCount: ofPart.filter((document) => document.kind === "NOTE_DE_CADRAGE").length,
    expenseAttestationCount: ofPart.filter((document) => document.kind === "EXPENSE_ATTESTATION").length,
    objectiveProofs: ofPart.filter((document) => document.kind === "OBJECTIVE_PROOF").map((document) => document.objectiveCode ?? ""),
  };
}

/**
 * The dates of the declared expenses, decided by lib/funding's `checkExpenseEligibility` (source 003):
 * nothing invoiced before 19 December 2025 (date d'application de l'instruction HOP'EN2); in 2028 only
 * what was invoiced and paid by 16 June 2028, so the last invoice and the last payment are asked then.
 * Before 2028 the dates are optional, and checked when given.
 */
export function expenseDateIssues(part: Pick<DepositPartDraft, "expenses" | "expenseDates">, year: MilestoneYear, today: CalendarDate): { field: string; message: string; missing: boolean }[] {
  const issues: { field: string; message: string; missing: boolean }[] = [];
  const dates = part.expenseDates ?? { firstInvoiceOn: "", lastInvoiceOn: "", lastPaymentOn: "" };
  const declared = EXPENSE_CATEGORIES.some((category) => (part.expenses[category] ?? 0) > 0);
  const field = (name: keyof typeof dates) => `expenseDates.${name}`;
  if (year === 2028 && declared) {
    if (!dates.lastInvoiceOn) issues.push({ field: field("lastInvoiceOn"), message: "Indiquez la date de la dernière facture des dépenses déclarées (jalon 2028 : facturées au 16 juin 2028 au plus tard).", missing: true });
    if (!dates.lastPaymentOn) issues.push({ field: field("lastPaymentOn"), message: "Indiquez la date du dernier paiement (jalon 2028 : seules les dépenses payées au 16 juin 2028 sont éligibles).", missing: true });
  }
  for (const name of ["firstInvoiceOn", "lastInvoiceOn", "lastPaymentOn"] as const) {
    if (dates[name] && dates[name] > today) issues.push({ field: field(name), message: `Date du ${formatCalendarDate(dates[name])}, après aujourd'hui : seules les dépenses engagées sont déclarées.`, missing: false });
  }
  if (dates.firstInvoiceOn && dates.lastInvoiceOn && dates.lastInvoiceOn < dates.firstInvoiceOn) {
    issues.push({ field: field("lastInvoiceOn"), message: "La dernière facture ne peut pas précéder la première.", missing: false });
  }
  if (dates.firstInvoiceOn) {
    const first = checkExpenseEligibility({ category: "prestations_externes", invoiceDate: dates.firstInvoiceOn, milestoneYear: year });
    if (first.reasons.includes("DEPENSE_ANTERIEURE_AU_19_12_2025")) {
      issues.push({ field: field("firstInvoiceOn"), message: `Facture du ${formatCalendarDate(dates.firstInvoiceOn)} : seules les dépenses engagées à compter du 19 décembre 2025, date d'application de l'instruction HOP'EN2, sont éligibles.`, missing: false });
    }
  }
  if (year === 2028 && dates.lastInvoiceOn) {
    const last = checkExpenseEligibility({ category: "prestations_externes", invoiceDate: dates.lastInvoiceOn, ...(dates.lastPaymentOn ? { paymentDate: dates.lastPaymentOn } : {}), milestoneYear: 2028 });
    if (last.reasons.includes("FACTUREE_APRES_LE_16_06_2028")) {
      issues.push({ field: field("lastInvoiceOn"), message: `Facture du ${formatCalendarDate(dates.lastInvoiceOn)} : pour le jalon 2028, seules les dépenses facturées au 16 juin 2028 au plus tard sont éligibles.`, missing: false });
    }
    if (dates.lastPaymentOn && last.reasons.includes("NON_PAYEE_AU_16_06_2028")) {
      issues.push({ field: field("lastPaymentOn"), message: `Paiement du ${formatCalendarDate(dates.lastPaymentOn)} : pour le jalon 2028, seules les dépenses payées au 16 juin 2028 au plus tard sont éligibles.`, missing: false });
    }
  }
  return issues;
}
