import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { ARS_WORDS, type InstructorWords } from "@/lib/dossiers/instructor-words";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { FocusOnMount } from "./focus-on-mount";
import { StaticAlert } from "./static-alert";

/**
 * Where the dossier stands in the programme's loop (source 003: the establishment deposits, the
 * ARS instructs — and may ask for a complement —, then decides), as a DSFR stepper.
 */
const steps = (w: InstructorWords): readonly string[] => ["Saisie du dossier", `Instruction par ${w.the}`, `Décision de ${w.the}`];

function step(status: DossierStatus, w: InstructorWords): { current: 1 | 2 | 3; title: string } {
  switch (status) {
    case "DRAFT":
      return { current: 1, title: "Saisie du dossier" };
    case "SUBMITTED":
      return { current: 2, title: `Instruction par ${w.the}` };
    case "CHANGES_REQUESTED":
      return { current: 2, title: `Instruction par ${w.the} : complément demandé` };
    case "ACCEPTED":
      return { current: 3, title: `Décision de ${w.the} : dossier accepté` };
    case "REFUSED":
      return { current: 3, title: `Décision de ${w.the} : dossier refusé` };
    case "PROOF_SUBMITTED":
    case "PROOF_CHANGES_REQUESTED":
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      // An AAP project after its selection: the decision is made, its proof step has its own panel.
      return { current: 3, title: `Décision de ${w.the} : ${DOSSIER_STATUS_LABELS[status].toLowerCase()}` };
    default: {
      const unknown: never = status;
      throw new Error(`Unknown dossier status ${String(unknown)}`);
    }
  }
}

export function DossierProgress({ status, instructor = ARS_WORDS }: { status: DossierStatus; instructor?: InstructorWords }) {
  const { current, title } = step(status, instructor);
  const all = steps(instructor);
  return <Stepper currentStep={current} stepCount={all.length} title={title} nextTitle={current < all.length ? all[current] : undefined} />;
}

interface DossierStateProps {
  status: DossierStatus;
  editable: boolean;
  lastSubmission: { sequence: number; submittedAt: string } | null;
  /** The transmission the user just made (from the page's address): its confirmation takes the focus. */
  justTransmitted: boolean;
  instructor?: InstructorWords;
}

/** One sentence of the dossier's state, true at every moment: transmitted or not, and what comes next. */
export function DossierState({ status, editable, lastSubmission, justTransmitted, instructor: w = ARS_WORDS }: DossierStateProps) {
  const closed = !editable && (status === "DRAFT" || status === "CHANGES_REQUESTED") ? " Le guichet est fermé : ce dossier ne peut plus être modifié." : "";
  switch (status) {
    case "DRAFT":
      return <StaticAlert data-testid="etat-dossier" severity="warning" small description={`Brouillon — non transmis à ${w.the}. Complétez-le puis transmettez-le à ${w.the}.${closed}`} />;
    case "CHANGES_REQUESTED":
      return (
        <StaticAlert
          data-testid="etat-dossier"
          severity="warning"
          small
          description={`Modifications en cours — non transmises à ${w.the}. Complément demandé par ${w.the} : corrigez puis transmettez à nouveau.${closed}`}
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
            description={`Transmis à ${w.the}${when}. En cours d'instruction par ${w.the} : le dossier est verrouillé, son récépissé est disponible ci-dessous.`}
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
