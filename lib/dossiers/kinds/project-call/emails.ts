/**
 * The e-mails of an AAP HOP'EN2 project's own steps (source 001), written in the pattern of source
 * 003's Convergence notifications (lib/notifications/templates.ts): the acceptance with its amount and its two
 * payments, then the June-2027 proof step — transmission to the establishment and to the ARS,
 * demande de complément, and the ARS's decision on the objectives. PURE, like lib/notifications/templates.ts.
 */
import { formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import { aapPayments, type AapCategory } from "@/lib/funding/aap";
import { formatEuros, type Cents } from "@/lib/funding/money";
import { guichetTitle, mail, SENDER_NAME, singleLine, type DossierMailFacts, type MailContent } from "@/lib/notifications/templates";

export interface ProjectAcceptedMailInput extends DossierMailFacts {
  grantedCents: Cents;
  category: AapCategory;
  capCents: Cents;
  justification: string;
  /** Last day of the proof deposit (source 001: 30 June 2027); null when the DNS has not set it. */
  proofClosesOn: CalendarDate | null;
}

/** To the establishment: its project is retained, with the amount and source 001's schedule. */
export function projectAccepted(input: ProjectAcceptedMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const payments = aapPayments(input.grantedCents);
  return mail(`(${SENDER_NAME}) Projet ${title} retenu - ${input.dossierNumber}`, [
    `Votre projet déposé à l'${title} a été retenu par votre ARS.`,
    `Dossier : ${input.dossierNumber}`,
    `Montant accordé par votre ARS : ${formatEuros(input.grantedCents)} (plafond de la catégorie ${input.category} : ${formatEuros(input.capCents)}).`,
    `Justification de votre ARS :\n${input.justification.trim()}`,
    `Calendrier des versements :\n- 50 % en 2026, sur la base de l'acceptation du projet : ${formatEuros(payments.onAcceptance)} ;\n- 50 % en 2027, sur la base de l'atteinte des objectifs du projet validée par votre ARS : ${formatEuros(payments.onObjectives)}.`,
    input.proofClosesOn && `Les éléments de preuve de l'atteinte des cibles du projet sont à déposer sur le ${SENDER_NAME} au plus tard le ${formatCalendarDate(input.proofClosesOn)}.`,
    `Pour consulter la décision, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

export interface ProofSubmissionMailInput extends DossierMailFacts {
  resubmission: boolean;
}

export function proofSubmittedToEstablishment(input: ProofSubmissionMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  return mail(`[${title}] - Transmission de vos éléments de preuve à votre ARS – ${input.dossierNumber}`, [
    input.resubmission
      ? `À la suite des compléments apportés, les éléments de preuve de l'atteinte des cibles de votre projet ${input.dossierNumber} ont été transmis à nouveau à votre ARS, qui va pouvoir poursuivre son examen.`
      : `Les éléments de preuve de l'atteinte des cibles de votre projet ${input.dossierNumber} ont été transmis à votre ARS, qui va pouvoir procéder à leur examen.`,
    "Votre ARS s'emploie à traiter ceux-ci dans les meilleurs délais.",
    `Pour suivre l'avancement de votre dossier ${input.dossierNumber}, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

export function proofSubmittedToArs(input: ProofSubmissionMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const establishment = singleLine(input.establishmentName);
  return mail(`(${SENDER_NAME}) Transmission des éléments de preuve ${title} – ${input.dossierNumber} - ${establishment}`, [
    `Les éléments de preuve du projet numéro ${input.dossierNumber} ont été transmis par l'établissement de santé ${establishment}.`,
    input.resubmission && "Il s'agit d'une nouvelle transmission, à la suite de la demande de complément de votre ARS.",
    `Connectez-vous avec vos identifiants à votre espace pour accéder à ce dossier : ${input.link}`,
  ]);
}

export interface ProofChangesRequestedMailInput extends DossierMailFacts {
  message: string;
}

export function proofChangesRequested(input: ProofChangesRequestedMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  return mail(`[${title}] - Demande de complément sur les éléments de preuve du dossier ${input.dossierNumber}`, [
    `Dans le cadre de l'examen des éléments de preuve de votre projet ${input.dossierNumber} par l'ARS, nous vous informons qu'une demande de complément a été émise.`,
    `Message de votre ARS :\n${input.message.trim()}`,
    `Pour consulter cette demande, compléter vos preuves et les transmettre à nouveau, connectez-vous au ${SENDER_NAME} à l'aide de vos identifiants :\n${input.link}`,
  ]);
}

export interface ObjectivesDecisionMailInput extends DossierMailFacts {
  grantedCents: Cents;
  comment: string;
}

export function objectivesValidated(input: ObjectivesDecisionMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  return mail(`(${SENDER_NAME}) Objectifs du projet ${title} validés - ${input.dossierNumber}`, [
    `Votre ARS a validé l'atteinte des objectifs de votre projet ${input.dossierNumber}.`,
    `Le solde de 50 % du montant accordé, soit ${formatEuros(aapPayments(input.grantedCents).onObjectives)}, est versé en 2027.`,
    input.comment.trim() && `Commentaire de votre ARS :\n${input.comment.trim()}`,
    `Pour consulter la décision, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

export function objectivesNotMet(input: ObjectivesDecisionMailInput): MailContent {
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  return mail(`(${SENDER_NAME}) Objectifs du projet ${title} non validés - ${input.dossierNumber}`, [
    `Votre ARS n'a pas validé l'atteinte des objectifs de votre projet ${input.dossierNumber} : le solde de 50 % du montant accordé (${formatEuros(aapPayments(input.grantedCents).onObjectives)}) n'est pas versé.`,
    `Motif de votre ARS :\n${input.comment.trim()}`,
    `Pour consulter la décision, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}
