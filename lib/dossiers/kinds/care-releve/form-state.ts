import type { Database } from "@/lib/db/client";
import type { Cents } from "@/lib/funding";
import type { DossierRow } from "../../dossier-view";
import { storedCareDraft, type CareReleveDraft } from "./draft-schema";
import { careEnvelopeBalances, type CareEnvelopeBalance } from "./envelope-balance";

/** What the relève's form shows beside the common dossier model: the draft, and each EJ's envelope as it stands. */
export interface CareReleveFormState {
  draft: CareReleveDraft;
  parts: {
    finess: string;
    envelope: Cents | null;
    granted: Cents;
    reserved: Cents;
    remaining: Cents | null;
    /** source 003: the note de cadrage is asked at the first relève, then only of an EJ that deposited none in 2026. */
    noteDeCadrageRequired: boolean;
    releves: CareEnvelopeBalance["releves"];
  }[];
}

export async function buildCareReleveFormState(db: Database, row: DossierRow): Promise<CareReleveFormState> {
  const stored = storedCareDraft(row.data);
  const balances = await careEnvelopeBalances(db, row.legalEntities.map((part) => part.legalEntityFiness), { id: row.id, year: row.guichet.year });
  return {
    // Every EJ of the dossier has its part in the form, even before the first save.
    draft: {
      ...stored,
      parts: row.legalEntities.map((part) => stored.parts.find((candidate) => candidate.legalEntityFiness === part.legalEntityFiness) ?? { legalEntityFiness: part.legalEntityFiness, nru: null, requested: null }),
    },
    parts: row.legalEntities.map((part) => {
      const balance = balances.get(part.legalEntityFiness);
      return {
        finess: part.legalEntityFiness,
        envelope: balance?.envelope ?? null,
        granted: balance?.granted ?? 0,
        reserved: balance?.reserved ?? 0,
        remaining: balance?.remaining ?? null,
        noteDeCadrageRequired: !(balance?.transmittedBefore ?? false),
        releves: balance?.releves ?? [],
      };
    }),
  };
}
