/**
 * The French e-mails of the dossier life cycle, adapted from the notifications
 * that Convergence sends (source 003, "Mails de notification envoyés par
 * Convergence"): the same subjects and sentences, with our guichet label, the
 * dossier number, a link to the dossier and "Guichet HospiConnect" instead of
 * Convergence. The source's typos ("HospiceConnect", "La dossier") are fixed.
 *
 * PURE: plain inputs in, `{ subject, text }` out (plain text). No I/O, no
 * database, no environment — lib/notifications/dossier-notifications.ts
 * loads the facts and writes the outbox.
 */
import { formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import { instructorWords } from "@/lib/dossiers/instructor-words";
import { dossierKind } from "@/lib/dossiers/kinds";
import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { formatEuros, type Cents } from "@/lib/funding";

export interface MailContent {
  subject: string;
  text: string;
}

/** The name the e-mails are signed with and sent from. */
export const SENDER_NAME = "Guichet HospiConnect";
export const SIGNATURE = `Cordialement,\nL'équipe ${SENDER_NAME}`;

/** Keys stored in OutboxEmail.template. */
export const OUTBOX_TEMPLATES = {
  submittedEstablishment: "dossier-submitted-establishment",
  submittedArs: "dossier-submitted-ars",
  resubmittedEstablishment: "dossier-resubmitted-establishment",
  resubmittedArs: "dossier-resubmitted-ars",
  changesRequested: "dossier-changes-requested",
  accepted: "dossier-accepted",
  refused: "dossier-refused",
  draftReminder: "dossier-draft-reminder",
  changesReminder: "dossier-changes-reminder",
  projectAccepted: "project-accepted",
  proofSubmittedEstablishment: "project-proof-submitted-establishment",
  proofSubmittedArs: "project-proof-submitted-ars",
  proofResubmittedEstablishment: "project-proof-resubmitted-establishment",
  proofResubmittedArs: "project-proof-resubmitted-ars",
  proofChangesRequested: "project-proof-changes-requested",
  objectivesValidated: "project-objectives-validated",
  objectivesNotMet: "project-objectives-not-met",
} as const;

export type OutboxTemplate = (typeof OUTBOX_TEMPLATES)[keyof typeof OUTBOX_TEMPLATES];

export type GuichetKindName = GuichetKind;

/** What every dossier e-mail names. */
export interface DossierMailFacts {
  /** e.g. "HospiConnect – Jalon juin 2026" or "HospiConnect – Candidature HOP'EN2 2026". */
  guichetLabel: string;
  guichetYear: number;
  /** A candidature is a "formulaire de candidature"; every other guichet takes a "formulaire de dépôt" (source 003). */
  guichetKind: GuichetKindName;
  /** e.g. "HC-J2026-000042". */
  dossierNumber: string;
  /** The carrier EJ (the support EJ for a GHT). */
  establishmentName: string;
  /** Absolute URL of the dossier in the recipient's space. */
  link: string;
}

/** "HospiConnect – Jalon juin 2026": the label, with the year added when the label does not already say it. */
export function guichetTitle(label: string, year: number): string {
  const clean = singleLine(label);
  return clean.includes(String(year)) ? clean : `${clean} ${year}`;
}

/** `${base}/etablissement/dossiers/<id>`, `${base}/ars/dossiers/<id>` or `${base}/ans/dossiers/<id>`. */
export function dossierUrl(baseUrl: string, audience: "etablissement" | "ars" | "ans", dossierId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${audience}/dossiers/${encodeURIComponent(dossierId)}`;
}

function formName(kind: GuichetKindName): string {
  return dossierKind(kind).labels.formName;
}

/** The step's name as Convergence capitalises it in its subject ("l'étape Formulaire de dépôt"). */
function stepName(kind: GuichetKindName): string {
  const name = formName(kind);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A header must stay on one line, whatever a label or a name contains. */
export function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

export function mail(subject: string, paragraphs: (string | null | undefined | false)[]): MailContent {
  const body = ["Bonjour,", ...paragraphs.filter((paragraph): paragraph is string => typeof paragraph === "string" && paragraph.length > 0), SIGNATURE];
  return { subject: singleLine(subject), text: `${body.join("\n\n")}\n` };
}

// ---------------------------------------------------------------- submission (source 003: "Emails déclenchés à la soumission du formulaire de dépôt")

export interface SubmissionMailInput extends DossierMailFacts {
  /** A new transmission after a change request (source 003: "après demande de complément"). */
  resubmission?: boolean;
}

/** To the establishment: its form has been transmitted to its ARS. */
export function submittedToEstablishment(input: SubmissionMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const form = formName(input.guichetKind);
  return mail(`[${title}] - Transmission de votre ${form} à ${by.your} – ${input.dossierNumber}`, [
    input.resubmission
      ? `À la suite des compléments apportés et de la nouvelle soumission de votre ${form} au guichet ${title}, votre dossier ${input.dossierNumber} a été transmis à nouveau à ${by.your} qui va pouvoir poursuivre son instruction.`
      : `À la suite de la complétion et de la soumission de votre ${form} au guichet ${title}, votre dossier a été transmis à ${by.your} qui va pouvoir procéder à son instruction.`,
    `${by.Your} s'emploie à traiter celui-ci dans les meilleurs délais.`,
    `Pour suivre l'avancement de votre dossier ${input.dossierNumber}, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

/** To the instructors of the carrier's ARS: a dossier has been transmitted. */
export function submittedToArs(input: SubmissionMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const establishment = singleLine(input.establishmentName);
  return mail(`(${SENDER_NAME}) Transmission du ${formName(input.guichetKind)} ${title} – ${input.dossierNumber} - ${establishment}`, [
    `Le dossier numéro ${input.dossierNumber} a été transmis par l'établissement de santé ${establishment}.`,
    input.resubmission && `Il s'agit d'une nouvelle transmission, à la suite de la demande de complément de ${by.your}.`,
    `Connectez-vous avec vos identifiants à votre espace pour accéder à ce dossier : ${input.link}`,
  ]);
}

