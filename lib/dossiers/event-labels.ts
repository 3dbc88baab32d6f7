import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { DOSSIER_STATUS_LABELS } from "./machine";

/**
 * DossierEvent.type in French: the establishment's events, the instructors' transitions of
 * lib/dossiers/instruction, and the demo seed's; `instructor` names who instructs (« l'ARS », or
 * « l'ANS » for a CaRE relève). Shared by the dossier history and the team's activity.
 */
function eventLabels(instructor: string): Record<string, string> {
  return {
    CREATED: "Dossier créé",
    SUBMITTED: `Dossier transmis à ${instructor}`,
    RESUBMITTED: "Dossier transmis à nouveau après complément",
    REQUEST_CHANGES: `Complément demandé par ${instructor}`,
    WITHDRAW_CHANGE_REQUEST: `Demande de complément retirée par ${instructor}`,
    ACCEPT: "Dossier accepté",
    REFUSE: "Dossier refusé",
    ACCEPTED: "Dossier accepté",
    REFUSED: "Dossier refusé",
    // An AAP HOP'EN2 project's proof step (lib/dossiers/kinds/project-call).
    PROOF_SUBMITTED: `Preuves transmises à ${instructor}`,
    PROOF_RESUBMITTED: "Preuves transmises à nouveau après complément",
    REQUEST_PROOF_CHANGES: `Complément demandé par ${instructor} sur les preuves`,
    VALIDATE_OBJECTIVES: `Atteinte des objectifs validée par ${instructor}`,
    REJECT_OBJECTIVES: `Objectifs non atteints selon ${instructor}`,
  };
}

export function dossierEventLabel(event: { type: string; toStatus: DossierStatus | null }, instructor: string): string {
  return eventLabels(instructor)[event.type] ?? (event.toStatus ? `Passage au statut « ${DOSSIER_STATUS_LABELS[event.toStatus]} »` : event.type);
}
