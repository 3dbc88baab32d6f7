import type { Database } from "@/lib/db/client";
import type { DossierDocumentKind } from "@/lib/generated/prisma/enums";
import type { DossierRow } from "../../dossier-view";
import { loadProjectCallFacts, projectDraftOf } from "./facts";

/**
 * What a document of an AAP project may be about (its `objectiveCode`): the validation of a GHT the
 * perimeter requires, the commitment letter of a partner of the draft, the proof of one of the
 * project's targets. Anything else — another kind's document, or a subject the project does not
 * have — is refused with the reason, so no orphan document reaches the ARS.
 */
export async function projectDocumentProblem(db: Database, row: DossierRow, kind: DossierDocumentKind, subject: string | null): Promise<string | null> {
  const draft = projectDraftOf(row);
  switch (kind) {
    case "PARTNER_COMMITMENT":
      return draft.industrialPartners.some((partner) => partner.id === subject) ? null : "Ce partenaire industriel ne figure pas dans le projet : enregistrez-le d'abord.";
    case "TARGET_PROOF":
      return draft.targets.some((target) => target.id === subject) ? null : "Cette cible ne fait pas partie du projet.";
    case "GHT_VALIDATION": {
      const facts = await loadProjectCallFacts(db, row, draft);
      return facts.requiredGhtValidations.some((ght) => ght.ghtId === subject) ? null : "Aucun établissement public de ce GHT n'est dans le périmètre du projet : sa validation n'est pas demandée.";
    }
    default:
      return "Ce type de document ne fait pas partie d'un projet de l'appel à projets.";
  }
}
