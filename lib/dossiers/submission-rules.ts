import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros } from "@/lib/funding";
import type { CalendarDate } from "@/lib/clock/paris-date";
import { isEmailAddress, type CandidatureDraft, type DepositDraft } from "./dossier-input";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "./objectives";
import { partAmounts, type MilestoneYear } from "./part-amounts";
import { PROJECT_TEAM_ROLES } from "./project-team";

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

function add(errors: FieldErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

/** Every missing or wrong field of a candidature, in French, keyed by field. */
export function candidatureErrors(draft: CandidatureDraft, facts: { carrierIsGhtSupport: boolean; ghtMandateDocuments: number }): FieldErrors {
  const errors: FieldErrors = {};
  for (const role of PROJECT_TEAM_ROLES) {
    const member = draft.projectTeam[role.key];
    if (!member?.name) add(errors, `projectTeam.${role.key}.name`, `Indiquez le nom du ${role.label === "Signataire" ? "signataire" : `membre « ${role.label} »`}.`);
    if (!member?.email) add(errors, `projectTeam.${role.key}.email`, `Indiquez l'adresse e-mail (${role.label}).`);
    else if (!isEmailAddress(member.email)) add(errors, `projectTeam.${role.key}.email`, `Adresse e-mail invalide (${role.label}) : par exemple nom@etablissement.fr.`);
  }
  if (facts.carrierIsGhtSupport) {
    // source 002 annex 4: the support establishment proves its capacity to apply for every EJ of the GHT.
    if (!draft.ghtMandateKind) add(errors, "ghtMandateKind", "Choisissez le justificatif du mandat de l'établissement support.");
    if (facts.ghtMandateDocuments === 0) add(errors, "documents.GHT_MANDATE", "Joignez le justificatif du mandat de l'établissement support (PDF ou ZIP).");
  }
  return errors;
}

/** Every missing or wrong field of a yearly deposit, in French, keyed by field. */
export function depositErrors(draft: DepositDraft, facts: { year: MilestoneYear; today: CalendarDate; parts: DepositPartFacts[] }): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.attestations.targetsReached) add(errors, "attestations.targetsReached", `Cochez l'attestation d'atteinte des cibles ${facts.year}.`);
  if (!draft.attestations.expensesTruthful) add(errors, "attestations.expensesTruthful", "Cochez l'attestation sur les dépenses déclarées.");
  for (const fact of facts.parts) {
    const part = draft.parts.find((candidate) => candidate.legalEntityFiness === fact.legalEntityFiness);
    const key = (field: string) => `parts.${fact.legalEntityFiness}.${field}`;
    const who = fact.legalEntityName;
    if (!part) {
      add(errors, key("nru"), `Les éléments de ${who} ne sont pas renseignés.`);
      continue;
    }
    if (fact.noteDeCadrageCount === 0) add(errors, key("noteDeCadrage"), `Déposez la note de cadrage de ${who} (PDF ou ZIP).`);
    if (fact.noteDeCadrageCount > MAX_NOTE_DE_CADRAGE_FILES) add(errors, key("noteDeCadrage"), `${MAX_NOTE_DE_CADRAGE_FILES} fichiers au maximum : regroupez-les dans une archive ZIP.`);
    const selfAssessmentProblem = nruProblem(part.nru, fact, facts.year, facts.today);
    if (selfAssessmentProblem) add(errors, key("nru"), selfAssessmentProblem);
    if (fact.expenseAttestationCount === 0) add(errors, key("expenseAttestation"), `Déposez l'attestation sur l'honneur des dépenses de ${who}, signée par la DAF.`);
    for (const category of EXPENSE_CATEGORIES) {
      if (part.expenses[category] === null) add(errors, key(`expenses.${category}`), `Indiquez le montant « ${EXPENSE_CATEGORY_LABELS[category]} » (0 s'il n'y en a pas).`);
    }
    if (facts.year !== 2026) {
      // source 000: from 2027, objective 1.0 is mandatory and each objective reached needs its proof.
      if (part.mandatoryObjectiveMet === null) add(errors, key("mandatoryObjectiveMet"), "Indiquez si l'objectif obligatoire 1.0 est atteint.");
      if (part.mandatoryObjectiveMet && !fact.objectiveProofs.includes(MANDATORY_OBJECTIVE.code)) {
        add(errors, key(`objectiveProof.${MANDATORY_OBJECTIVE.code}`), "Joignez la preuve de l'objectif 1.0.");
      }
      for (const objective of HOSPICONNECT_OBJECTIVES) {
        if (part.objectivesReached.includes(objective.code) && !fact.objectiveProofs.includes(objective.code)) {
          add(errors, key(`objectiveProof.${objective.code}`), `Joignez la preuve de l'objectif ${objective.code}.`);
        }
      }
    }
    if (part.requested === null) {
      add(errors, key("requested"), "Indiquez le montant demandé.");
    } else if (!errors[key("expenses.rh_internes")] && !errors[key("expenses.prestations_externes")] && !errors[key("expenses.depenses_editeurs")]) {
      const amounts = partAmounts({
        headcount: fact.headcount,
        year: facts.year,
        milestoneComplete: fact.noteDeCadrageCount > 0 && selfAssessmentProblem === null,
        mandatoryObjectiveMet: part.mandatoryObjectiveMet,
        objectivesReached: part.objectivesReached.length,
        expenses: part.expenses,
      });
      if (part.requested > amounts.capped) {
        add(errors, key("requested"), `Le montant demandé ne peut dépasser ${formatEuros(amounts.capped)} (montant éligible écrêté aux dépenses déclarées).`);
      }
    }
  }
  return errors;
}

/** source 003: the NRU of a validated self-assessment of that EJ, completed between 1 January of the year and the deposit. */
export function nruProblem(nru: string | null, fact: DepositPartFacts, year: number, today: CalendarDate): string | null {
  if (!nru) return `Indiquez le NRU de l'autoévaluation de maturité IE de ${fact.legalEntityName}.`;
  const quoted = fact.selfAssessment;
  if (!quoted || !quoted.found) return `Aucune autoévaluation ne porte le NRU « ${nru} ».`;
  if (quoted.legalEntityFiness !== fact.legalEntityFiness) return "Ce NRU correspond à l'autoévaluation d'une autre entité juridique.";
  if (quoted.status !== "VALIDATED" || !quoted.validatedOn) return "Cette autoévaluation n'est pas validée : validez-la avant de la citer.";
  if (quoted.validatedOn < `${year}-01-01`) return `Cette autoévaluation a été validée avant le 1er janvier ${year} : réalisez-en une nouvelle (vous pouvez dupliquer l'ancienne).`;
  if (quoted.validatedOn > today) return "Cette autoévaluation est datée après aujourd'hui.";
  return null;
}
