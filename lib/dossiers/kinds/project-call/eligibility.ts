import { isEligibleEgCategory, isEligibleEjCategory } from "@/lib/funding/finess-rules";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import type { ProjectCallThemeKey } from "./themes";

/*
 * Who may carry an AAP HOP'EN2 project (source 001, "Conditions d'éligibilité" and "Synthèse des
 * critères d'éligibilité à l'appel à projets"). PURE: the facts are read by the service from the
 * reference data and the porteur's other dossiers; the form, the service and the ARS screen show
 * the same list of conditions.
 *
 * - Every theme but rattrapage ("*hors rattrapage de la maturité numérique"): the porteur's EJ has
 *   a validated HospiConnect candidature, has deposited its note de cadrage (the 2026 milestone),
 *   has completed its IE maturity self-assessment, and its FINESS PMSI is eligible (source 002's
 *   EJ and EG categories).
 * - Rattrapage: no « usage » payment under SUN-ES, none under HOP'EN2 phase 1. When the reference
 *   data does not know, the porteur's declaration is required and counts.
 *
 * The GHT validation ("Pour les établissements publics membres d'un GHT, le projet doit avoir été
 * validé à l'échelle du GHT") is NOT a condition here: it is a document the porteur attaches to the
 * dossier, so it is a submission rule (submission-rules.ts) keyed by its upload field. Conditions
 * here are facts about the establishment that no field of the form can change.
 */

/**
 * - met / not_met: known from the portal's data;
 * - declared: unknown from the data, the porteur declared it (counts as met, the ARS checks it);
 * - unknown: unknown from the data and not declared (does not count: the porteur must declare it,
 *   or — for a FINESS PMSI missing from the reference — cannot apply until it is known).
 */
export type ConditionState = "met" | "not_met" | "declared" | "unknown";

export type EligibilityConditionKey =
  | "hospiconnectCandidature"
  | "milestone2026Deposit"
  | "selfAssessmentComplete"
  | "finessPmsiEligible"
  | "noSunEsUsagePayment"
  | "noPhase1UsagePayment";

export interface EligibilityCondition {
  key: EligibilityConditionKey;
  state: ConditionState;
  label: string;
  explanation: string;
}

export interface ProjectCallEligibility {
  eligible: boolean;
  conditions: EligibilityCondition[];
}

export interface ProjectCallEligibilityFacts {
  theme: ProjectCallThemeKey;
  /** Name of the porteur's EJ, used in the explanations. */
  legalEntityName: string;
  /** Status of the HospiConnect candidature of the porteur's EJ (carried by it or by its GHT's support), null when none. */
  candidatureStatus: DossierStatus | null;
  /** Status of the 2026 milestone deposit that carries the porteur's EJ, null when none. */
  milestoneDepositStatus: DossierStatus | null;
  /** True when the EJ has a validated IE maturity self-assessment (with its NRU). */
  selfAssessmentValidated: boolean;
  /** FINESS categories of the porteur's FINESS PMSI; null when that FINESS is not in the reference data. */
  finessPmsiCategories: { ejCategory: string; egCategories: readonly string[] } | null;
  /** Reference data: true = a usage payment was received, false = none, null = not known. */
  usagePayments: { sunEs: boolean | null; phase1: boolean | null };
  /** What the porteur declared in the draft (rattrapage only). */
  declaration: { noSunEsUsagePayment: boolean; noPhase1UsagePayment: boolean };
}

/** A milestone deposit counts once transmitted (note de cadrage included by its own rules) and not refused. */
const DEPOSITED: readonly DossierStatus[] = ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"];

function candidatureCondition(facts: ProjectCallEligibilityFacts): EligibilityCondition {
  const label = "Candidature HospiConnect de l'entité juridique de rattachement validée";
  const who = facts.legalEntityName;
  switch (facts.candidatureStatus) {
    case "ACCEPTED":
      return { key: "hospiconnectCandidature", state: "met", label, explanation: `La candidature HospiConnect de ${who} a été acceptée par l'ARS.` };
    case null:
      return { key: "hospiconnectCandidature", state: "not_met", label, explanation: `${who} n'a pas de candidature HospiConnect : sans elle, seule la thématique « rattrapage de la maturité numérique » est ouverte.` };
    case "REFUSED":
      return { key: "hospiconnectCandidature", state: "not_met", label, explanation: `La candidature HospiConnect de ${who} a été refusée par l'ARS.` };
    case "DRAFT":
    case "SUBMITTED":
    case "CHANGES_REQUESTED":
    case "PROOF_SUBMITTED":
    case "PROOF_CHANGES_REQUESTED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      return { key: "hospiconnectCandidature", state: "not_met", label, explanation: `La candidature HospiConnect de ${who} n'est pas encore acceptée par l'ARS.` };
  }
}

