import { TransmissionsList } from "@/components/dossiers/transmissions-list";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { PROJECT_CALL_KIND_LABEL } from "@/lib/dossiers/kinds/project-call/labels";
import { ChangeRequestBanner } from "../change-request-banner";
import { DossierProgress } from "../dossier-progress";
import { DossierStatusBadge } from "../dossier-status-badge";
import { ProjectCallForm } from "./project-form";
import { ProjectDecisionNotice } from "./project-decision-notice";
import { ProjectState } from "./project-state";
import { ProjectSummary } from "./project-summary";
import { ProofStep } from "./proof-step";

/** The establishment's page of an AAP HOP'EN2 project: its state, the ARS's decisions, the form (or the project to read), the proof step, the receipts. */
export function ProjectCallPage({ model, transmitted }: { model: ProjectCallFormModel; transmitted: string | undefined }) {
  const lastSubmission = model.submissions.at(-1) ?? null;
  // Re-mounted on each status or transmission: no draft message, error or ARS point of the previous state survives it.
  const remount = `${model.status}-${model.submissions.length}`;
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumb
        className="fr-mb-0"
        homeLinkProps={{ href: "/etablissement" }}
        segments={[{ label: "Mes dossiers", linkProps: { href: "/etablissement/dossiers" } }]}
        currentPageLabel={`Projet n° ${model.number}`}
      />
      <header>
        <h1 className="fr-mb-2w">
          Projet n° {model.number} <DossierStatusBadge status={model.status} kind="PROJECT_CALL" />
        </h1>
        <p className="fr-mb-1w">
          {PROJECT_CALL_KIND_LABEL} — {model.guichet.label} — {model.carrier.name} (FINESS EJ {model.carrier.finess})
        </p>
        <p className="fr-text--sm fr-mb-0">
          Dépôt des projets du {formatCalendarDate(model.guichet.opensOn)} au {formatCalendarDate(model.guichet.closesOn)} à 23 h 59 (heure de Paris) — fin de la
          sélection : {formatCalendarDate(model.guichet.instructionEndsOn)}.
        </p>
      </header>
      <DossierProgress status={model.status} />
      <ProjectState status={model.status} editable={model.editable} lastSubmission={lastSubmission} justTransmitted={lastSubmission !== null && transmitted === String(lastSubmission.sequence)} />
      <ProjectDecisionNotice decision={model.decision} />
      {model.openChangeRequest && <ChangeRequestBanner request={model.openChangeRequest} />}
      {model.proof && <ProofStep key={`preuves-${remount}`} model={model} proof={model.proof} />}
      {model.editable ? <ProjectCallForm key={remount} model={model} /> : <ProjectSummary model={model} />}
      <TransmissionsList dossierId={model.id} submissions={model.submissions} />
    </div>
  );
}
