/**
 * The team of an EJ (issue 13 §1.3): its referents, the invitation of a colleague, the removal
 * of a colleague's link, and the hand-over of the « référent qui complète le dossier »
 * (Dossier.completedById, the recipient of the dossier e-mails, source 003) so that a referent
 * who leaves leaves the EJ's dossiers intact. Every change is one transaction with its audit row (lib/audit).
 */
import { UNUSABLE_PASSWORD, type LinkOptions } from "@/lib/admin/accounts";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, legalEntityScopeFilter } from "@/lib/auth/scope";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dossierEventLabel } from "@/lib/dossiers/event-labels";
import { instructorWords } from "@/lib/dossiers/instructor-words";
import { grantReferentAccess } from "./grant-access";
import { openKeyOf, type InviteColleagueValues } from "./request-schemas";

type Tx = Prisma.TransactionClient | Database;

export const LAST_REFERENT_SELF_MESSAGE = "Vous êtes le dernier référent actif de cet établissement : invitez d'abord un collègue avant de vous retirer.";
export const LAST_REFERENT_MESSAGE = "Cette personne est le dernier référent actif de cet établissement : son rattachement ne peut pas être retiré.";
export const OPEN_REQUEST_MESSAGE = "Une demande de compte de cette personne pour cet établissement est en cours : acceptez-la dans la liste des demandes.";

/** The team is managed by the referents who may act for the EJ, and by the DNS. */
async function managedEntity(tx: Tx, actor: CurrentUser, finess: string): Promise<{ finess: string; name: string }> {
  if (actor.role !== "ESTABLISHMENT_REFERENT" && actor.role !== "DNS_ADMIN") throw new ForbiddenError(`role ${actor.role} manages no team`);
  const entity = await tx.legalEntity.findUnique({ where: { finess }, select: { finess: true, name: true, regionCode: true, ght: { select: { supportFiness: true } } } });
  if (!entity) throw new NotFoundError(`legal entity ${finess}`, "Cet établissement est introuvable.");
  if (!canAccessLegalEntity(actor, { finess: entity.finess, regionCode: entity.regionCode, ghtSupportFiness: entity.ght?.supportFiness ?? null })) {
    throw new ForbiddenError(`user ${actor.id} may not manage the team of ${finess}`);
  }
  return { finess: entity.finess, name: entity.name };
}

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  jobTitle: string | null;
  /** When the person was linked to the EJ. */
  since: Date;
  lastSignInAt: Date | null;
  active: boolean;
  hasPassword: boolean;
}

export interface DossierCompleter {
  userId: string;
  name: string;
  email: string;
  dossiers: number;
  /** Still an active referent of the EJ? If not, the dossiers should be handed over. */
  isMember: boolean;
}

export interface Team {
  finess: string;
  name: string;
  members: TeamMember[];
  /** Who completes the dossiers the EJ carries, and how many each. */
  completers: DossierCompleter[];
}

export async function teamOfLegalEntity(db: Database, actor: CurrentUser, finess: string): Promise<Team> {
  const entity = await managedEntity(db, actor, finess);
  const [links, counts] = await Promise.all([
    db.referentLink.findMany({
      where: { legalEntityFiness: finess },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, user: { select: { id: true, name: true, email: true, jobTitle: true, lastSignInAt: true, active: true, passwordHash: true } } },
    }),
    db.dossier.groupBy({ by: ["completedById"], where: { carrierFiness: finess }, _count: { _all: true } }),
  ]);
  const members = links.map(({ createdAt, user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    jobTitle: user.jobTitle,
    since: createdAt,
    lastSignInAt: user.lastSignInAt,
    active: user.active,
    hasPassword: user.passwordHash !== UNUSABLE_PASSWORD,
  }));
  const users = await db.user.findMany({ where: { id: { in: counts.map((row) => row.completedById) } }, select: { id: true, name: true, email: true } });
  const completers = counts
    .map((row) => {
      const user = users.find((candidate) => candidate.id === row.completedById);
      return {
        userId: row.completedById,
        name: user?.name ?? "",
        email: user?.email ?? "",
        dossiers: row._count._all,
        isMember: members.some((member) => member.userId === row.completedById && member.active),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { ...entity, members, completers };
}

/**
 * Invites a colleague: an approved request (the inviting referent vouches for the person, the
 * set-password link proves the address), then the account or the link as for an approval.
 */
export async function inviteColleague(db: Database, actor: CurrentUser, input: InviteColleagueValues, options: LinkOptions): Promise<{ userId: string; createdAccount: boolean }> {
  return db.$transaction(async (tx) => {
    const entity = await managedEntity(tx, actor, input.legalEntityFiness);
    const openKey = openKeyOf(input.email, entity.finess);
    // A request whose link expired unused does not count as open.
    await tx.accountRequest.updateMany({ where: { openKey, status: "EMAIL_PENDING", emailTokenExpiresAt: { lte: options.at } }, data: { openKey: null, status: "EXPIRED" } });
    if (await tx.accountRequest.findUnique({ where: { openKey }, select: { id: true } })) throw new InvalidStateError(OPEN_REQUEST_MESSAGE);
    const granted = await grantReferentAccess(tx, input, entity, options);
    const request = await tx.accountRequest.create({
      data: {
        email: input.email,
        name: input.name,
        jobTitle: input.jobTitle,
        legalEntityFiness: entity.finess,
        requestedFiness: entity.finess,
        status: "APPROVED",
        invitedById: actor.id,
        decidedById: actor.id,
        decidedAt: options.at,
        userId: granted.userId,
        createdAt: options.at,
      },
    });
    await recordAudit(tx, {
      at: options.at,
      actor,
      action: "account.team.invited",
      subject: auditSubject.user(granted.userId),
      before: null,
      after: { linked: true },
      details: { legalEntityFiness: entity.finess, email: input.email, requestId: request.id, createdAccount: granted.createdAccount },
    });
    return granted;
  });
}

/**
 * Removes a colleague's link to the EJ (the account stays). The EJ's links are locked
 * (FOR UPDATE) before counting its active referents, so two referents removing each other at
 * once are serialised and the EJ never loses its last active referent.
 */
export async function removeColleague(db: Database, actor: CurrentUser, legalEntityFiness: string, userId: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await managedEntity(tx, actor, legalEntityFiness);
    const links = await tx.$queryRaw<{ userId: string; active: boolean }[]>`
      SELECT l."userId", u.active FROM "ReferentLink" l JOIN "User" u ON u.id = l."userId"
      WHERE l."legalEntityFiness" = ${legalEntityFiness} ORDER BY l."userId" FOR UPDATE OF l`;
    const target = links.find((link) => link.userId === userId);
    if (!target) throw new NotFoundError(`referent link ${userId}/${legalEntityFiness}`, "Cette personne n'est plus rattachée à cet établissement.");
    if (target.active && links.filter((link) => link.active).length === 1) throw new InvalidStateError(userId === actor.id ? LAST_REFERENT_SELF_MESSAGE : LAST_REFERENT_MESSAGE);
    await tx.referentLink.delete({ where: { userId_legalEntityFiness: { userId, legalEntityFiness } } });
    await recordAudit(tx, {
      at,
      actor,
      action: "account.team.removed",
      subject: auditSubject.user(userId),
      before: { linked: true },
      after: { linked: false },
      details: { legalEntityFiness, self: userId === actor.id },
    });
  });
}

