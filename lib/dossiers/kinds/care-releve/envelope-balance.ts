import type { Database } from "@/lib/db/client";
import { careRemaining, sumCents, type Cents } from "@/lib/funding";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus } from "@/lib/generated/prisma/enums";

/** A relève under instruction reserves what it asks; a granted one has drawn what the ANS decided. */
const RESERVING: readonly DossierStatus[] = ["SUBMITTED", "CHANGES_REQUESTED"];
const GRANTED: readonly DossierStatus[] = ["ACCEPTED"];

/** One EJ's envelope as a relève sees it: what the other relèves took, what remains for this one. */
export interface CareEnvelopeBalance {
  finess: string;
  /** null: no envelope published for the EJ. */
  envelope: Cents | null;
  /** Granted by the ANS at earlier (or other) relèves. */
  granted: Cents;
  /** Asked by other relèves still under instruction. */
  reserved: Cents;
  remaining: Cents | null;
  /** The other relèves of the EJ, oldest first, for the form and the ANS's screen. */
  releves: { dossierId: string; number: string; year: number; status: DossierStatus; requested: Cents | null; decided: Cents | null }[];
  /** Whether the EJ took part in a relève of an earlier year that was transmitted (source 003: then no new note de cadrage). */
  transmittedBefore: boolean;
}

type Client = Database | Prisma.TransactionClient;

/**
 * The balances of `finessList` for the relève `dossierId` (its own amounts are never counted).
 * With `lock`, inside a transaction, the envelope rows are locked first (FOR UPDATE, in FINESS
 * order so two transactions cannot deadlock): two relèves of one EJ transmitted or decided at
 * the same moment are then serialised, and the second sees what the first reserved.
 */
export async function careEnvelopeBalances(db: Client, finessList: readonly string[], dossier: { id: string; year: number }, options: { lock?: boolean } = {}): Promise<Map<string, CareEnvelopeBalance>> {
  const sorted = [...new Set(finessList)].sort();
  if (options.lock && sorted.length > 0) {
    await (db as Prisma.TransactionClient).$queryRaw`SELECT "legalEntityFiness" FROM "CareEnvelope" WHERE "legalEntityFiness" = ANY(${sorted}::varchar[]) ORDER BY "legalEntityFiness" FOR UPDATE`;
  }
  const [envelopes, parts] = await Promise.all([
    db.careEnvelope.findMany({ where: { legalEntityFiness: { in: sorted } }, select: { legalEntityFiness: true, amountCents: true } }),
    db.dossierLegalEntity.findMany({
      where: { legalEntityFiness: { in: sorted }, dossierId: { not: dossier.id }, dossier: { guichet: { kind: "CARE_RELEVE" } } },
      select: {
        legalEntityFiness: true,
        requestedCents: true,
        decidedCents: true,
        dossier: { select: { id: true, number: true, status: true, submittedAt: true, guichet: { select: { year: true } } } },
      },
      orderBy: [{ dossier: { guichet: { year: "asc" } } }, { dossier: { number: "asc" } }],
    }),
  ]);
  const balances = new Map<string, CareEnvelopeBalance>();
  for (const finess of sorted) {
    const envelopeRow = envelopes.find((row) => row.legalEntityFiness === finess);
    const ofEj = parts.filter((part) => part.legalEntityFiness === finess);
    const granted = sumCents(ofEj.filter((part) => GRANTED.includes(part.dossier.status)).map((part) => Number(part.decidedCents ?? 0n)));
    const reserved = sumCents(ofEj.filter((part) => RESERVING.includes(part.dossier.status)).map((part) => Number(part.requestedCents ?? 0n)));
    const envelope = envelopeRow ? Number(envelopeRow.amountCents) : null;
    balances.set(finess, {
      finess,
      envelope,
      granted,
      reserved,
      remaining: envelope === null ? null : careRemaining(envelope, [granted, reserved]),
      releves: ofEj.map((part) => ({
        dossierId: part.dossier.id,
        number: part.dossier.number,
        year: part.dossier.guichet.year,
        status: part.dossier.status,
        requested: part.requestedCents === null ? null : Number(part.requestedCents),
        decided: part.decidedCents === null ? null : Number(part.decidedCents),
      })),
      transmittedBefore: ofEj.some((part) => part.dossier.guichet.year < dossier.year && part.dossier.submittedAt !== null),
    });
  }
  return balances;
}
