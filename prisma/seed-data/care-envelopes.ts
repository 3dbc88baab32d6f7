import type { Prisma } from "../../lib/generated/prisma/client";
import { DEMO_FINESS } from "./establishments";

/**
 * Demo CaRE envelopes (« Montant plafond au titre du domaine HospiConnect CaRE »), as if the DNS had
 * imported its published file. Source 003_7e8834ec9bc46d44.txt shows one figure, 39 380,00 €, given
 * to the demo EJ; the GHT's are invented for the demo (the sources give no formula), and one EJ
 * of the GHT has none, so that the support's relève covers only the EJ with an envelope.
 */
export const DEMO_CARE_ENVELOPES: readonly { finess: string; amountCents: number }[] = [
  { finess: DEMO_FINESS.multiSiteEj, amountCents: 3_938_000 },
  { finess: DEMO_FINESS.ghtSupport, amountCents: 5_264_000 },
  { finess: DEMO_FINESS.ghtMemberMultiSite, amountCents: 2_891_000 },
];

/** Created once: an envelope the DNS changed in the demo is never put back. */
export async function seedDemoCareEnvelopes(tx: Prisma.TransactionClient, at: Date): Promise<number> {
  const result = await tx.careEnvelope.createMany({
    data: DEMO_CARE_ENVELOPES.map((envelope) => ({ legalEntityFiness: envelope.finess, amountCents: BigInt(envelope.amountCents), reason: "Enveloppe de démonstration", setAt: at })),
    skipDuplicates: true,
  });
  return result.count;
}
