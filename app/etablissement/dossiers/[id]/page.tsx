import { TransmissionsList } from "@/components/dossiers/transmissions-list";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { CandidatureForm } from "@/components/dossiers/candidature-form";
import { CareReleveForm } from "@/components/dossiers/care-releve/care-releve-form";
import { AnsweredChangeRequest, ChangeRequestBanner } from "@/components/dossiers/change-request-banner";
import { DecisionNotice } from "@/components/dossiers/decision-notice";
import { DepositForm } from "@/components/dossiers/deposit-form";
import { DossierProgress, DossierState } from "@/components/dossiers/dossier-progress";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { ProjectCallPage } from "@/components/dossiers/project-call/project-page";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { buildDossierFormModel } from "@/lib/dossiers/form-model";
import { loadDossierDecision } from "@/lib/dossiers/instruction";
import { instructorWords } from "@/lib/dossiers/instructor-words";
import { buildProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { getDossierForUser } from "@/lib/dossiers/service";

export const metadata: Metadata = { title: "Dossier" };

export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ transmis?: string | string[] }> }) {
  const { id } = await params;
  const { transmis } = await searchParams;
  const user = await requireRole("ESTABLISHMENT_REFERENT", `/etablissement/dossiers/${id}`);
  const db = getDb();
  const row = await loadForPage(getDossierForUser(db, user, id));
  if (row.guichet.kind === "PROJECT_CALL") {
    return <ProjectCallPage model={await buildProjectCallFormModel(db, row, now())} transmitted={typeof transmis === "string" ? transmis : undefined} />;
  }
  const model = await buildDossierFormModel(db, row, now());
  const lastSubmission = model.submissions.at(-1) ?? null;
  const instructor = instructorWords(row.guichet.kind);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumb
        className="fr-mb-0"
        homeLinkProps={{ href: "/etablissement" }}
        segments={[{ label: "Mes dossiers", linkProps: { href: "/etablissement/dossiers" } }]}
        currentPageLabel={`Dossier n° ${model.number}`}
      />
      <header>
        <h1 className="fr-mb-2w">
          Dossier n° {model.number} <DossierStatusBadge status={model.status} kind={row.guichet.kind} />
        </h1>
        <p className="fr-mb-1w">
          {model.guichet.label} — {model.carrier.name} (FINESS EJ {model.carrier.finess})
          {model.parts.length > 1 ? ` pour ${model.parts.length} EJ du ${model.carrier.ghtName}` : ""}
        </p>
        <p className="fr-text--sm fr-mb-0">
          Clôture des dépôts : {formatCalendarDate(model.guichet.closesOn)} à 23 h 59 (heure de Paris) — fin de l&apos;instruction :{" "}
          {formatCalendarDate(model.guichet.instructionEndsOn)}.
        </p>
      </header>
      <DossierProgress status={model.status} instructor={instructor} />
      <DossierState status={model.status} editable={model.editable} lastSubmission={lastSubmission} justTransmitted={lastSubmission !== null && transmis === String(lastSubmission.sequence)} instructor={instructor} />
      <DecisionNotice decision={await loadDossierDecision(db, row)} instructor={instructor} />
      {model.openChangeRequest && <ChangeRequestBanner request={model.openChangeRequest} instructor={instructor} />}
      {model.answeredChangeRequest && <AnsweredChangeRequest request={model.answeredChangeRequest} instructor={instructor} />}
      {/* Re-mounted on each status or transmission: no draft message, error or ARS point of the previous state survives it. */}
      {model.kind === "CANDIDATURE" ? (
        <CandidatureForm key={`${model.status}-${model.submissions.length}`} model={model} />
      ) : model.kind === "CARE_RELEVE" ? (
        <CareReleveForm key={`${model.status}-${model.submissions.length}`} model={model} />
      ) : (
        <DepositForm key={`${model.status}-${model.submissions.length}`} model={model} />
      )}
      <TransmissionsList dossierId={model.id} submissions={model.submissions} />
    </div>
  );
}