// ---------------------------------------------------------------- change request (source 003: "Email déclenché à la demande de modification par l'ARS")

/** source 003 / lib/dossiers/instruction.ts: why a field or document must be reworked. */
export const CHANGE_REASON_LABELS: Record<string, string> = {
  INCORRECT: "Incorrect",
  INCOMPLETE: "Incomplet",
  OUTDATED: "Obsolète",
};

export interface ChangePointInput {
  /** The field or document concerned, as the form names it. */
  label: string;
  /** INCORRECT | INCOMPLETE | OUTDATED (or an already French label). */
  reason: string;
  comment?: string | null;
}

export interface ChangesRequestedMailInput extends DossierMailFacts {
  /** The ARS's message (required when the request is made). */
  message: string;
  points: ChangePointInput[];
}

function changePointLine(point: ChangePointInput): string {
  const reason = CHANGE_REASON_LABELS[point.reason] ?? point.reason;
  const comment = point.comment?.trim();
  return `- ${singleLine(point.label)} : ${reason.toLowerCase()}${comment ? ` — ${comment}` : ""}`;
}

/** To the establishment: its ARS asks for changes before it can instruct further. */
export function changesRequested(input: ChangesRequestedMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const form = formName(input.guichetKind);
  return mail(`[${title}] - Demande de complément de l'étape ${stepName(input.guichetKind)} du dossier ${input.dossierNumber}`, [
    `Dans le cadre de l'instruction de votre dossier ${input.dossierNumber} par ${by.the}, nous vous informons qu'une demande de complément a été émise concernant la complétion de votre ${form} au guichet ${title}.`,
    `Message de ${by.your} :\n${input.message.trim()}`,
    input.points.length > 0 && `Éléments à reprendre :\n${input.points.map(changePointLine).join("\n")}`,
    `Pour consulter cette demande, veuillez vous connecter au ${SENDER_NAME} à l'aide de vos identifiants :\n${input.link}`,
    `Vous pourrez ensuite modifier votre saisie et, une fois les corrections apportées, transmettre à nouveau le formulaire à ${by.your} via le ${SENDER_NAME}.`,
  ]);
}

// ---------------------------------------------------------------- decision (source 003: "Emails déclenchés à la validation ou refus du formulaire de dépôt")

export interface DecidedAmount {
  finess: string;
  name: string;
  /** The amount decided by the ARS for this EJ, in cents. */
  decidedCents: Cents;
  /** The most the ARS could decide (eligible amount capped at the declared expenses); null when not recorded. */
  capCents?: Cents | null;
  /** Why the ARS decided less than the cap (issue 9: required then). */
  partialAwardReason?: string | null;
  /** 2027–2028: the verdict on each declared objective (source 000); absent when the decision has none. */
  objectives?: { code: string; reached: boolean; reason: string }[] | null;
}

export interface AcceptedMailInput extends DossierMailFacts {
  /** Per EJ of the dossier; empty when the decision carries no amount (a candidature). */
  amounts: DecidedAmount[];
}

