/**
 * The audit of one subject for the DNS (issue 14 §2: « the DNS reads the audit of a dossier, an
 * EJ or an account in the portal »): its rows newest first, a page at a time, each with its
 * actor, French label, before → after, and its place in the chain checked on the spot (its hash
 * recomputed, its link to the row just before it in the whole journal).
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { auditActionLabel } from "./actions";
import { auditRowHash, GENESIS_HASH } from "./chain";
import type { AuditSubject } from "./subjects";
import { summariseChange, summariseDetails } from "./summary";

export const AUDIT_PAGE_SIZE = 50;

/** intact: hash and link verified; before-chain: written before the chain started (no hash). */
export type AuditRowStatus = "intact" | "content-altered" | "link-broken" | "unchained" | "before-chain";

export interface AuditRowView {
  id: string;
  at: Date;
  actor: { id: string; name: string | null; email: string | null; role: Role | null } | null;
  action: string;
  actionLabel: string;
  changes: string[];
  details: string[];
  correlationId: string | null;
  status: AuditRowStatus;
}

export interface SubjectAudit {
  subject: AuditSubject;
  /** What the subject is, in French (« Compte de Marie Durand (marie@…) », « Dossier HC-2026-0001 »…). */
  title: string;
  rows: AuditRowView[];
  total: number;
  page: number;
  pageCount: number;
  /** Rows of this page whose status is not intact nor before-chain. */
  broken: number;
  /** The latest daily digest of the whole journal, if any. */
  latestDigest: { day: Date; lastId: string; rows: number } | null;
}

export async function auditOfSubject(db: Database, user: CurrentUser, subject: AuditSubject, options: { page?: number } = {}): Promise<SubjectAudit> {
  // The journal names who did what to whom: the DNS only (issue 14 §2), checked here, not only by the page.
  if (user.role !== "DNS_ADMIN") throw new ForbiddenError(`role ${user.role} may not read the audit`);
  const total = await db.auditEvent.count({ where: { subject } });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pageCount);
  const rows = await db.auditEvent.findMany({ where: { subject }, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  const ids = rows.map((row) => row.id);
  const [predecessors, marker, actors, digest] = await Promise.all([
    // The hash of the row just before each one in the whole journal (any subject): what its prevHash must be.
    ids.length === 0
      ? Promise.resolve([] as { id: bigint; previousHash: string | null }[])
      : db.$queryRaw<{ id: bigint; previousHash: string | null }[]>`
          SELECT a."id", (SELECT p."hash" FROM "AuditEvent" p WHERE p."id" < a."id" ORDER BY p."id" DESC LIMIT 1) AS "previousHash"
          FROM "AuditEvent" a
          WHERE a."subject" = ${subject} AND a."id" BETWEEN ${ids[ids.length - 1]} AND ${ids[0]}`,
    db.auditEvent.findFirst({ where: { action: "audit.chain.started", hash: null }, orderBy: { id: "asc" }, select: { id: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))] } }, select: { id: true, name: true, email: true } }),
    db.auditDigest.findFirst({ orderBy: { day: "desc" } }),
  ]);
  const previousOf = new Map(predecessors.map((row) => [BigInt(row.id).toString(), row.previousHash]));
  const actorOf = new Map(actors.map((actor) => [actor.id, actor]));
  const views = rows.map((row): AuditRowView => {
    let status: AuditRowStatus;
    if (marker && row.id <= marker.id) status = "before-chain";
    else if (row.hash === null) status = "unchained";
    else if (auditRowHash({ ...row, prevHash: row.prevHash ?? "" }) !== row.hash) status = "content-altered";
    else if (row.prevHash !== (previousOf.get(row.id.toString()) ?? GENESIS_HASH)) status = "link-broken";
    else status = "intact";
    const known = row.actorId ? actorOf.get(row.actorId) : undefined;
    return {
      id: row.id.toString(),
      at: row.at,
      actor: row.actorId ? { id: row.actorId, name: known?.name ?? null, email: known?.email ?? null, role: row.actorRole } : null,
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      changes: summariseChange(row.before, row.after),
      details: summariseDetails(row.details),
      correlationId: row.correlationId,
      status,
    };
  });
  return {
    subject,
    title: await subjectTitle(db, subject),
    rows: views,
    total,
    page,
    pageCount,
    broken: views.filter((row) => row.status !== "intact" && row.status !== "before-chain").length,
    latestDigest: digest ? { day: digest.day, lastId: digest.lastId.toString(), rows: digest.rows } : null,
  };
}

async function subjectTitle(db: Database, subject: AuditSubject): Promise<string> {
  const colon = subject.indexOf(":");
  const kind = colon < 0 ? subject : subject.slice(0, colon);
  const id = colon < 0 ? "" : subject.slice(colon + 1);
  switch (kind) {
    case "user": {
      const user = await db.user.findUnique({ where: { id }, select: { name: true, email: true } });
      return user ? `Compte de ${user.name} (${user.email})` : `Compte ${id} (supprimé ou inconnu)`;
    }
    case "dossier": {
      const dossier = await db.dossier.findUnique({ where: { id }, select: { number: true } });
      return dossier ? `Dossier ${dossier.number}` : `Dossier ${id} (inconnu)`;
    }
    case "legal-entity": {
      const entity = await db.legalEntity.findUnique({ where: { finess: id }, select: { name: true } });
      return entity ? `EJ ${id} — ${entity.name}` : `EJ ${id} (inconnue du référentiel)`;
    }
    case "guichet": {
      const guichet = await db.guichet.findUnique({ where: { id }, select: { label: true } });
      return guichet ? `Guichet ${guichet.label}` : `Guichet ${id} (inconnu)`;
    }
    case "email":
      return `Adresse ${id} (sans compte)`;
    case "account-request":
      return `Demande de compte ${id}`;
    case "self-assessment":
      return `Autoévaluation ${id}`;
    case "file":
      return `Pièce ${id}`;
    case "region":
      return `Région ${id}`;
    case "sso":
      return `Identité fédérée ${id}`;
    default:
      return subject;
  }
}
