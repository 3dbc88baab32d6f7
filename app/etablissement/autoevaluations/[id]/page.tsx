import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateAndOpenButton } from "@/components/self-assessment/create-and-open-button";
import { SelfAssessmentEditor } from "@/components/self-assessment/self-assessment-editor";
import { SelfAssessmentStatusBadge } from "@/components/self-assessment/status-badge";
import { ValidatedSelfAssessment } from "@/components/self-assessment/validated-self-assessment";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { getSelfAssessment } from "@/lib/self-assessment/service";
import { duplicateSelfAssessmentAction, saveSelfAssessmentDraftAction, validateSelfAssessmentAction } from "../actions";

export const metadata: Metadata = { title: "Autoévaluation de la maturité IE" };

export default async function SelfAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("ESTABLISHMENT_REFERENT", `/etablissement/autoevaluations/${id}`);
  const assessment = await loadForPage(getSelfAssessment(getDb(), user, id));
  const { nru, validatedAt, scores } = assessment;
  const validated = assessment.status === "VALIDATED";
  // Validation sets all three in one transaction (lib/self-assessment/service.ts).
  if (validated && (!nru || !validatedAt || !scores)) throw new Error(`Self-assessment ${assessment.id} is validated without NRU, date or scores`);
  return (
    <>
      <Breadcrumb
        segments={[
          { label: "Mon espace établissement", linkProps: { href: "/etablissement" } },
          { label: "Autoévaluations", linkProps: { href: "/etablissement/autoevaluations" } },
        ]}
        currentPageLabel={`${assessment.legalEntity.name}${validated ? ` — NRU ${nru}` : " — brouillon"}`}
      />
      <h1>Autoévaluation de la maturité IE — {assessment.legalEntity.name}</h1>
      <div className={fr.cx("fr-mb-4w")}>
        <p className="flex flex-wrap items-center gap-4">
          <SelfAssessmentStatusBadge status={assessment.status} nru={assessment.nru} />
          <span>
            FINESS EJ {assessment.legalEntity.finess} · créée le {formatParisInstant(assessment.createdAt)}
            {assessment.createdBy ? ` par ${assessment.createdBy.name}` : ""}
          </span>
        </p>
        {assessment.duplicatedFromId && (
          <p className={fr.cx("fr-text--sm")}>
            Copie de <Link href={`/etablissement/autoevaluations/${assessment.duplicatedFromId}`}>l&apos;autoévaluation d&apos;origine</Link>.
          </p>
        )}
        <p className={fr.cx("fr-text--sm")}>{assessment.questionnaireTitle}</p>
      </div>
      {validated && nru && validatedAt && scores ? (
        <>
          <ValidatedSelfAssessment
            nru={nru}
            validatedAt={validatedAt}
            validatedByName={assessment.validatedBy?.name ?? null}
            definition={assessment.definition}
            answers={assessment.answers}
            scores={scores}
            sites={assessment.legalEntity.sites}
          />
          <CreateAndOpenButton
            action={duplicateSelfAssessmentAction}
            input={{ sourceId: assessment.id }}
            label="Dupliquer cette autoévaluation"
            pendingLabel="Duplication…"
            variant="secondary"
          />
        </>
      ) : (
        <SelfAssessmentEditor
          id={assessment.id}
          initialVersion={assessment.version}
          definition={assessment.definition}
          initialAnswers={assessment.answers}
          sites={assessment.legalEntity.sites}
          legalEntityName={assessment.legalEntity.name}
          saveDraft={saveSelfAssessmentDraftAction}
          validate={validateSelfAssessmentAction}
        />
      )}
    </>
  );
}
