/**
 * « What can this EJ do now? » — the read model of the establishment's dossiers page and
 * dashboard: for each EJ the referent acts for, each HospiConnect/HOP'EN2 guichet with the EJ's
 * own dates (derogations included), its dossier if any, whether a dossier can be started
 * (lib/dossiers/start-availability.ts, the rule startDossier applies) and the next action.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity } from "@/lib/auth/scope";
import { dbDateFromCalendarDate, formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import { daysLeftToDeposit, guichetPhase, type GuichetDates, type GuichetPhase } from "@/lib/guichets/guichet-state";
import type { GuichetView } from "@/lib/guichets/guichets";
import { ARS_WORDS, instructorWords, type InstructorWords } from "./instructor-words";
import { dossierKind } from "./kinds";
import { carrierSelect, loadStartContext, startAvailability, startableKind, type DossierRef, type StartAvailability, type StartRemedy } from "./start-availability";

export type NextAction =
  /** The start button: shown only where startAvailability allows it. */
  | { kind: "START"; label: string; guichetId: string; carrierFiness: string }
  /** The EJ's dossier at this guichet, with what to do on it. */
  | { kind: "OPEN_DOSSIER"; label: string; detail: string; dossier: DossierRef; urgent: boolean }
  /** Nothing can be done here now: why, and where to go. */
  | { kind: "BLOCKED"; message: string; remedy: StartRemedy | null };

export interface GuichetOfEntity {
  guichet: GuichetView;
  /** The dates that apply to this EJ (derogations in force included). */
  own: GuichetDates & { phase: GuichetPhase; daysLeft: number; extended: boolean };
  dossier: DossierRef | null;
  /** Every dossier of the EJ at this guichet (several AAP projects). */
  dossiers: DossierRef[];
  availability: StartAvailability;
  next: NextAction;
}

export interface EntityGuichets {
  finess: string;
  name: string;
  /** For a GHT support: the GHT it deposits for. */
  ghtName: string | null;
  guichets: GuichetOfEntity[];
}

const day = formatCalendarDate;

/** What to do on an existing dossier, by its status and the EJ's dates. */
export function dossierNextAction(dossier: DossierRef, own: GuichetDates & { phase: GuichetPhase }, w: InstructorWords = ARS_WORDS): Extract<NextAction, { kind: "OPEN_DOSSIER" }> {
  const status: DossierStatus = dossier.status;
  const The = w.the.charAt(0).toUpperCase() + w.the.slice(1);
  switch (status) {
    case "DRAFT":
      return own.phase === "open"
        ? { kind: "OPEN_DOSSIER", dossier, urgent: true, label: "Reprendre le brouillon", detail: `Brouillon non transmis à ${w.the} : complétez-le et transmettez-le avant le ${day(own.closesOn)} inclus.` }
        : own.phase === "upcoming"
          ? { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir le brouillon", detail: `Brouillon : le guichet ouvre le ${day(own.opensOn)}.` }
          : { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir le brouillon", detail: `Brouillon jamais transmis : le guichet est fermé depuis le ${day(own.closesOn)}.` };
    case "SUBMITTED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Suivre le dossier", detail: `Transmis à ${w.the} : en cours d'instruction.` };
    case "CHANGES_REQUESTED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: true, label: `Répondre à la demande de ${w.the}`, detail: `${The} demande un complément : corrigez puis transmettez à nouveau avant le ${day(own.instructionEndsOn)} inclus.` };
    case "ACCEPTED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir la décision", detail: `Dossier accepté par ${w.the}.` };
    case "REFUSED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir la décision", detail: `Dossier refusé par ${w.the}.` };
    case "PROOF_SUBMITTED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Suivre le dossier", detail: "Preuves transmises à l'ARS : en cours d'examen." };
    case "PROOF_CHANGES_REQUESTED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: true, label: "Répondre à la demande de l'ARS", detail: "L'ARS demande un complément sur les preuves : complétez puis transmettez à nouveau." };
    case "OBJECTIVES_VALIDATED":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir la décision", detail: "Objectifs validés par l'ARS : le solde est versé en 2027." };
    case "OBJECTIVES_NOT_MET":
      return { kind: "OPEN_DOSSIER", dossier, urgent: false, label: "Voir la décision", detail: "L'ARS n'a pas validé l'atteinte des objectifs." };
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
}

