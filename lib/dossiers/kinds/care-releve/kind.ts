import type { Cents } from "@/lib/funding";
import { toFieldErrors } from "../../submission-rules";
import type { DossierKindModule } from "../kind-module";
import { loadCareReleveFacts } from "./facts";
import { careReleveReviewableFields } from "./reviewable-fields";
import { careReleveIssues, partDrawCap } from "./rules";

/**
 * A HospiConnect/CaRE relève (source 003_7e8834ec9bc46d44.txt): per EJ (each EJ of a GHT through
 * its support establishment), the attestation, the note de cadrage, the NRU of the year, the
 * expenses and the amount asked, drawn on the EJ's single envelope; instructed by the ANS.
 */
export const careReleveKind: DossierKindModule = {
  kind: "CARE_RELEVE",
  labels: {
    name: "Relève CaRE",
    formName: "formulaire de dépôt",
    startLabel: (entityName) => `Déposer la relève CaRE de ${entityName}`,
    instructor: "ANS",
    decisionCapRule: "le moins élevé du montant demandé, des dépenses éligibles déclarées et de ce qui reste de l'enveloppe CaRE",
    numberPrefix: (year) => `HC-CARE${year}`,
  },
  startable: true,
  severalPerCarrier: false,
  decidedWithSelectionGrid: false,
  dataKey: "care",
  decisionCarriesAmounts: () => true,
  // min(requested, eligible expenses, what remains of the envelope) per EJ, on the balances of now.
  decisionCaps: async (db, row, options) => {
    const { draft, facts } = await loadCareReleveFacts(db, row, row.submittedAt ?? new Date(), options);
    const caps = new Map<string, Cents>();
    for (const part of facts.parts) caps.set(part.legalEntityFiness, partDrawCap(draft, part, facts.year, facts.today) ?? 0);
    return caps;
  },
  reviewableFields: careReleveReviewableFields,
  submissionErrors: async (db, row, at) => {
    const { draft, facts } = await loadCareReleveFacts(db, row, at);
    return toFieldErrors(careReleveIssues(draft, facts));
  },
  // Under the envelopes' lock: what another relève of the same EJ reserved meanwhile counts.
  onTransmitted: async (tx, row, at) => {
    const { draft, facts } = await loadCareReleveFacts(tx, row, at, { lock: true });
    return toFieldErrors(careReleveIssues(draft, facts).filter((issue) => issue.key.endsWith(".requested")));
  },
};