function milestoneCondition(facts: ProjectCallEligibilityFacts): EligibilityCondition {
  const label = "Dépôt de la note de cadrage (jalon 2026 HospiConnect/HOP'EN2) par l'entité juridique";
  const who = facts.legalEntityName;
  const status = facts.milestoneDepositStatus;
  if (status !== null && DEPOSITED.includes(status)) {
    return { key: "milestone2026Deposit", state: "met", label, explanation: `${who} a transmis les éléments du jalon 2026, dont la note de cadrage.` };
  }
  const explanation =
    status === "REFUSED"
      ? `Le dépôt du jalon 2026 de ${who} a été refusé par l'ARS.`
      : status === "DRAFT"
        ? `Le dépôt du jalon 2026 de ${who} est un brouillon : transmettez-le à l'ARS, avec la note de cadrage.`
        : `${who} n'a pas encore déposé les éléments du jalon 2026 (note de cadrage).`;
  return { key: "milestone2026Deposit", state: "not_met", label, explanation };
}

function selfAssessmentCondition(facts: ProjectCallEligibilityFacts): EligibilityCondition {
  const label = "Complétude des indicateurs de maturité en identification électronique par l'entité juridique";
  return facts.selfAssessmentValidated
    ? { key: "selfAssessmentComplete", state: "met", label, explanation: `${facts.legalEntityName} a validé son autoévaluation de maturité IE.` }
    : { key: "selfAssessmentComplete", state: "not_met", label, explanation: `${facts.legalEntityName} n'a pas encore validé d'autoévaluation de maturité IE.` };
}

/**
 * Source 002 annex 2: an eligible FINESS juridique category and an eligible FINESS géographique
 * category. A FINESS PMSI at EJ level covers several EG: one eligible EG category is enough (an EJ
 * whose hospital sits next to, say, an EHPAD stays eligible). The other conditions of source 002
 * (authorisation, PMSI activity 2022) are those of the national base and are not known here.
 */
export function isFinessPmsiEligible(categories: { ejCategory: string; egCategories: readonly string[] }): boolean {
  return isEligibleEjCategory(categories.ejCategory) && categories.egCategories.some((category) => isEligibleEgCategory(category));
}

function finessPmsiCondition(facts: ProjectCallEligibilityFacts): EligibilityCondition {
  const label = "FINESS PMSI éligible à l'appel à projets";
  if (facts.finessPmsiCategories === null) {
    return { key: "finessPmsiEligible", state: "unknown", label, explanation: "Le FINESS PMSI du porteur est inconnu du référentiel FINESS du portail : son éligibilité ne peut être vérifiée." };
  }
  return isFinessPmsiEligible(facts.finessPmsiCategories)
    ? { key: "finessPmsiEligible", state: "met", label, explanation: "Les catégories FINESS juridique et géographique du porteur figurent parmi celles de l'instruction HOP'EN2." }
    : { key: "finessPmsiEligible", state: "not_met", label, explanation: "Les catégories FINESS du porteur ne figurent pas parmi celles des établissements éligibles (instruction HOP'EN2, annexe 2)." };
}

function usageCondition(
  key: "noSunEsUsagePayment" | "noPhase1UsagePayment",
  programme: string,
  received: boolean | null,
  declared: boolean,
): EligibilityCondition {
  const label = `Aucun versement « d'usage » reçu au titre du programme ${programme}`;
  // The reference data wins over a declaration: a known payment cannot be declared away.
  if (received === true) return { key, state: "not_met", label, explanation: `Les données du programme indiquent un versement « d'usage » au titre de ${programme}.` };
  if (received === false) return { key, state: "met", label, explanation: `Aucun versement « d'usage » au titre de ${programme} n'est connu.` };
  return declared
    ? { key, state: "declared", label, explanation: `Non connu des données du portail : le porteur déclare n'avoir reçu aucun versement « d'usage » au titre de ${programme} ; l'ARS le vérifie.` }
    : { key, state: "unknown", label, explanation: `Non connu des données du portail : déclarez que l'établissement n'a reçu aucun versement « d'usage » au titre de ${programme}.` };
}

/** Every condition of the chosen theme with its state, and whether the porteur may submit on that theme. */
export function projectCallEligibility(facts: ProjectCallEligibilityFacts): ProjectCallEligibility {
  const conditions =
    facts.theme === "RATTRAPAGE_MATURITE"
      ? [
          usageCondition("noSunEsUsagePayment", "SUN-ES", facts.usagePayments.sunEs, facts.declaration.noSunEsUsagePayment),
          usageCondition("noPhase1UsagePayment", "HOP'EN2 phase 1", facts.usagePayments.phase1, facts.declaration.noPhase1UsagePayment),
        ]
      : [candidatureCondition(facts), milestoneCondition(facts), selfAssessmentCondition(facts), finessPmsiCondition(facts)];
  return { eligible: conditions.every((condition) => condition.state === "met" || condition.state === "declared"), conditions };
}