export function startLabel(kind: GuichetKind, entityName: string): string {
  return dossierKind(kind).labels.startLabel(entityName);
}

/**
 * Every HospiConnect/HOP'EN2 guichet an establishment deposits into, for each EJ of `entities`
 * that carries its own dossiers (outside a GHT, or a GHT's support establishment), and for a
 * member EJ whose support the user does not act for (it reads why it cannot start one).
 * `entities` are the user's EJ (listLegalEntitiesForUser); `guichets` come from listGuichets.
 */
export async function guichetsOfEntities(
  db: Database,
  user: CurrentUser,
  entities: readonly { finess: string; ght: { supportFiness: string; isSupport: boolean } | null }[],
  guichets: readonly GuichetView[],
  today: CalendarDate,
): Promise<EntityGuichets[]> {
  if (user.role !== "ESTABLISHMENT_REFERENT") return [];
  const known = new Set(entities.map((entity) => entity.finess));
  // A member EJ is in its support's dossier: listed on its own only when the support is not the user's.
  const listed = entities.filter((entity) => !entity.ght || entity.ght.isSupport || !known.has(entity.ght.supportFiness)).map((entity) => entity.finess);
  const offered = guichets.filter((guichet) => startableKind(guichet) !== null);
  const found = await db.legalEntity.findMany({ where: { finess: { in: listed } }, select: carrierSelect, orderBy: { name: "asc" } });
  // Only the EJ the user acts for, whatever the caller passed.
  const carriers = found.filter((carrier) => canAccessLegalEntity(user, { finess: carrier.finess, regionCode: carrier.regionCode, ghtSupportFiness: carrier.ght?.supportFiness ?? null }));
  const rows = offered.map((guichet) => ({
    ...guichet,
    opensOn: dbDateFromCalendarDate(guichet.opensOn),
    closesOn: dbDateFromCalendarDate(guichet.closesOn),
    instructionEndsOn: dbDateFromCalendarDate(guichet.instructionEndsOn),
  }));
  const context = await loadStartContext(db, carriers, rows, today);
  return carriers.map((carrier) => ({
    finess: carrier.finess,
    name: carrier.name,
    ghtName: carrier.ght && carrier.ght.supportFiness === carrier.finess ? carrier.ght.name : null,
    guichets: rows.map((row, index) => {
      const guichet = offered[index]!;
      const facts = context.factsFor(row, carrier);
      const phase = guichetPhase(facts.dates, today);
      const own = { ...facts.dates, phase, daysLeft: daysLeftToDeposit(facts.dates, today), extended: facts.dates.closesOn !== guichet.closesOn };
      const availability = startAvailability(facts);
      const dossier = facts.existing;
      // An AAP porteur may start another project beside the ones it has (the limit is on transmission).
      const startsAnother = availability.canStart && dossierKind(guichet.kind).severalPerCarrier;
      const next: NextAction = dossier && !startsAnother
        ? dossierNextAction(dossier, own, instructorWords(guichet.kind))
        : availability.canStart
          ? { kind: "START", label: startLabel(availability.kind, carrier.name), guichetId: guichet.id, carrierFiness: carrier.finess }
          : { kind: "BLOCKED", message: availability.message, remedy: availability.remedy };
      return { guichet, own, dossier, dossiers: facts.carried, availability, next };
    }),
  }));
}

/**
 * The guichets the dashboard puts first for an EJ: those open to it, and those where its
 * dossier is still being instructed; when there is none, the next one to open.
 */
export function currentGuichets(entity: EntityGuichets): { current: GuichetOfEntity[]; upcoming: GuichetOfEntity | null } {
  const current = entity.guichets.filter(
    (row) => row.own.phase === "open" || (row.own.phase === "instruction" && (row.dossier?.status === "SUBMITTED" || row.dossier?.status === "CHANGES_REQUESTED")),
  );
  const upcoming = current.length > 0 ? null : (entity.guichets.filter((row) => row.own.phase === "upcoming").sort((a, b) => a.own.opensOn.localeCompare(b.own.opensOn))[0] ?? null);
  return { current, upcoming };
}
