/**
 * Writes the e-mails of the dossier life cycle to the outbox (OutboxEmail),
 * inside the transaction of the state change they announce (DESIGN: an e-mail
 * exists if and only if its change was committed). The dispatcher sends them.
 *
 * Recipients (source 003): the establishment's referent who completes the
 * dossier (`Dossier.completedBy`); on each (re)submission also every active
 * instructor of the carrier EJ's ARS — or, for a CaRE relève, every active ANS instructor.
 */
import { now } from "@/lib/clock/clock";
import { calendarDateFromDb, daysBetween, dbDateFromCalendarDate, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierNotificationKind } from "@/lib/dossiers/instruction";
import { verdictList } from "@/lib/dossiers/instruction";
import { dossierKind } from "@/lib/dossiers/kinds";
import { proofWindowOf } from "@/lib/dossiers/kinds/project-call/proof-window";
import { selectionOf } from "@/lib/dossiers/kinds/project-call/selection";
import { objectivesNotMet, objectivesValidated, projectAccepted, proofChangesRequested, proofSubmittedToArs, proofSubmittedToEstablishment } from "@/lib/dossiers/kinds/project-call/emails";
import {
  accepted,
  changesRequested,
  draftReminder,
  dossierUrl,
  OUTBOX_TEMPLATES,
  refused,
  submittedToArs,
  submittedToEstablishment,
  type ChangePointInput,
  type DecidedAmount,
  type DossierMailFacts,
  type MailContent,
  type OutboxTemplate,
} from "./templates";

export type { DossierNotificationKind };

export interface DossierNotificationEvent {
  kind: DossierNotificationKind;
  dossierId: string;
  /** CHANGES_REQUESTED: the request just created (else the dossier's latest open one). */
  changeRequestId?: string;
  /** REFUSED: the reason given by the ARS (else the message of the latest refusal in the history). */
  reason?: string;
}

type Client = Database | Prisma.TransactionClient;

/** The portal's public address, for the links in the e-mails. */
export function publicBaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = [env.GUICHET_PUBLIC_URL, env.NEXTAUTH_URL].find((value) => value !== undefined && value.trim() !== "");
  return (configured ?? "http://localhost:3000").trim().replace(/\/+$/, "");
}

interface OutboxRow {
  template: OutboxTemplate;
  toAddress: string;
  dossierId: string;
  content: MailContent;
}

function rows(template: OutboxTemplate, dossierId: string, recipients: string[], content: MailContent): OutboxRow[] {
  return recipients.map((toAddress) => ({ template, toAddress, dossierId, content }));
}

async function writeOutbox(db: Client, outbox: OutboxRow[]): Promise<number> {
  if (outbox.length === 0) return 0;
  const result = await db.outboxEmail.createMany({
    data: outbox.map((row) => ({ template: row.template, toAddress: row.toAddress, dossierId: row.dossierId, subject: row.content.subject, textBody: row.content.text, createdAt: now() })),
  });
  return result.count;
}

/** Lower-cased, without duplicates, in the given order. */
function uniqueAddresses(addresses: string[]): string[] {
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter((address) => address.length > 0))];
}

const dossierForMail = {
  guichet: true,
  carrier: { select: { finess: true, name: true, regionCode: true } },
  completedBy: { select: { email: true, active: true } },
  legalEntities: {
    select: { legalEntityFiness: true, decidedCents: true, decisionCapCents: true, partialAwardReason: true, objectiveVerdicts: true, legalEntity: { select: { name: true } } },
    orderBy: { legalEntityFiness: "asc" },
  },
} satisfies Prisma.DossierInclude;

type DossierForMail = Prisma.DossierGetPayload<{ include: typeof dossierForMail }>;

function factsOf(dossier: DossierForMail, link: string): DossierMailFacts {
  return {
    guichetLabel: dossier.guichet.label,
    guichetYear: dossier.guichet.year,
    guichetKind: dossier.guichet.kind,
    dossierNumber: dossier.number,
    establishmentName: dossier.carrier.name,
    link,
  };
}

/**
 * The establishment's recipients: the referent who completes the dossier
 * (source 003). Should that account have been disabled since, the active
 * referents of the carrier EJ receive it instead, so a decision is never
 * announced to nobody.
 */
