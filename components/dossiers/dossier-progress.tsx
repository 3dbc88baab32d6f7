import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { FocusOnMount } from "./focus-on-mount";
import { StaticAlert } from "./static-alert";

/**
 * Where the dossier stands in the programme's loop (source 003: the establishment deposits, the
 * ARS instructs — and may ask for a complement —, then decides), as a DSFR stepper.
 */
const STEPS: readonly string[] = ["Saisie du dossier", "Instruction par l'ARS", "Décision de l'ARS"];

function step(status: DossierStatus): { current: 1 | 2 | 3; title: string } {
  switch (status) {
    case "DRAFT":
      return { current: 1, title: "Saisie du dossier" };
    case "SUBMITTED":
      return { current: 2, title: "Instruction par l'ARS" };
    case "CHANGES_REQUESTED":
      return { current: 2, title: "Instruction par l'ARS : complément demandé" };
    case "ACCEPTED":
      return { current: 3, title: "Décision de l'ARS : dossier accepté" };
    case "REFUSED":
      return { current: 3, title: "Décision de l'ARS : dossier refusé" };
    case "PROOF_SUBMITTED":
    case "PROOF_CHANGES_REQUESTED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      // An AAP project after its selection: the decision is made, its proof step has its own panel.
      return { current: 3, title: `Décision de l'ARS : ${DOSSIER_STATUS_LABELS[status].toLowerCase()}` };
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
}

export function DossierProgress({ status }: { status: DossierStatus }) {
  const { current, title } = step(status);
  return <Stepper currentStep={current} stepCount={STEPS.length} title={title} nextTitle={current < STEPS.length ? STEPS[current] : undefined} />;
}

interface DossierStateProps {
  status: DossierStatus;
  editable: boolean;
  lastSubmission: { sequence: number; submittedAt: string } | null;
  /** The transmission the user just made (from the page's address): its confirmation takes the focus. */
  justTransmitted: boolean;
}

/** One sentence of the dossier's state, true at every moment: transmitted or not, and what comes next. */
export function DossierState({ status, editable, lastSubmission, justTransmitted }: DossierStateProps) {
  const closed = !editable && (status === "DRAFT" || status === "CHANGES_REQUESTED") ? " Le guichet est fermé : ce dossier ne peut plus être modifié." : "";
  switch (status) {
    case "DRAFT":
      return <StaticAlert data-testid="etat-dossier" severity="warning" small description={`Brouillon — non transmis à l'ARS. Complétez-le puis transmettez-le à l'ARS.${closed}`} />;
    case "CHANGES_REQUESTED":
      return (
        <StaticAlert
          data-testid="etat-dossier"
          severity="warning"
          small
          description={`Modifications en cours — non transmises à l'ARS. Complément demandé par l'ARS : corrigez puis transmettez à nouveau.${closed}`}
        />
      );
    case "SUBMITTED": {
      const when = lastSubmission ? ` le ${formatParisInstant(new Date(lastSubmission.submittedAt))} (transmission n° ${lastSubmission.sequence})` : "";
      return (
        <FocusOnMount active={justTransmitted}>
          <StaticAlert
            data-testid="etat-dossier"
            severity="success"
            small
            description={`Transmis à l'ARS${when}. En cours d'instruction par l'ARS : le dossier est verrouillé, son récépissé est disponible ci-dessous.`}
          />
        </FocusOnMount>
      );
    }
    case "ACCEPTED":
    case "REFUSED":
    case "PROOF_SUBMITTED":
    case "PROOF_CHANGES_REQUESTED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      // The decision itself (and an AAP project's proof panel) says it, just below.
      return null;
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
}
