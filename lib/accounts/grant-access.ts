/**
 * What an approved request or an invitation grants: a referent account for the person (with a
 * set-password link, the flow of /mot-de-passe/[token]) or, when a referent account already has
 * that e-mail, one more EJ for it. Runs inside the caller's transaction.
 */
import { UNUSABLE_PASSWORD, issuePasswordLink, type LinkOptions } from "@/lib/admin/accounts";
import { InvalidStateError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ACCOUNT_REQUEST_TEMPLATES, baseUrlOf, linkAddedMail } from "./account-request-mails";

type Tx = Prisma.TransactionClient;

export const STAFF_EMAIL_MESSAGE = "Cette adresse e-mail est celle d'un compte instructeur ou administrateur : elle ne peut pas être rattachée à un établissement.";
export const DISABLED_ACCOUNT_MESSAGE = "Le compte de cette adresse e-mail est désactivé : l'administration DNS doit le réactiver avant de le rattacher à un établissement.";
export const ALREADY_REFERENT_MESSAGE = "Cette personne est déjà référente de cet établissement.";

export interface Person {
  email: string;
  name: string;
  jobTitle: string;
}

export async function grantReferentAccess(
  tx: Tx,
  person: Person,
  entity: { finess: string; name: string },
  options: LinkOptions,
): Promise<{ userId: string; createdAccount: boolean }> {
  const existing = await tx.user.findUnique({
    where: { email: person.email },
    select: { id: true, name: true, email: true, role: true, active: true, jobTitle: true, passwordHash: true, legalEntities: { where: { legalEntityFiness: entity.finess }, select: { userId: true } } },
  });
  if (!existing) {
    const user = await tx.user.create({
      data: {
        email: person.email,
        name: person.name,
        jobTitle: person.jobTitle,
        role: "ESTABLISHMENT_REFERENT",
        passwordHash: UNUSABLE_PASSWORD,
        createdAt: options.at,
        legalEntities: { create: { legalEntityFiness: entity.finess, createdAt: options.at } },
      },
    });
    await issuePasswordLink(tx, user, "created", options);
    return { userId: user.id, createdAccount: true };
  }
  if (existing.role !== "ESTABLISHMENT_REFERENT") throw new InvalidStateError(STAFF_EMAIL_MESSAGE);
  if (!existing.active) throw new InvalidStateError(DISABLED_ACCOUNT_MESSAGE);
  if (existing.legalEntities.length > 0) throw new InvalidStateError(ALREADY_REFERENT_MESSAGE);
  await tx.referentLink.create({ data: { userId: existing.id, legalEntityFiness: entity.finess, createdAt: options.at } });
  if (!existing.jobTitle) await tx.user.update({ where: { id: existing.id }, data: { jobTitle: person.jobTitle } });
  if (existing.passwordHash === UNUSABLE_PASSWORD) {
    // Never chose a password: a new link, the old ones stop working.
    await issuePasswordLink(tx, existing, "created", options);
  } else {
    const mail = linkAddedMail({ name: existing.name, legalEntityName: entity.name, legalEntityFiness: entity.finess, link: `${baseUrlOf(options.baseUrl)}/connexion` });
    await tx.outboxEmail.create({ data: { template: ACCOUNT_REQUEST_TEMPLATES.linkAdded, toAddress: existing.email, subject: mail.subject, textBody: mail.text, createdAt: options.at } });
  }
  return { userId: existing.id, createdAccount: false };
}