async function establishmentRecipients(db: Client, dossier: DossierForMail): Promise<string[]> {
  if (dossier.completedBy.active) return uniqueAddresses([dossier.completedBy.email]);
  const referents = await db.user.findMany({
    where: { active: true, role: "ESTABLISHMENT_REFERENT", legalEntities: { some: { legalEntityFiness: dossier.carrier.finess } } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return uniqueAddresses(referents.map((referent) => referent.email));
}

/** Every active instructor of the carrier EJ's ARS (never another region's). */
async function arsRecipients(db: Client, regionCode: string): Promise<string[]> {
  const instructors = await db.user.findMany({
    where: { role: "ARS_INSTRUCTOR", active: true, regionCode },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return uniqueAddresses(instructors.map((instructor) => instructor.email));
}

/** Who is told of a (re)submission, and the link to their space: the carrier's ARS, or the ANS for a CaRE relève. */
async function instructorRecipients(db: Client, dossier: DossierForMail, base: string): Promise<{ to: string[]; link: string }> {
  if (dossierKind(dossier.guichet.kind).labels.instructor === "ANS") {
    const instructors = await db.user.findMany({ where: { role: "ANS_INSTRUCTOR", active: true }, select: { email: true }, orderBy: { email: "asc" } });
    return { to: uniqueAddresses(instructors.map((instructor) => instructor.email)), link: dossierUrl(base, "ans", dossier.id) };
  }
  return { to: await arsRecipients(db, dossier.carrier.regionCode), link: dossierUrl(base, "ars", dossier.id) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** ChangeRequest.points as stored by lib/dossiers/instruction.ts; anything malformed is left out, never fatal. */
function changePoints(points: Prisma.JsonValue): ChangePointInput[] {
  if (!Array.isArray(points)) return [];
  return points.flatMap((point) => {
    if (!isRecord(point) || typeof point.label !== "string" || typeof point.reason !== "string") return [];
    return [{ label: point.label, reason: point.reason, comment: typeof point.comment === "string" ? point.comment : null }];
  });
}

function decidedAmounts(dossier: DossierForMail): DecidedAmount[] {
  return dossier.legalEntities.flatMap((part) => {
    if (part.decidedCents === null) return [];
    const cents = Number(part.decidedCents);
    const cap = part.decisionCapCents === null ? null : Number(part.decisionCapCents);
    if (!Number.isSafeInteger(cents) || (cap !== null && !Number.isSafeInteger(cap))) throw new RangeError(`the decided amounts of ${part.legalEntityFiness} are not safe integers`);
    return [{ finess: part.legalEntityFiness, name: part.legalEntity.name, decidedCents: cents, capCents: cap, partialAwardReason: part.partialAwardReason, objectives: verdictList(part.objectiveVerdicts) }];
  });
}

/**
 * Writes the e-mails announcing `event` to the outbox, through `tx` (call it
 * inside the transaction of the state change), and returns how many were
 * written: one row per recipient.
 */
export async function notifyDossierEvent(
  tx: Prisma.TransactionClient,
  event: { kind: DossierNotificationKind; dossierId: string; changeRequestId?: string; reason?: string },
): Promise<number> {
  const dossier = await tx.dossier.findUnique({ where: { id: event.dossierId }, include: dossierForMail });
  if (!dossier) throw new NotFoundError(`dossier ${event.dossierId}`, "Ce dossier est introuvable.");
  const base = publicBaseUrl();
  const establishmentFacts = factsOf(dossier, dossierUrl(base, "etablissement", dossier.id));
  const establishment = await establishmentRecipients(tx, dossier);

  switch (event.kind) {
    case "SUBMITTED":
    case "RESUBMITTED": {
      const resubmission = event.kind === "RESUBMITTED";
      const instructors = await instructorRecipients(tx, dossier, base);
      return writeOutbox(tx, [
        ...rows(
          resubmission ? OUTBOX_TEMPLATES.resubmittedEstablishment : OUTBOX_TEMPLATES.submittedEstablishment,
          dossier.id,
          establishment,
          submittedToEstablishment({ ...establishmentFacts, resubmission }),
        ),
        ...rows(
          resubmission ? OUTBOX_TEMPLATES.resubmittedArs : OUTBOX_TEMPLATES.submittedArs,
          dossier.id,
          instructors.to,
          submittedToArs({ ...factsOf(dossier, instructors.link), resubmission }),
        ),
      ]);
    }
    case "CHANGES_REQUESTED": {
      const request = event.changeRequestId
        ? await tx.changeRequest.findFirst({ where: { id: event.changeRequestId, dossierId: dossier.id } })
        : await tx.changeRequest.findFirst({ where: { dossierId: dossier.id, status: "OPEN" }, orderBy: { createdAt: "desc" } });
      if (!request) throw new NotFoundError(`change request ${event.changeRequestId ?? "(open)"} of dossier ${dossier.id}`, "Cette demande de complément est introuvable.");
      const content = changesRequested({ ...establishmentFacts, message: request.message, points: changePoints(request.points) });
      return writeOutbox(tx, rows(OUTBOX_TEMPLATES.changesRequested, dossier.id, establishment, content));
    }
    case "ACCEPTED": {
      const selection = dossier.guichet.kind === "PROJECT_CALL" ? selectionOf(dossier) : null;
      if (selection && selection.grantedCents !== null) {
        const content = projectAccepted({
          ...establishmentFacts,
          grantedCents: selection.grantedCents,
          category: selection.category,
          capCents: selection.capCents,
          justification: selection.justification ?? "",
          proofClosesOn: proofWindowOf(dossier.guichet).closesOn,
        });
        return writeOutbox(tx, rows(OUTBOX_TEMPLATES.projectAccepted, dossier.id, establishment, content));
      }
      const content = accepted({ ...establishmentFacts, amounts: decidedAmounts(dossier) });
      return writeOutbox(tx, rows(OUTBOX_TEMPLATES.accepted, dossier.id, establishment, content));
    }
    case "REFUSED": {
      const reason =
        event.reason ??
        (await tx.dossierEvent.findFirst({ where: { dossierId: dossier.id, toStatus: "REFUSED" }, orderBy: { at: "desc" }, select: { message: true } }))?.message ??
        null;
      return writeOutbox(tx, rows(OUTBOX_TEMPLATES.refused, dossier.id, establishment, refused({ ...establishmentFacts, reason })));
    }
    case "PROOF_SUBMITTED":
    case "PROOF_RESUBMITTED": {
      const resubmission = event.kind === "PROOF_RESUBMITTED";
      const ars = await arsRecipients(tx, dossier.carrier.regionCode);
      return writeOutbox(tx, [
        ...rows(resubmission ? OUTBOX_TEMPLATES.proofResubmittedEstablishment : OUTBOX_TEMPLATES.proofSubmittedEstablishment, dossier.id, establishment, proofSubmittedToEstablishment({ ...establishmentFacts, resubmission })),
        ...rows(resubmission ? OUTBOX_TEMPLATES.proofResubmittedArs : OUTBOX_TEMPLATES.proofSubmittedArs, dossier.id, ars, proofSubmittedToArs({ ...factsOf(dossier, dossierUrl(base, "ars", dossier.id)), resubmission })),
      ]);
    }
    case "PROOF_CHANGES_REQUESTED": {
      const request = await tx.changeRequest.findFirst({ where: { dossierId: dossier.id, ...(event.changeRequestId ? { id: event.changeRequestId } : { status: "OPEN" }) }, orderBy: { createdAt: "desc" } });
      if (!request) throw new NotFoundError(`change request of dossier ${dossier.id}`, "Cette demande de complément est introuvable.");
      return writeOutbox(tx, rows(OUTBOX_TEMPLATES.proofChangesRequested, dossier.id, establishment, proofChangesRequested({ ...establishmentFacts, message: request.message })));
    }
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET": {
      const selection = selectionOf(dossier);
      if (!selection || selection.grantedCents === null) throw new NotFoundError(`selection of dossier ${dossier.id}`, "La décision de sélection de ce projet est introuvable.");
      const input = { ...establishmentFacts, grantedCents: selection.grantedCents, comment: event.reason ?? selection.proof?.comment ?? "" };
      return event.kind === "OBJECTIVES_VALIDATED"
        ? writeOutbox(tx, rows(OUTBOX_TEMPLATES.objectivesValidated, dossier.id, establishment, objectivesValidated(input)))
        : writeOutbox(tx, rows(OUTBOX_TEMPLATES.objectivesNotMet, dossier.id, establishment, objectivesNotMet(input)));
    }
    default: {
      const unknown: never = event.kind;
      throw new Error(`Unknown dossier notification ${String(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------- reminders

/** Serialises concurrent schedulers (several server processes) so a reminder is never written twice. */
const REMINDER_LOCK_KEY = 7_348_221_906_113;

function addDays(date: CalendarDate, days: number): CalendarDate {
  const instant = dbDateFromCalendarDate(date);
  instant.setUTCDate(instant.getUTCDate() + days);
  return calendarDateFromDb(instant);
}

/**
 * Reminds the referents of every dossier not yet (re)transmitted whose last
 * day is at most `daysBefore` Paris days away:
 * - a DRAFT while its guichet is open: the last day is the guichet's closing day;
 * - a dossier sent back by the ARS (CHANGES_REQUESTED): it can be transmitted
 *   again until the end of instruction (lib/dossiers/machine.ts), which is
 *   then its last day.
 * Recipients: the referent who completes the dossier and every active referent
 * of the carrier EJ. At most one reminder of each kind per dossier and
 * recipient, however often this runs. Returns how many e-mails were written.
 */
export async function scheduleDraftReminders(db: Database, at: Date, options: { daysBefore?: number } = {}): Promise<number> {
  const daysBefore = options.daysBefore ?? 5;
  const today = parisDate(at);
  const todayDb = dbDateFromCalendarDate(today);
  const horizonDb = dbDateFromCalendarDate(addDays(today, daysBefore));
  const candidates = await db.dossier.findMany({
    where: {
      OR: [
        { status: "DRAFT", guichet: { opensOn: { lte: todayDb }, closesOn: { gte: todayDb, lte: horizonDb } } },
        { status: "CHANGES_REQUESTED", guichet: { opensOn: { lte: todayDb }, instructionEndsOn: { gte: todayDb, lte: horizonDb } } },
      ],
    },
    include: {
      ...dossierForMail,
      carrier: {
        select: {
          finess: true,
          name: true,
          regionCode: true,
          referents: { where: { user: { active: true, role: "ESTABLISHMENT_REFERENT" } }, select: { user: { select: { email: true } } } },
        },
      },
    },
    orderBy: { number: "asc" },
  });
  if (candidates.length === 0) return 0;

  const base = publicBaseUrl();
  const wanted: OutboxRow[] = [];
  for (const dossier of candidates) {
    if (dossier.status !== "DRAFT" && dossier.status !== "CHANGES_REQUESTED") continue;
    const deadline = calendarDateFromDb(dossier.status === "DRAFT" ? dossier.guichet.closesOn : dossier.guichet.instructionEndsOn);
    const recipients = uniqueAddresses([...(dossier.completedBy.active ? [dossier.completedBy.email] : []), ...dossier.carrier.referents.map((link) => link.user.email)]);
    const content = draftReminder({
      ...factsOf(dossier, dossierUrl(base, "etablissement", dossier.id)),
      deadline,
      daysLeft: daysBetween(today, deadline) + 1,
      status: dossier.status,
    });
    const template = dossier.status === "DRAFT" ? OUTBOX_TEMPLATES.draftReminder : OUTBOX_TEMPLATES.changesReminder;
    wanted.push(...rows(template, dossier.id, recipients, content));
  }
  if (wanted.length === 0) return 0;

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY}::bigint)`;
    const existing = await tx.outboxEmail.findMany({
      where: { template: { in: [OUTBOX_TEMPLATES.draftReminder, OUTBOX_TEMPLATES.changesReminder] }, dossierId: { in: candidates.map((dossier) => dossier.id) } },
      select: { template: true, dossierId: true, toAddress: true },
    });
    const key = (row: { template: string; dossierId: string | null; toAddress: string }) => `${row.template}\u0000${row.dossierId}\u0000${row.toAddress.toLowerCase()}`;
    const done = new Set(existing.map(key));
    return writeOutbox(tx, wanted.filter((row) => !done.has(key(row))));
  });
}
