import type { Database } from "@/lib/db/client";
import type { Cents } from "@/lib/funding";
import type { DossierRow } from "../../dossier-view";
import { careReleveDraftSchema, type CareReleveDraft } from "./draft-schema";
import { careEnvelopeBalances, type CareEnvelopeBalance } from "./envelope-balance";

/** What the ANS reads of a relève beside the common review: the transmitted answers and each EJ's envelope now. */
export interface CareReleveReview {
  /** As transmitted (latest snapshot); null if unreadable. */
  transmitted: CareReleveDraft | null;
  balances: CareEnvelopeBalance[];
  /** The most the ANS may grant each EJ now (min of requested, eligible, remaining). */
  caps: Record<string, Cents>;
}

/** `caps`: the instruction model's caps per EJ (null where none). */
export async function loadCareReleveReview(db: Database, row: DossierRow, snapshotData: unknown, caps: Record<string, Cents | null>): Promise<CareReleveReview> {
  const parsed = careReleveDraftSchema.safeParse((snapshotData as { care?: unknown } | null)?.care ?? {});
  const balances = await careEnvelopeBalances(db, row.legalEntities.map((part) => part.legalEntityFiness), { id: row.id, year: row.guichet.year });
  return {
    transmitted: parsed.success ? parsed.data : null,
    balances: [...balances.values()],
    caps: Object.fromEntries(Object.entries(caps).filter((entry): entry is [string, Cents] => entry[1] !== null)),
  };
}