/**
 * Hands the EJ's dossiers completed by one person over to an active referent of the EJ: the
 * dossiers themselves (data, documents, history) are untouched, only their e-mail recipient changes.
 */
export async function handOverDossiers(
  db: Database,
  actor: CurrentUser,
  input: { legalEntityFiness: string; fromUserId: string; toUserId: string },
  at: Date,
): Promise<{ dossiers: string[] }> {
  return db.$transaction(async (tx) => {
    const entity = await managedEntity(tx, actor, input.legalEntityFiness);
    const receiver = await tx.referentLink.findUnique({
      where: { userId_legalEntityFiness: { userId: input.toUserId, legalEntityFiness: entity.finess } },
      select: { user: { select: { active: true } } },
    });
    if (!receiver?.user.active) throw new ValidationError({ toUserId: ["Choisissez un référent actif de cet établissement."] });
    const dossiers = await tx.dossier.findMany({ where: { carrierFiness: entity.finess, completedById: input.fromUserId }, select: { id: true, number: true }, orderBy: { number: "asc" } });
    if (dossiers.length === 0) throw new InvalidStateError("Aucun dossier de cet établissement n'est complété par cette personne.");
    // Conditional on the completer read above: a concurrent hand-over of the same dossiers changes none twice.
    const { count } = await tx.dossier.updateMany({ where: { id: { in: dossiers.map((dossier) => dossier.id) }, completedById: input.fromUserId }, data: { completedById: input.toUserId } });
    if (count !== dossiers.length) throw new InvalidStateError("Ces dossiers ont été transmis entre-temps : rechargez la page.");
    const numbers = dossiers.map((dossier) => dossier.number);
    await recordAudit(tx, {
      at,
      actor,
      action: "account.team.dossiers-handed-over",
      subject: auditSubject.legalEntity(entity.finess),
      before: { completedById: input.fromUserId },
      after: { completedById: input.toUserId },
      details: { dossiers: numbers },
    });
    return { dossiers: numbers };
  });
}

/** The EJ whose team `actor` manages (for the EJ chooser of the team page). */
export async function teamEntitiesOf(db: Database, actor: CurrentUser): Promise<{ finess: string; name: string }[]> {
  if (actor.role !== "ESTABLISHMENT_REFERENT" && actor.role !== "DNS_ADMIN") throw new ForbiddenError(`role ${actor.role} manages no team`);
  return db.legalEntity.findMany({ where: legalEntityScopeFilter(actor), orderBy: { name: "asc" }, take: 200, select: { finess: true, name: true } });
}

export interface TeamActivity {
  at: Date;
  actorName: string;
  dossierId: string;
  dossierNumber: string;
  guichetLabel: string;
  label: string;
}

/**
 * Who did what (issue 13 §1): the latest steps of the EJ's referents on the dossiers it carries —
 * creations, transmissions, answers to a complément — newest first, for the same readers as the team.
 */
export async function teamActivity(db: Database, actor: CurrentUser, finess: string, take = 20): Promise<TeamActivity[]> {
  await managedEntity(db, actor, finess);
  const events = await db.dossierEvent.findMany({
    where: { actorRole: "ESTABLISHMENT_REFERENT", dossier: { carrierFiness: finess } },
    orderBy: { at: "desc" },
    take,
    select: { at: true, type: true, toStatus: true, actorId: true, dossier: { select: { id: true, number: true, guichet: { select: { label: true, kind: true } } } } },
  });
  const actors = await db.user.findMany({ where: { id: { in: [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))] } }, select: { id: true, name: true } });
  return events.map((event) => ({
    at: event.at,
    actorName: actors.find((user) => user.id === event.actorId)?.name ?? "—",
    dossierId: event.dossier.id,
    dossierNumber: event.dossier.number,
    guichetLabel: event.dossier.guichet.label,
    label: dossierEventLabel(event, instructorWords(event.dossier.guichet.kind).the),
  }));
}
