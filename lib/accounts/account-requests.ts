/**
 * Account requests (issue 13 §1): a person asks on the public form to act for an EJ, confirms
 * the e-mail address through a single-use, expiring link (only the token's SHA-256 is stored),
 * then a referent of the EJ, else its ARS, or the DNS approves (the account is created with a
 * set-password link) or refuses with a reason. Every change is one transaction with its
 * audit row (lib/audit) and its outbox e-mails.
 */
import { hashToken, newToken, type LinkOptions } from "@/lib/admin/accounts";
import { auditSubject, recordAudit, type AuditAction } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { calendarDateFromDb, formatCalendarDate, parisDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, NotFoundError, parseOrThrow, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveLegalEntityFiness } from "@/lib/reference/public-legal-entity-lookup";
import { ACCOUNT_REQUEST_TEMPLATES, baseUrlOf, confirmEmailMail, confirmEmailUrl, refusedMail, toApproveMail } from "./account-request-mails";
import { canDecideRequest, decidableEntityFilter, requestEntityScopeSelect, toRequestEntityScope } from "./approvers";
import { grantReferentAccess } from "./grant-access";
import {
  EMAIL_LINK_MESSAGES,
  accountRequestSchema,
  emailLinkExpiry,
  emailLinkState,
  openKeyOf,
  type AccountRequestInput,
  type DecideRequestValues,
  type EmailLinkState,
} from "./request-schemas";

type Tx = Prisma.TransactionClient;

export const DUPLICATE_REQUEST_MESSAGE =
  "Une demande de compte est déjà en cours pour cette adresse e-mail et cet établissement : confirmez votre adresse avec le lien reçu par e-mail, ou attendez la réponse à votre demande.";
export const ALREADY_LINKED_MESSAGE = "Cette adresse e-mail est déjà celle d'un référent de cet établissement : connectez-vous avec votre compte.";
export const ALREADY_DECIDED_MESSAGE = "Cette demande a déjà été traitée entre-temps : rechargez la page.";

export function unknownFinessMessage(finess: string): string {
  return `Aucun établissement ne porte le numéro FINESS ${finess} : vérifiez le FINESS juridique (EJ) ou géographique (EG) de votre établissement.`;
}

