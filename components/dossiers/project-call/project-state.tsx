import { formatParisInstant } from "@/lib/clock/paris-date";
import { PROJECT_CALL_NEXT_STEP } from "@/lib/dossiers/kinds/project-call/labels";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { FocusOnMount } from "../focus-on-mount";
import { StaticAlert } from "../static-alert";

interface ProjectStateProps {
  status: DossierStatus;
  editable: boolean;
  lastSubmission: { sequence: number; submittedAt: string } | null;
  /** The transmission the user just made (from the page's address): its confirmation takes the focus. */
  justTransmitted: boolean;
}

/** One sentence of the project's state, true at every moment: transmitted or not, and what comes next. */
export function ProjectState({ status, editable, lastSubmission, justTransmitted }: ProjectStateProps) {
  const when = lastSubmission ? ` le ${formatParisInstant(new Date(lastSubmission.submittedAt))} (transmission n° ${lastSubmission.sequence})` : "";
  const closed = !editable && (status === "DRAFT" || status === "CHANGES_REQUESTED") ? " L'appel à projets est fermé : ce projet ne peut plus être modifié." : "";
  switch (status) {
    case "DRAFT":
      return <StaticAlert data-testid="etat-dossier" severity="warning" small description={`Brouillon — non transmis à l'ARS. ${PROJECT_CALL_NEXT_STEP.DRAFT}${closed}`} />;
    case "CHANGES_REQUESTED":
      return (
        <StaticAlert data-testid="etat-dossier" severity="warning" small description={`Modifications en cours — non transmises à l'ARS. ${PROJECT_CALL_NEXT_STEP.CHANGES_REQUESTED}${closed}`} />
      );
    case "SUBMITTED":
      return (
        <FocusOnMount active={justTransmitted}>
          <StaticAlert
            data-testid="etat-dossier"
            severity="success"
            small
            description={`Projet transmis à l'ARS${when}. ${PROJECT_CALL_NEXT_STEP.SUBMITTED} Le projet est verrouillé ; son récépissé est disponible ci-dessous.`}
          />
        </FocusOnMount>
      );
    case "ACCEPTED":
      return <StaticAlert data-testid="etat-dossier" severity="info" small description={PROJECT_CALL_NEXT_STEP.ACCEPTED} />;
    case "PROOF_SUBMITTED":
      return (
        <FocusOnMount active={justTransmitted}>
          <StaticAlert
            data-testid="etat-dossier"
            severity="success"
            small
            description={`Preuves transmises à l'ARS${when}. ${PROJECT_CALL_NEXT_STEP.PROOF_SUBMITTED} Leur récépissé est disponible ci-dessous.`}
          />
        </FocusOnMount>
      );
    case "PROOF_CHANGES_REQUESTED":
      return <StaticAlert data-testid="etat-dossier" severity="warning" small description={`Preuves non transmises à nouveau. ${PROJECT_CALL_NEXT_STEP.PROOF_CHANGES_REQUESTED}`} />;
    case "REFUSED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      // The decision itself says it, just below.
      return null;
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
}
