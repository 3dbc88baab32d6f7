/**
 * DNS administration of accounts: instructors and admins (created with a
 * set-password link sent through the outbox), activation, referent links, and
 * the public use of a set-password link. Every change is one transaction with
 * its audit row (lib/audit: who, when, before → after).
 */
import { createHash, randomBytes } from "node:crypto";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, NotFoundError, parseOrThrow, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  PASSWORD_TOKEN_MESSAGES,
  createAccountSchema,
  passwordLinkExpiry,
  passwordLinkMail,
  passwordTokenState,
  type CreateAccountInput,
  type PasswordTokenState,
} from "./account-schemas";

type Tx = Prisma.TransactionClient;

export const PASSWORD_LINK_TEMPLATE = "account-set-password";

export function assertAdmin(actor: CurrentUser): void {
  if (actor.role !== "DNS_ADMIN") throw new ForbiddenError(`role ${actor.role} is not DNS_ADMIN`);
}

/** SHA-256 hex of a token: the only form stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function passwordLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/mot-de-passe/${token}`;
}

// An account created by an admin cannot sign in before its owner sets a password:
// bcrypt never matches a string that is not a 60-character hash.
export const UNUSABLE_PASSWORD = "!password-not-set";

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  hasPassword: boolean;
  legalEntities: number;
  secondFactors: number;
}

export interface AccountFilters {
  role?: Role;
  regionCode?: string;
}

export async function listAccounts(db: Database, actor: CurrentUser, filters: AccountFilters = {}): Promise<AccountRow[]> {
  assertAdmin(actor);
  const rows = await db.user.findMany({
    where: { role: filters.role, regionCode: filters.regionCode },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      regionCode: true,
      region: { select: { name: true } },
      active: true,
      lastSignInAt: true,
      createdAt: true,
      passwordHash: true,
      _count: { select: { legalEntities: true, secondFactors: true } },
    },
    take: 1000,
  });
  return rows.map(({ passwordHash, region, _count, ...row }) => ({
    ...row,
    regionName: region?.name ?? null,
    hasPassword: passwordHash !== UNUSABLE_PASSWORD,
    legalEntities: _count.legalEntities,
    secondFactors: _count.secondFactors,
  }));
}

export interface LinkOptions {
  at: Date;
  baseUrl: string;
}

/** Also used when an account request is approved (lib/accounts/grant-access.ts). */
export async function issuePasswordLink(tx: Tx, user: { id: string; email: string; name: string }, reason: "created" | "resent", { at, baseUrl }: LinkOptions) {
  const token = newToken();
  const expiresAt = passwordLinkExpiry(at);
  // A new link supersedes the previous ones still unused.
  await tx.passwordSetToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
  await tx.passwordSetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: at } });
  const mail = passwordLinkMail({ name: user.name, link: passwordLinkUrl(baseUrl, token), expiresAt, reason });
  // Dated by the portal's clock (simulated in demo), as the mailbox shows it; never the database's now().
  await tx.outboxEmail.create({ data: { template: PASSWORD_LINK_TEMPLATE, toAddress: user.email, subject: mail.subject, textBody: mail.text, createdAt: at } });
  return { token, expiresAt };
}

const DUPLICATE_EMAIL = "Un compte existe déjà avec cette adresse e-mail.";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Creates an ARS instructor (with its region), a national ANS instructor (no region) or a DNS admin, and e-mails a set-password link. */
export async function createStaffAccount(db: Database, actor: CurrentUser, input: CreateAccountInput, options: LinkOptions): Promise<{ userId: string }> {
  assertAdmin(actor);
  const values = parseOrThrow(createAccountSchema, input);
  if (values.regionCode && !(await db.region.findUnique({ where: { code: values.regionCode } }))) {
    throw new ValidationError({ regionCode: ["Cette région est inconnue."] });
  }
  if (await db.user.findUnique({ where: { email: values.email }, select: { id: true } })) throw new ValidationError({ email: [DUPLICATE_EMAIL] });
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: values.email, name: values.name, role: values.role, regionCode: values.regionCode ?? null, passwordHash: UNUSABLE_PASSWORD, createdAt: options.at },
      });
      await issuePasswordLink(tx, user, "created", options);
      await recordAudit(tx, {
        at: options.at,
        actor,
        action: "admin.account.created",
        subject: auditSubject.user(user.id),
        before: null,
        after: { email: user.email, name: user.name, role: user.role, regionCode: user.regionCode, active: user.active },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // Two admins creating the same e-mail at once: the unique index decides.
    if (isUniqueViolation(error)) throw new ValidationError({ email: [DUPLICATE_EMAIL] });
    throw error;
  }
}

export const LAST_ADMIN_MESSAGE = "Ce compte est le dernier administrateur DNS actif : il ne peut pas être désactivé.";

/**
 * Disables or re-enables an account. Disabling an admin locks every active
 * admin row (FOR UPDATE, in id order) before counting them, so two admins
 * disabling each other at once are serialised: the second sees the first's
 * change and is refused if it would leave no active admin.
 */
export async function setAccountActive(db: Database, actor: CurrentUser, userId: string, active: boolean, at: Date): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    // Re-enabling never removes an admin: no need to serialise it with the others.
    const activeAdmins = active
      ? []
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'DNS_ADMIN' AND active ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true, email: true } });
    if (!target) throw new NotFoundError(`user ${userId}`, "Ce compte est introuvable.");
    if (target.active === active) {
      throw new InvalidStateError(active ? "Ce compte est déjà actif." : "Ce compte est déjà désactivé.");
    }
    if (!active && target.role === "DNS_ADMIN" && activeAdmins.every((admin) => admin.id === userId)) throw new InvalidStateError(LAST_ADMIN_MESSAGE);
    const { count } = await tx.user.updateMany({ where: { id: userId, active: !active }, data: { active } });
    if (count !== 1) throw new InvalidStateError("Ce compte a été modifié entre-temps : rechargez la page.");
    if (!active) await endSessionsOf(tx, userId, "disabled");
    await recordAudit(tx, {
      at,
      actor,
      action: active ? "admin.account.enabled" : "admin.account.disabled",
      subject: auditSubject.user(userId),
      before: { active: !active },
      after: { active },
      details: { email: target.email },
    });
  });
}