export function closedFinessMessage(finess: string, closedOn: Date): string {
  return `L'établissement de FINESS ${finess} est fermé au répertoire FINESS depuis le ${formatCalendarDate(calendarDateFromDb(closedOn))} : il ne peut plus recevoir de demande de compte.`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function audit(tx: Tx, at: Date, actor: CurrentUser | null, action: AuditAction, requestId: string, { before, after, ...details }: Record<string, unknown>) {
  return recordAudit(tx, { at, actor, action, subject: auditSubject.accountRequest(requestId), before, after, details });
}

/**
 * The public form: checks the FINESS (an EG's is resolved to its EJ), records the request and
 * e-mails the confirmation link. A second open request for the same person and EJ is refused and
 * nothing is written: the unique openKey decides, even for two submissions at the same instant.
 */
export async function submitAccountRequest(db: Database, input: AccountRequestInput, options: LinkOptions): Promise<{ requestId: string; email: string; legalEntityName: string }> {
  const values = parseOrThrow(accountRequestSchema, input);
  const entity = await resolveLegalEntityFiness(db, values.finess);
  if (!entity) throw new ValidationError({ finess: [unknownFinessMessage(values.finess)] });
  // closedOn is a Paris calendar day: closed from that day on.
  if (entity.closedOn && calendarDateFromDb(entity.closedOn) <= parisDate(options.at)) throw new ValidationError({ finess: [closedFinessMessage(values.finess, entity.closedOn)] });
  const linked = await db.referentLink.findFirst({ where: { legalEntityFiness: entity.finess, user: { email: values.email } }, select: { userId: true } });
  if (linked) throw new InvalidStateError(ALREADY_LINKED_MESSAGE);

  const openKey = openKeyOf(values.email, entity.finess);
  const token = newToken();
  const expiresAt = emailLinkExpiry(options.at);
  try {
    return await db.$transaction(async (tx) => {
      // A request whose link expired unused no longer blocks a new one.
      await tx.accountRequest.updateMany({ where: { openKey, status: "EMAIL_PENDING", emailTokenExpiresAt: { lte: options.at } }, data: { openKey: null, status: "EXPIRED" } });
      const request = await tx.accountRequest.create({
        data: {
          email: values.email,
          name: values.name,
          jobTitle: values.jobTitle,
          legalEntityFiness: entity.finess,
          requestedFiness: values.finess,
          status: "EMAIL_PENDING",
          openKey,
          emailTokenHash: hashToken(token),
          emailTokenExpiresAt: expiresAt,
          createdAt: options.at,
        },
      });
      const mail = confirmEmailMail({ name: values.name, legalEntityName: entity.name, legalEntityFiness: entity.finess, link: confirmEmailUrl(options.baseUrl, token), expiresAt });
      await tx.outboxEmail.create({ data: { template: ACCOUNT_REQUEST_TEMPLATES.confirmEmail, toAddress: values.email, subject: mail.subject, textBody: mail.text, createdAt: options.at } });
      await audit(tx, options.at, null, "account.request.submitted", request.id, {
        email: values.email,
        legalEntityFiness: entity.finess,
        requestedFiness: values.finess,
        before: null,
        after: { status: "EMAIL_PENDING" },
      });
      return { requestId: request.id, email: values.email, legalEntityName: entity.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidStateError(DUPLICATE_REQUEST_MESSAGE);
    throw error;
  }
}

/** For the confirmation page: may this link be used now? */
export async function emailLinkStatus(db: Database, token: string, at: Date): Promise<EmailLinkState> {
  const row = await db.accountRequest.findUnique({ where: { emailTokenHash: hashToken(token) }, select: { emailTokenExpiresAt: true, emailConfirmedAt: true, status: true } });
  return emailLinkState(row, at);
}

/** Who is told that a confirmed request waits: the referents who may act for the EJ, else its ARS. */
async function notifyApprovers(tx: Tx, request: { name: string; email: string; jobTitle: string }, entity: { finess: string; name: string; regionCode: string; ghtSupportFiness: string | null }, options: LinkOptions) {
  const base = baseUrlOf(options.baseUrl);
  const referents = await tx.user.findMany({
    where: { active: true, legalEntities: { some: { legalEntityFiness: { in: [entity.finess, ...(entity.ghtSupportFiness ? [entity.ghtSupportFiness] : [])] } } } },
    select: { email: true },
  });
  const recipients = referents.length
    ? { emails: referents.map((user) => user.email), link: `${base}/etablissement/equipe?ej=${entity.finess}` }
    : {
        emails: (await tx.user.findMany({ where: { active: true, role: "ARS_INSTRUCTOR", regionCode: entity.regionCode }, select: { email: true } })).map((user) => user.email),
        link: `${base}/ars/demandes-de-compte`,
      };
  const mail = toApproveMail({ legalEntityName: entity.name, legalEntityFiness: entity.finess, requesterName: request.name, requesterEmail: request.email, jobTitle: request.jobTitle, link: recipients.link });
  if (recipients.emails.length === 0) return; // The DNS still sees it on /admin/comptes/demandes.
  await tx.outboxEmail.createMany({
    data: recipients.emails.map((toAddress) => ({ template: ACCOUNT_REQUEST_TEMPLATES.toApprove, toAddress, subject: mail.subject, textBody: mail.text, createdAt: options.at })),
  });
}

/**
 * Uses the confirmation link: claimed by one conditional update (unused, unexpired), so it works
 * once even when submitted twice at once. The request then waits for its approvers.
 */
export async function confirmRequestEmail(db: Database, token: string, options: LinkOptions): Promise<{ legalEntityName: string }> {
  const emailTokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const { count } = await tx.accountRequest.updateMany({
      where: { emailTokenHash, status: "EMAIL_PENDING", emailConfirmedAt: null, emailTokenExpiresAt: { gt: options.at } },
      data: { status: "PENDING_APPROVAL", emailConfirmedAt: options.at },
    });
    if (count !== 1) {
      const row = await tx.accountRequest.findUnique({ where: { emailTokenHash }, select: { emailTokenExpiresAt: true, emailConfirmedAt: true, status: true } });
      const state = emailLinkState(row, options.at);
      throw new InvalidStateError(EMAIL_LINK_MESSAGES[state === "valid" ? "unknown" : state]);
    }
    const request = await tx.accountRequest.findUniqueOrThrow({
      where: { emailTokenHash },
      select: { id: true, name: true, email: true, jobTitle: true, legalEntity: { select: requestEntityScopeSelect } },
    });
    const entity = toRequestEntityScope(request.legalEntity);
    await notifyApprovers(tx, request, entity, options);
    await audit(tx, options.at, null, "account.request.email-confirmed", request.id, { email: request.email, before: { status: "EMAIL_PENDING" }, after: { status: "PENDING_APPROVAL" } });
    return { legalEntityName: entity.name };
  });
}

export interface RequestToDecide {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  legalEntityFiness: string;
  legalEntityName: string;
  /** The FINESS typed, when it was an EG's. */
  requestedFiness: string;
  emailConfirmedAt: Date | null;
  createdAt: Date;
}

/** The confirmed requests `actor` may decide on (optionally for one EJ), oldest first. */
export async function listRequestsToDecide(db: Database, actor: CurrentUser, filter: { legalEntityFiness?: string } = {}): Promise<RequestToDecide[]> {
  if (actor.role === "ANS_INSTRUCTOR") throw new ForbiddenError("ANS instructors decide no account request");
  const rows = await db.accountRequest.findMany({
    where: { status: "PENDING_APPROVAL", legalEntityFiness: filter.legalEntityFiness, legalEntity: decidableEntityFilter(actor) },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, name: true, email: true, jobTitle: true, legalEntityFiness: true, requestedFiness: true, emailConfirmedAt: true, createdAt: true, legalEntity: { select: { name: true } } },
  });
  return rows.map(({ legalEntity, ...row }) => ({ ...row, legalEntityName: legalEntity.name }));
}

/**
 * Approves (account created or linked, set-password link) or refuses (e-mail with the reason) a
 * confirmed request. Who may decide is checked on the request's EJ as it is in the transaction;
 * the conditional update makes two deciders at once end with one decision.
 */
export async function decideAccountRequest(db: Database, actor: CurrentUser, input: DecideRequestValues, options: LinkOptions): Promise<{ status: "APPROVED" | "REFUSED"; userId: string | null }> {
  return db.$transaction(async (tx) => {
    const request = await tx.accountRequest.findUnique({
      where: { id: input.requestId },
      select: { id: true, email: true, name: true, jobTitle: true, status: true, legalEntity: { select: requestEntityScopeSelect } },
    });
    if (!request) throw new NotFoundError(`account request ${input.requestId}`, "Cette demande de compte est introuvable.");
    const entity = toRequestEntityScope(request.legalEntity);
    if (!canDecideRequest(actor, entity)) throw new ForbiddenError(`user ${actor.id} may not decide account request ${request.id}`);
    const status = input.decision === "approve" ? "APPROVED" : "REFUSED";
    const reason = input.decision === "refuse" ? input.reason : null;
    const { count } = await tx.accountRequest.updateMany({
      where: { id: request.id, status: "PENDING_APPROVAL" },
      data: { status, openKey: null, decidedById: actor.id, decidedAt: options.at, refusalReason: reason },
    });
    if (count !== 1) throw new InvalidStateError(request.status === "EMAIL_PENDING" ? "Cette demande attend encore la confirmation de l'adresse e-mail." : ALREADY_DECIDED_MESSAGE);
    let userId: string | null = null;
    if (status === "APPROVED") {
      ({ userId } = await grantReferentAccess(tx, request, entity, options));
      await tx.accountRequest.update({ where: { id: request.id }, data: { userId } });
    } else {
      const mail = refusedMail({ name: request.name, legalEntityName: entity.name, legalEntityFiness: entity.finess, reason: reason ?? "" });
      await tx.outboxEmail.create({ data: { template: ACCOUNT_REQUEST_TEMPLATES.refused, toAddress: request.email, subject: mail.subject, textBody: mail.text, createdAt: options.at } });
    }
    await audit(tx, options.at, actor, status === "APPROVED" ? "account.request.approved" : "account.request.refused", request.id, {
      email: request.email,
      legalEntityFiness: entity.finess,
      before: { status: "PENDING_APPROVAL" },
      after: { status, userId, reason },
    });
    return { status, userId };
  });
}
