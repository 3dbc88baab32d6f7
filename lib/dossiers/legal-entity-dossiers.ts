import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { Cents } from "@/lib/funding";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";
import { dossierScope } from "./dossier-view";
import { canReadDossier } from "./policy";

export interface LegalEntityDossierRow {
  dossierId: string;
  number: string;
  status: DossierStatus;
  guichetLabel: string;
  guichetKind: GuichetKind;
  /** The carrier of the dossier: the EJ itself, or the support EJ of its GHT. */
  carrierFiness: string;
  carrierName: string;
  /** Amounts of THIS EJ's part, in cents (null when not given yet). */
  requested: Cents | null;
  decided: Cents | null;
  /** "party": an AAP project of another porteur whose perimeter includes this EJ (or one of its EG). */
  role: "carrier" | "party";
  /** Whether the user may open it (a party's referent sees that the project counts, not its content). */
  readable: boolean;
}

/** What a row says of a dossier, and what its read scope needs. */
const DOSSIER_SELECT = {
  id: true,
  number: true,
  status: true,
  guichet: { select: { label: true, kind: true, programme: true } },
  carrier: { select: { finess: true, name: true, regionCode: true, ght: { select: { supportFiness: true } } } },
} as const;

const cents = (value: bigint | null): Cents | null => (value === null ? null : (Number(value) as Cents));

/**
 * The dossiers in which the EJ `finess` takes part, every guichet, newest first, as `user`
 * may see them: a dossier is kept only when the user may read it (its carrier's scope —
 * a member EJ's referent does not see the GHT dossier carried by the support; an ARS instructor
 * not a CaRE relève, the ANS's), and drafts only for referents (the ARS and the DNS see
 * transmitted dossiers only).
 * The caller has checked the user's access to the EJ itself (getLegalEntityForUser).
 */
export async function dossiersOfLegalEntity(db: Database, user: CurrentUser, finess: string): Promise<LegalEntityDossierRow[]> {
  const parts = await db.dossierLegalEntity.findMany({
    where: { legalEntityFiness: finess, ...(user.role === "ESTABLISHMENT_REFERENT" ? {} : { dossier: { status: { not: "DRAFT" } } }) },
    select: {
      requestedCents: true,
      decidedCents: true,
      dossier: { select: DOSSIER_SELECT },
    },
    orderBy: [{ dossier: { guichet: { opensOn: "desc" } } }, { dossier: { number: "asc" } }],
  });
  const carried = parts
    .filter((part) => canReadDossier(user, dossierScope(part.dossier)))
    .map(({ dossier, requestedCents, decidedCents }): LegalEntityDossierRow => ({
      dossierId: dossier.id,
      number: dossier.number,
      status: dossier.status,
      guichetLabel: dossier.guichet.label,
      guichetKind: dossier.guichet.kind,
      carrierFiness: dossier.carrier.finess,
      carrierName: dossier.carrier.name,
      requested: cents(requestedCents),
      decided: cents(decidedCents),
      role: "carrier",
      readable: true,
    }));
  return [...carried, ...(await projectsAsParty(db, user, finess, new Set(carried.map((row) => row.dossierId))))];
}

/**
 * The transmitted AAP projects of other porteurs whose perimeter holds one of this EJ's FINESS PMSI
 * (the EJ itself, or one of its EG): they count in its two projects (source 001), so its page says so.
 */
async function projectsAsParty(db: Database, user: CurrentUser, finess: string, known: ReadonlySet<string>): Promise<LegalEntityDossierRow[]> {
  const sites = await db.site.findMany({ where: { legalEntityFiness: finess }, select: { finess: true } });
  const slots = await db.projectCallSlot.findMany({
    where: { finessPmsi: { in: [finess, ...sites.map((site) => site.finess)] } },
    select: {
      dossier: { select: DOSSIER_SELECT },
    },
    orderBy: { takenAt: "desc" },
  });
  const seen = new Set(known);
  return slots.flatMap(({ dossier }) => {
    if (seen.has(dossier.id)) return [];
    seen.add(dossier.id);
    return [
      {
        dossierId: dossier.id,
        number: dossier.number,
        status: dossier.status,
        guichetLabel: dossier.guichet.label,
        guichetKind: dossier.guichet.kind,
        carrierFiness: dossier.carrier.finess,
        carrierName: dossier.carrier.name,
        requested: null,
        decided: null,
        role: "party" as const,
        readable: canReadDossier(user, dossierScope(dossier)),
      },
    ];
  });
}
