import { toFieldErrors, type SubmissionIssue } from "../../submission-rules";
import type { DossierKindModule } from "../kind-module";
import { PROJECT_CALL_DOCUMENT_KINDS } from "./draft-schema";
import { loadProjectCallFacts, projectDraftOf } from "./facts";
import { PROJECT_CALL_FIELD_LABELS, PROJECT_CALL_KIND_LABEL, projectCallNumberPrefix } from "./labels";
import { releaseProjectSlots, takeProjectSlots } from "./project-slots";
import { projectCallIssues } from "./submission-rules";

/** The porteur is the referent's establishment: its EJ, or one of its EG for a private one (source 002's FINESS PMSI). */
function porteurIssues(facts: { porteurLegalEntityFiness: string | null }, carrierFiness: string, carrierName: string): SubmissionIssue[] {
  if (facts.porteurLegalEntityFiness === null || facts.porteurLegalEntityFiness === carrierFiness) return [];
  return [{ key: "porteurFinessPmsi", missing: false, message: `Le porteur du projet est ${carrierName} (FINESS EJ ${carrierFiness}) : indiquez son FINESS PMSI (son EJ, ou l'un de ses établissements géographiques pour un établissement privé).` }];
}

/**
 * The AAP HOP'EN2 project (source 001). Its rules are in this folder: eligibility, the two-project
 * limit (project-slots.ts under concurrency), the draft and its submission rules, the ARS selection
 * (scoring.ts, selection.ts) and the June-2027 proof step (transitions.ts, proof.ts).
 */
export const projectCallKind: DossierKindModule = {
  kind: "PROJECT_CALL",
  labels: {
    name: PROJECT_CALL_KIND_LABEL,
    formName: "formulaire de dépôt de projet",
    startLabel: (entityName) => `Déposer un projet AAP pour ${entityName}`,
    instructor: "ARS",
    numberPrefix: projectCallNumberPrefix,
  },
  startable: true,
  // source 001: a porteur may take part in two projects; its drafts are not limited by the guichet.
  severalPerCarrier: true,
  dataKey: "project",
  decisionCarriesAmounts: () => true,
  // The cap is the category's, decided with the selection grid (selection.ts), not per EJ.
  decisionCaps: async () => new Map(),
  decidedWithSelectionGrid: true,
  reviewableFields: () => [
    ...Object.entries(PROJECT_CALL_FIELD_LABELS).map(([key, label]) => ({ key, label })),
    ...PROJECT_CALL_DOCUMENT_KINDS.filter((document) => document.key !== "TARGET_PROOF").map((document) => ({ key: `documents.${document.key}`, label: document.label })),
  ],
  submissionErrors: async (db, row) => {
    const draft = projectDraftOf(row);
    const facts = await loadProjectCallFacts(db, row, draft);
    return toFieldErrors([...projectCallIssues(draft, facts), ...porteurIssues(facts, row.carrierFiness, row.carrier.name)]);
  },
  onTransmitted: async (tx, row, at) => {
    // Under the row lock of the transmission: the slots' primary key refuses a third project.
    const facts = await loadProjectCallFacts(tx, row);
    const pmsi = [...new Set(Object.values(facts.sites).map((site) => site.finessPmsi))];
    // A retransmission whose perimeter lost an establishment gives its slot back.
    await tx.projectCallSlot.deleteMany({ where: { dossierId: row.id, finessPmsi: { notIn: pmsi } } });
    const offences = await takeProjectSlots(tx, { guichetId: row.guichetId, dossierId: row.id, finessPmsi: pmsi, at });
    return Object.fromEntries(offences.map((offence) => [offence.finessPmsi === projectDraftOf(row).porteurFinessPmsi ? "porteurFinessPmsi" : "perimeter", [offence.message]]));
  },
  onRefused: async (tx, row) => {
    await releaseProjectSlots(tx, row.id);
  },
};
