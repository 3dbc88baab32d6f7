/**
 * PURE: the French e-mails of account requests (plain text), and their outbox template keys.
 * lib/accounts/account-requests.ts writes them to the outbox in the transaction they announce.
 */
import { SIGNATURE, type MailContent } from "@/lib/notifications/templates";

export const ACCOUNT_REQUEST_TEMPLATES = {
  confirmEmail: "account-request-confirm-email",
  toApprove: "account-request-to-approve",
  refused: "account-request-refused",
  linkAdded: "account-referent-link-added",
} as const;

const parisInstant = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

export function baseUrlOf(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

export function confirmEmailUrl(baseUrl: string, token: string): string {
  return `${baseUrlOf(baseUrl)}/inscription/confirmer/${token}`;
}

interface EntityFacts {
  legalEntityName: string;
  legalEntityFiness: string;
}

export function confirmEmailMail(input: EntityFacts & { name: string; link: string; expiresAt: Date }): MailContent {
  return {
    subject: "Guichet HospiConnect : confirmez votre adresse e-mail",
    text: [
      `Bonjour ${input.name},`,
      "",
      `Vous avez demandé un compte de référent pour l'établissement ${input.legalEntityName} (FINESS EJ ${input.legalEntityFiness}) sur le Guichet HospiConnect.`,
      "Pour confirmer votre adresse e-mail, ouvrez ce lien puis validez :",
      input.link,
      "",
      `Ce lien ne peut servir qu'une fois et expire le ${parisInstant.format(input.expiresAt)} (heure de Paris).`,
      "Votre demande sera ensuite examinée par un référent de l'établissement, ou à défaut par votre ARS.",
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera créé.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export function toApproveMail(input: EntityFacts & { requesterName: string; requesterEmail: string; jobTitle: string; link: string }): MailContent {
  return {
    subject: `Guichet HospiConnect : demande de compte pour ${input.legalEntityName}`,
    text: [
      "Bonjour,",
      "",
      `${input.requesterName} (${input.requesterEmail}, ${input.jobTitle}) demande un compte de référent pour l'établissement ${input.legalEntityName} (FINESS EJ ${input.legalEntityFiness}). Son adresse e-mail est confirmée.`,
      "Vous pouvez accepter ou refuser cette demande depuis le Guichet HospiConnect :",
      input.link,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export function refusedMail(input: EntityFacts & { name: string; reason: string }): MailContent {
  return {
    subject: "Guichet HospiConnect : votre demande de compte n'a pas été acceptée",
    text: [
      `Bonjour ${input.name},`,
      "",
      `Votre demande de compte de référent pour l'établissement ${input.legalEntityName} (FINESS EJ ${input.legalEntityFiness}) n'a pas été acceptée, pour le motif suivant :`,
      input.reason,
      "",
      "Pour toute question, rapprochez-vous de la direction de votre établissement ou de votre ARS.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** An existing referent account now also acts for this EJ: no new password needed. */
export function linkAddedMail(input: EntityFacts & { name: string; link: string }): MailContent {
  return {
    subject: `Guichet HospiConnect : vous agissez désormais pour ${input.legalEntityName}`,
    text: [
      `Bonjour ${input.name},`,
      "",
      `Votre compte du Guichet HospiConnect est désormais rattaché à l'établissement ${input.legalEntityName} (FINESS EJ ${input.legalEntityFiness}).`,
      "Connectez-vous avec votre mot de passe habituel :",
      input.link,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