/** Sends a new set-password link (the previous unused ones stop working). */
export async function resendPasswordLink(db: Database, actor: CurrentUser, userId: string, options: LinkOptions): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, active: true } });
    if (!user) throw new NotFoundError(`user ${userId}`, "Ce compte est introuvable.");
    if (!user.active) throw new InvalidStateError("Ce compte est désactivé : réactivez-le avant d'envoyer un lien.");
    const { expiresAt } = await issuePasswordLink(tx, user, "resent", options);
    await recordAudit(tx, {
      at: options.at,
      actor,
      action: "admin.account.password-link",
      subject: auditSubject.user(userId),
      before: null,
      after: { linkExpiresAt: expiresAt.toISOString() },
      details: { email: user.email },
    });
  });
}

export interface ReferentsOfLegalEntity {
  finess: string;
  name: string;
  regionCode: string;
  referents: { userId: string; email: string; name: string; active: boolean; linkedAt: Date }[];
}

const referentsSelect = {
  finess: true,
  name: true,
  regionCode: true,
  referents: { orderBy: { createdAt: "asc" }, select: { createdAt: true, user: { select: { id: true, email: true, name: true, active: true } } } },
} satisfies Prisma.LegalEntitySelect;

function toReferentsOfLegalEntity(row: Prisma.LegalEntityGetPayload<{ select: typeof referentsSelect }>): ReferentsOfLegalEntity {
  return {
    finess: row.finess,
    name: row.name,
    regionCode: row.regionCode,
    referents: row.referents.map((link) => ({ userId: link.user.id, email: link.user.email, name: link.user.name, active: link.user.active, linkedAt: link.createdAt })),
  };
}

/** EJ matching a FINESS prefix or a name fragment, with their referents (at most 50 EJ). */
export async function searchReferents(db: Database, actor: CurrentUser, search: string): Promise<ReferentsOfLegalEntity[]> {
  assertAdmin(actor);
  const term = search.trim();
  if (term.length < 2) return [];
  const rows = await db.legalEntity.findMany({
    where: /^\d/.test(term) ? { finess: { startsWith: term.toUpperCase() } } : { name: { contains: term, mode: "insensitive" } },
    orderBy: { name: "asc" },
    take: 50,
    select: referentsSelect,
  });
  return rows.map(toReferentsOfLegalEntity);
}

/** The referents of one EJ (null when the EJ does not exist). */
export async function referentsOfLegalEntity(db: Database, actor: CurrentUser, finess: string): Promise<ReferentsOfLegalEntity | null> {
  assertAdmin(actor);
  const row = await db.legalEntity.findUnique({ where: { finess }, select: referentsSelect });
  return row ? toReferentsOfLegalEntity(row) : null;
}

/** Removes one referent from one EJ (the account itself stays). */
export async function removeReferentLink(db: Database, actor: CurrentUser, userId: string, legalEntityFiness: string, at: Date): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.referentLink.findMany({ where: { userId }, select: { legalEntityFiness: true }, orderBy: { legalEntityFiness: "asc" } });
    const { count } = await tx.referentLink.deleteMany({ where: { userId, legalEntityFiness } });
    if (count !== 1) throw new NotFoundError(`referent link ${userId}/${legalEntityFiness}`, "Ce référent n'est plus rattaché à cet établissement.");
    const beforeList = before.map((link) => link.legalEntityFiness);
    await recordAudit(tx, {
      at,
      actor,
      action: "admin.account.referent.removed",
      subject: auditSubject.user(userId),
      before: { legalEntities: beforeList },
      after: { legalEntities: beforeList.filter((finess) => finess !== legalEntityFiness) },
      details: { legalEntityFiness },
    });
  });
}

/** For the public page: may this link be used now? */
export async function passwordTokenStatus(db: Database, token: string, at: Date): Promise<PasswordTokenState> {
  const row = await db.passwordSetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { expiresAt: true, usedAt: true, user: { select: { active: true } } } });
  if (row && !row.user.active) return "unknown";
  return passwordTokenState(row, at);
}

/**
 * Sets the password of the link's account and uses the link up. The link is
 * claimed by one conditional update (unused and unexpired), so it works once
 * even when submitted twice at the same time.
 */
export async function setPasswordWithToken(db: Database, token: string, password: string, at: Date): Promise<{ email: string }> {
  const tokenHash = hashToken(token);
  const passwordHash = await hashPassword(password); // slow: outside the transaction
  return db.$transaction(async (tx) => {
    const { count } = await tx.passwordSetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: at }, user: { active: true } },
      data: { usedAt: at },
    });
    if (count !== 1) {
      const row = await tx.passwordSetToken.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true, user: { select: { active: true } } } });
      const state = row && !row.user.active ? "unknown" : passwordTokenState(row, at);
      throw new InvalidStateError(PASSWORD_TOKEN_MESSAGES[state === "valid" ? "unknown" : state]);
    }
    const { userId } = await tx.passwordSetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true, email: true, role: true } });
    // A new password ends every session opened with the old one.
    await endSessionsOf(tx, userId, "password");
    await recordAudit(tx, { at, actor: user, action: "account.password.set", subject: auditSubject.user(user.id), details: { via: "set-password-link" } });
    return { email: user.email };
  });
}
