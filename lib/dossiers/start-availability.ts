/**
 * May this EJ start a dossier at this guichet now — and if not, why, and what to do?
 *
 * One decision for every place that offers or performs the start: the dossiers page and
 * the dashboard offer the « Candidater » / « Déposer les preuves » button only where
 * `startAvailability` says it can succeed, and show its message otherwise; startDossier
 * (lib/dossiers/service.ts) refuses with the very same message.
 *
 * Rules (sources 000_1a898dec8b2a4de4.txt and 003_7e8834ec9bc46d44.txt):
 * - the candidature, then the yearly proofs, are carried by the EJ, or for a GHT by its
 *   support establishment for every EJ of the GHT (source 000, « maille de candidature ») ;
 * - one dossier per EJ and guichet: an existing one is resumed, never duplicated ;
 * - a guichet takes deposits from its opening to its closing day included, Paris time, with
 *   the derogations in force for the EJ or its region ;
 * - the yearly deposit is open to the EJ whose candidature to the programme (« pour
 *   l'ensemble du dispositif », 2026–2028, source 000) the ARS has accepted — a validated
 *   candidature, as source 001 says for the AAP.
 */
import type { Database } from "@/lib/db/client";
import { formatCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import { DeadlinePassedError, InvalidStateError } from "@/lib/errors";
import type { DossierStatus, GuichetKind, Programme } from "@/lib/generated/prisma/enums";
import { datesWithDerogations, guichetBaseDates } from "@/lib/guichets/derogations";
import { guichetPhase, type GuichetDates, type GuichetPhase } from "@/lib/guichets/guichet-state";
import { dossierKind } from "./kinds";

/** The guichets an establishment can start a dossier at on this portal (source 000, 003). */
export type StartableKind = "CANDIDATURE" | "MILESTONE_DEPOSIT" | "PROJECT_CALL" | "CARE_RELEVE";

/** The programme each kind the portal takes belongs to. */
const PROGRAMME_OF: Readonly<Record<StartableKind, Programme>> = {
  CANDIDATURE: "HOSPICONNECT_HOPEN2",
  MILESTONE_DEPOSIT: "HOSPICONNECT_HOPEN2",
  PROJECT_CALL: "AAP_HOPEN2",
  CARE_RELEVE: "HOSPICONNECT_CARE",
};

/** ASSUMPTION: the sources do not bound a porteur's drafts; a few more than the two projects it may transmit. */
export const MAX_PROJECT_DOSSIERS_PER_CARRIER = 5;

export function startableKind(guichet: { programme: Programme; kind: GuichetKind }): StartableKind | null {
  // The kind's module says whether the portal can take its dossiers yet.
  if (!dossierKind(guichet.kind).startable) return null;
  const kind = guichet.kind as StartableKind;
  return PROGRAMME_OF[kind] === guichet.programme ? kind : null;
}

export interface DossierRef {
  id: string;
  number: string;
  status: DossierStatus;
}

/** Everything the decision needs, loaded on the server (loadStartFacts). */
export interface StartFacts {
  guichet: { id: string; label: string; programme: Programme; kind: GuichetKind; year: number };
  /** The guichet's dates for this EJ, derogations in force included. */
  dates: GuichetDates;
  /** Today, Paris calendar day of the portal's clock. */
  today: CalendarDate;
  carrier: { finess: string; name: string; ght: { name: string; supportFiness: string; supportName: string } | null };
  /** The EJ's dossier at this guichet, if any (its latest, for a kind with several per EJ). */
  existing: DossierRef | null;
  /** Every dossier the EJ carries at this guichet, oldest first (several only for AAP projects). */
  carried: DossierRef[];
  /** Yearly deposits: the EJ's candidature to the programme (an accepted one if any, else the latest). */
  candidature: DossierRef | null;
  /** Yearly deposits: the programme's candidature guichet for this cycle, with this EJ's dates. */
  candidatureGuichet: { id: string; label: string; dates: GuichetDates } | null;
  /** CaRE relèves: the EJ the dossier would cover that have an envelope (the carrier, or the GHT's EJ for its support). */
  careEnvelopeHolders: string[];
}

export type StartBlockReason =
  | "NOT_CARRIER"
  | "UNSUPPORTED_GUICHET"
  | "DOSSIER_EXISTS"
  | "TOO_MANY_PROJECTS"
  | "GUICHET_UPCOMING"
  | "GUICHET_CLOSED"
  | "NO_CANDIDATURE"
  | "CANDIDATURE_NOT_SUBMITTED"
  | "CANDIDATURE_UNDER_INSTRUCTION"
  | "CANDIDATURE_CHANGES_REQUESTED"
  | "CANDIDATURE_REFUSED"
  | "NO_CARE_ENVELOPE";

/** Where the user goes to do what the message says (the page turns it into a link). */
export type StartRemedy = { label: string; dossierId: string } | { label: string; guichetId: string };

export type StartAvailability =
  | { canStart: true; kind: StartableKind }
  | { canStart: false; reason: StartBlockReason; message: string; remedy: StartRemedy | null; dossier: DossierRef | null };

const day = formatCalendarDate;

function blocked(reason: StartBlockReason, message: string, remedy: StartRemedy | null = null, dossier: DossierRef | null = null): StartAvailability {
  return { canStart: false, reason, message, remedy, dossier };
}

/** The decision itself: pure, table-tested (tests/unit/dossiers/start-availability.test.ts). */
export function startAvailability(facts: StartFacts): StartAvailability {
  const { guichet, dates, today, carrier, existing } = facts;
  // source 000: a public EJ of a GHT applies and deposits through its support establishment
  // (HospiConnect's « maille »; an AAP porteur is any FINESS PMSI, with the GHT's validation, source 001).
  // Source 003 gives the CaRE relève the same « maille »: the support establishment deposits for each EJ of the GHT.
  if ((guichet.programme === "HOSPICONNECT_HOPEN2" || guichet.programme === "HOSPICONNECT_CARE") && carrier.ght && carrier.ght.supportFiness !== carrier.finess) {
    return blocked(
      "NOT_CARRIER",
      `${carrier.name} est membre du ${carrier.ght.name} : c'est l'établissement support du GHT (${carrier.ght.supportName}) qui candidate et dépose pour elle.`,
    );
  }
  const kind = startableKind(guichet);
  if (!kind) return blocked("UNSUPPORTED_GUICHET", `Le dépôt au guichet « ${guichet.label} » n'est pas encore proposé sur ce portail.`);

  if (dossierKind(kind).severalPerCarrier) {
    if (facts.carried.length >= MAX_PROJECT_DOSSIERS_PER_CARRIER) {
      return blocked("TOO_MANY_PROJECTS", `${carrier.name} a déjà ${facts.carried.length} projets à cet appel à projets : reprenez l'un d'eux (un établissement ne peut candidater à plus de deux projets).`, existing ? { label: `Reprendre le dossier n° ${existing.number}`, dossierId: existing.id } : null, existing);
    }
  } else if (existing) {
    return blocked("DOSSIER_EXISTS", `Un dossier existe déjà pour ${carrier.name} à ce guichet (dossier n° ${existing.number}) : reprenez-le.`, { label: `Reprendre le dossier n° ${existing.number}`, dossierId: existing.id }, existing);
  }

  const phase = guichetPhase(dates, today);
  if (phase === "upcoming") return blocked("GUICHET_UPCOMING", `Le guichet « ${guichet.label} » ouvre le ${day(dates.opensOn)}.`);
  if (phase !== "open") {
    return blocked("GUICHET_CLOSED", `Le guichet « ${guichet.label} » est fermé aux dépôts depuis le ${day(dates.closesOn)} : il n'est plus possible d'y ouvrir un dossier.`);
  }

  if (kind === "MILESTONE_DEPOSIT") {
    const refusal = candidatureRefusal(facts);
    if (refusal) return refusal;
  }
  if (kind === "CARE_RELEVE" && facts.careEnvelopeHolders.length === 0) {
    return blocked(
      "NO_CARE_ENVELOPE",
      `Aucune enveloppe HospiConnect CaRE n'est publiée pour ${carrier.name}${carrier.ght ? ` ni pour les EJ du ${carrier.ght.name}` : ""} : la relève CaRE n'est ouverte qu'aux établissements dotés d'une enveloppe. Contactez la DNS si vous pensez y être éligible.`,
    );
  }
  return { canStart: true, kind };
}

function candidatureRefusal({ candidature, candidatureGuichet, today }: StartFacts): StartAvailability | null {
  const see = (label: string) => (candidature ? { label, dossierId: candidature.id } : null);
  const ref = candidature ? `votre candidature (dossier n° ${candidature.number})` : "";
  const status = candidature?.status;
  switch (status) {
    case "ACCEPTED":
      return null;
    case "DRAFT":
      return blocked(
        "CANDIDATURE_NOT_SUBMITTED",
        `Le dépôt des preuves demande une candidature acceptée par l'ARS, or ${ref} n'a pas été transmise à l'ARS.`,
        see("Reprendre la candidature"),
        candidature,
      );
    case "SUBMITTED":
      return blocked(
        "CANDIDATURE_UNDER_INSTRUCTION",
        `Le dépôt des preuves demande une candidature acceptée par l'ARS : ${ref} est en cours d'instruction. Vous pourrez déposer les preuves dès son acceptation.`,
        see("Voir la candidature"),
        candidature,
      );
    case "CHANGES_REQUESTED":
      return blocked(
        "CANDIDATURE_CHANGES_REQUESTED",
        `Le dépôt des preuves demande une candidature acceptée par l'ARS : l'ARS a demandé un complément sur ${ref}. Répondez-y ; vous pourrez déposer les preuves dès son acceptation.`,
        see("Répondre à l'ARS"),
        candidature,
      );
    case "REFUSED":
      return blocked(
        "CANDIDATURE_REFUSED",
        `${ref.charAt(0).toUpperCase()}${ref.slice(1)} a été refusée par l'ARS : le dépôt des preuves n'est pas possible pour cet établissement.`,
        see("Voir la décision"),
        candidature,
      );
    case undefined:
      break;
    case "PROOF_SUBMITTED":
    case "PROOF_CHANGES_REQUESTED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      throw new Error(`a candidature cannot be in the AAP status ${status}`);
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
  if (!candidatureGuichet) {
    return blocked("NO_CANDIDATURE", "Aucune candidature au dispositif HospiConnect/HOP'EN2 pour cet établissement : le dépôt des preuves demande une candidature acceptée par l'ARS. Contactez votre ARS.");
  }
  const { label, dates } = candidatureGuichet;
  const phase: GuichetPhase = guichetPhase(dates, today);
  if (phase === "open") {
    return blocked(
      "NO_CANDIDATURE",
      `Candidatez d'abord au guichet « ${label} », ouvert du ${day(dates.opensOn)} au ${day(dates.closesOn)} : le dépôt des preuves demande une candidature acceptée par l'ARS.`,
      { label: "Candidater", guichetId: candidatureGuichet.id },
    );
  }
  if (phase === "upcoming") {
    return blocked(
      "NO_CANDIDATURE",
      `Le dépôt des preuves demande une candidature acceptée par l'ARS : le guichet « ${label} » ouvre le ${day(dates.opensOn)}.`,
      { label: "Voir le guichet de candidature", guichetId: candidatureGuichet.id },
    );
  }
  return blocked(
    "NO_CANDIDATURE",
    `Aucune candidature au dispositif HospiConnect/HOP'EN2 pour cet établissement : le dépôt des preuves demande une candidature acceptée par l'ARS, et le guichet « ${label} » n'a pris les candidatures que du ${day(dates.opensOn)} au ${day(dates.closesOn)}. Contactez votre ARS.`,
  );
}

/** The error startDossier throws for a refusal: the same French message as the page shows. */
export function startRefusalError(availability: Extract<StartAvailability, { canStart: false }>): DeadlinePassedError | InvalidStateError {
  return availability.reason === "GUICHET_UPCOMING" || availability.reason === "GUICHET_CLOSED"
    ? new DeadlinePassedError(availability.message)
    : new InvalidStateError(availability.message);
}

// ------------------------------------------------------------------ loading the facts

interface GuichetRow {
  id: string;
  label: string;
  programme: Programme;
  kind: GuichetKind;
  year: number;
  opensOn: Date;
  closesOn: Date;
  instructionEndsOn: Date;
}

interface CarrierRow {
  finess: string;
  name: string;
  regionCode: string;
  ght: { name: string; supportFiness: string; support: { name: string } } | null;
}

/** What the loader read once for a set of EJ and guichets; `factsFor` answers for any pair of them. */
export interface StartContext {
  factsFor(guichet: GuichetRow, carrier: CarrierRow): StartFacts;
}

// A candidature never reaches the AAP's proof statuses: they sort last.
const CANDIDATURE_PREFERENCE: Record<DossierStatus, number> = {
  ACCEPTED: 0,
  CHANGES_REQUESTED: 1,
  SUBMITTED: 2,
  DRAFT: 3,
  REFUSED: 4,
  PROOF_SUBMITTED: 5,
  PROOF_CHANGES_REQUESTED: 5,
  OBJECTIVES_VALIDATED: 5,
  OBJECTIVES_NOT_MET: 5,
};

/**
 * Reads, in three queries whatever the number of EJ and guichets, the dossiers of `carriers`
 * in the programme, the derogations in force and the candidature guichets.
 */
export async function loadStartContext(db: Database, carriers: readonly { finess: string }[], guichets: readonly GuichetRow[], today: CalendarDate): Promise<StartContext> {
  const finessList = carriers.map((carrier) => carrier.finess);
  const programmes = [...new Set(guichets.map((guichet) => guichet.programme))];
  const withCare = guichets.some((guichet) => guichet.programme === "HOSPICONNECT_CARE");
  const [parts, candidatureGuichets, envelopes] = await Promise.all([
    db.dossierLegalEntity.findMany({
      where: { legalEntityFiness: { in: finessList }, dossier: { guichet: { programme: { in: programmes } } } },
      select: {
        legalEntityFiness: true,
        dossier: { select: { id: true, number: true, status: true, carrierFiness: true, guichet: { select: { id: true, kind: true, year: true, opensOn: true } } } },
      },
    }),
    db.guichet.findMany({ where: { programme: { in: programmes }, kind: "CANDIDATURE" }, orderBy: [{ year: "desc" }, { opensOn: "desc" }] }),
    withCare
      ? db.careEnvelope.findMany({
          where: { OR: [{ legalEntityFiness: { in: finessList } }, { legalEntity: { ght: { supportFiness: { in: finessList } } } }] },
          select: { legalEntityFiness: true, legalEntity: { select: { ght: { select: { supportFiness: true } } } } },
        })
      : [],
  ]);
  const guichetIds = [...new Set([...guichets.map((guichet) => guichet.id), ...candidatureGuichets.map((guichet) => guichet.id)])];
  const derogations = await db.guichetDerogation.findMany({ where: { revokedAt: null, guichetId: { in: guichetIds } } });
  const datesFor = (guichet: GuichetRow, carrier: CarrierRow) =>
    datesWithDerogations(
      guichetBaseDates(guichet),
      derogations.filter((derogation) => derogation.guichetId === guichet.id),
      carrier,
    );

  return {
    factsFor(guichet, carrier) {
      const ofCarrier = parts.filter((part) => part.legalEntityFiness === carrier.finess).map((part) => part.dossier);
      const carried = ofCarrier.filter((dossier) => dossier.guichet.id === guichet.id && dossier.carrierFiness === carrier.finess);
      const existing = [...carried].sort((a, b) => a.number.localeCompare(b.number)).at(-1) ?? null;
      const kind = startableKind(guichet);
      let candidature: DossierRef | null = null;
      let candidatureGuichet: StartFacts["candidatureGuichet"] = null;
      if (kind === "MILESTONE_DEPOSIT") {
        // source 000: one candidature « pour l'ensemble du dispositif » serves the deposits of 2026, 2027 and 2028.
        const candidatures = ofCarrier
          .filter((dossier) => dossier.guichet.kind === "CANDIDATURE" && dossier.guichet.year <= guichet.year)
          .sort((a, b) => CANDIDATURE_PREFERENCE[a.status] - CANDIDATURE_PREFERENCE[b.status] || b.guichet.opensOn.getTime() - a.guichet.opensOn.getTime());
        const best = candidatures[0];
        candidature = best ? { id: best.id, number: best.number, status: best.status } : null;
        const cycle = candidatureGuichets.find((candidate) => candidate.programme === guichet.programme && candidate.year <= guichet.year);
        candidatureGuichet = cycle ? { id: cycle.id, label: cycle.label, dates: datesFor(cycle, carrier) } : null;
      }
      return {
        guichet: { id: guichet.id, label: guichet.label, programme: guichet.programme, kind: guichet.kind, year: guichet.year },
        dates: datesFor(guichet, carrier),
        today,
        carrier: {
          finess: carrier.finess,
          name: carrier.name,
          ght: carrier.ght ? { name: carrier.ght.name, supportFiness: carrier.ght.supportFiness, supportName: carrier.ght.support.name } : null,
        },
        existing: existing ? { id: existing.id, number: existing.number, status: existing.status } : null,
        carried: [...carried].sort((a, b) => a.number.localeCompare(b.number)).map((dossier) => ({ id: dossier.id, number: dossier.number, status: dossier.status })),
        candidature,
        candidatureGuichet,
        careEnvelopeHolders: careEnvelopeHolders(envelopes, carrier.finess),
      };
    },
  };
}

export const carrierSelect = {
  finess: true,
  name: true,
  regionCode: true,
  ght: { select: { name: true, supportFiness: true, support: { select: { name: true } } } },
} as const;

/** The EJ a CaRE relève of `carrierFiness` would cover that have an envelope: itself, and the EJ of the GHT it supports. */
export function careEnvelopeHolders(envelopes: readonly { legalEntityFiness: string; legalEntity: { ght: { supportFiness: string } | null } }[], carrierFiness: string): string[] {
  return envelopes
    .filter((envelope) => envelope.legalEntityFiness === carrierFiness || envelope.legalEntity.ght?.supportFiness === carrierFiness)
    .map((envelope) => envelope.legalEntityFiness)
    .sort();
}