function amountLines(amount: DecidedAmount, by: { your: string }): string {
  const cap = amount.capCents ?? null;
  const partial = cap !== null && amount.decidedCents < cap;
  const reason = amount.partialAwardReason?.trim();
  const head = `- ${singleLine(amount.name)} (FINESS ${amount.finess}) : ${formatEuros(amount.decidedCents)}${partial ? ` accordés sur un montant maximal de ${formatEuros(cap)}` : ""}`;
  const lines = [head];
  if (amount.objectives) {
    const validated = amount.objectives.filter((objective) => objective.reached).map((objective) => objective.code);
    lines.push(`  Objectifs validés : ${validated.length} sur ${amount.objectives.length} déclarés${validated.length > 0 ? ` (${validated.join(", ")})` : ""}`);
    for (const objective of amount.objectives.filter((candidate) => !candidate.reached)) lines.push(`  Objectif ${objective.code} non atteint : ${objective.reason.replace(/\s*\n\s*/g, " ")}`);
  }
  // The reason keeps its line breaks, indented under its EJ.
  if (partial && reason) lines.push(`  Motif indiqué par ${by.your} : ${reason.replace(/\s*\n\s*/g, "\n  ")}`);
  return lines.join("\n");
}

/**
 * To the establishment: its ARS accepted the form (source 003: « Votre
 * formulaire de dépôt au guichet … a été accepté par votre ARS. »), with the
 * amount decided for each EJ and, for an amount below the maximum, its reason.
 */
export function accepted(input: AcceptedMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const form = formName(input.guichetKind);
  const total = input.amounts.reduce((sum, amount) => sum + amount.decidedCents, 0);
  const lines = input.amounts.map((amount) => amountLines(amount, by));
  return mail(`(${SENDER_NAME}) ${stepName(input.guichetKind)} ${title} accepté - ${input.dossierNumber}`, [
    `Votre ${form} au guichet ${title} a été accepté par ${by.your}.`,
    `Dossier : ${input.dossierNumber}`,
    input.amounts.length === 1 && `Montant accordé par ${by.your} :\n${lines[0]}`,
    input.amounts.length > 1 && `Montants accordés par ${by.your} :\n${lines.join("\n")}\nTotal : ${formatEuros(total)}`,
    `Pour consulter la décision, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

export interface RefusedMailInput extends DossierMailFacts {
  /** The reason given by the ARS (required when it refuses). */
  reason: string | null;
}

/** To the establishment: its ARS refused the dossier, and why. */
export function refused(input: RefusedMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const reason = input.reason?.trim();
  return mail(`(${SENDER_NAME}) Dossier refusé - ${input.dossierNumber}`, [
    `Nous vous informons que votre dossier ${input.dossierNumber} au guichet ${title} a été refusé.`,
    reason && `Motif indiqué par ${by.your} :\n${reason}`,
    `Pour consulter votre dossier, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`,
  ]);
}

// ---------------------------------------------------------------- reminders (establishment journey: a dossier not yet (re)transmitted)

export interface DraftReminderMailInput extends DossierMailFacts {
  /**
   * The last day (Paris, inclusive) on which the dossier can still be transmitted:
   * the guichet's closing day for a draft, the end of instruction for a dossier
   * sent back by the ARS (lib/dossiers/machine.ts: deadlineAllows).
   */
  deadline: CalendarDate;
  /** Days left to transmit, counting today (the last day is 1). */
  daysLeft: number;
  /** A dossier sent back by the ARS is awaiting its completions, not a first transmission. */
  status: "DRAFT" | "CHANGES_REQUESTED";
}

/** To the referents of a draft not yet transmitted a few days before its guichet closes. */
export function draftReminder(input: DraftReminderMailInput): MailContent {
  const by = instructorWords(input.guichetKind);
  const title = guichetTitle(input.guichetLabel, input.guichetYear);
  const form = formName(input.guichetKind);
  const establishment = singleLine(input.establishmentName);
  const lastMoment = `${formatCalendarDate(input.deadline)} à 23 h 59 (heure de Paris)`;
  const login = `Pour compléter et transmettre votre dossier, connectez-vous au ${SENDER_NAME} avec vos identifiants :\n${input.link}`;
  const daysLeft = input.daysLeft <= 1 ? "c'est aujourd'hui le dernier jour" : `il vous reste ${input.daysLeft} jours`;
  if (input.status === "CHANGES_REQUESTED") {
    return mail(`[${title}] - Rappel : complément attendu sur votre dossier ${input.dossierNumber}`, [
      `${by.Your} a demandé un complément sur votre dossier ${input.dossierNumber} (${establishment}) au guichet ${title} : le dossier ne lui a pas encore été transmis à nouveau.`,
      `Vous pouvez le transmettre à nouveau jusqu'à la fin de l'instruction, le ${lastMoment} : ${daysLeft} pour apporter les corrections demandées.`,
      login,
    ]);
  }
  return mail(`[${title}] - Rappel : votre dossier ${input.dossierNumber} n'est pas encore transmis à ${by.your}`, [
    `Votre dossier ${input.dossierNumber} (${establishment}) n'a pas encore été transmis à ${by.your}.`,
    `Le guichet ${title} ferme le ${lastMoment} : ${daysLeft} pour compléter et transmettre votre ${form}.`,
    "Un dossier qui n'est pas transmis avant la fermeture du guichet ne pourra pas être instruit.",
    login,
  ]);
}
