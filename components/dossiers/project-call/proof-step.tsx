"use client";

import { useSubmissionAttempt } from "@/components/dossiers/use-submission-attempt";
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useCallback, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveProjectProofAction, submitProjectProofAction } from "@/app/etablissement/dossiers/project-call-actions";
import { useValueAutosave } from "@/components/ui/use-autosave";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import type { ProjectCallProofDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { proofIssues } from "@/lib/dossiers/kinds/project-call/submission-rules";
import type { FieldErrors, SubmissionIssue } from "@/lib/dossiers/submission-rules";
import { DocumentSlot } from "../document-slot";
import { ErrorSummary, fieldId, fieldState, summaryGroups } from "../field-errors";
import { SaveStatus } from "../save-status";
import { StaticAlert } from "../static-alert";
import { SubmitPanel, type SubmitWording } from "../submit-panel";
import { GroupMessages } from "./field-group";
import { attachedDocuments } from "./project-errors";

type Proof = NonNullable<ProjectCallFormModel["proof"]>;
type Target = ProjectCallFormModel["draft"]["targets"][number];

/** Per target of the project, in its order: reached ("oui"/"non", null while unanswered) and the comment. */
interface ProofValues {
  outcomes: { reached: "oui" | "non" | "" | null; comment: string }[];
}

function toValues(targets: readonly Target[], draft: ProjectCallProofDraft): ProofValues {
  return {
    outcomes: targets.map((target) => {
      const outcome = draft.targets.find((candidate) => candidate.targetId === target.id);
      return { reached: outcome?.reached === undefined || outcome.reached === null ? "" : outcome.reached ? "oui" : "non", comment: outcome?.comment ?? "" };
    }),
  };
}

function toDraft(targets: readonly Target[], values: ProofValues): ProjectCallProofDraft {
  return {
    targets: targets.map((target, index) => {
      const outcome = values.outcomes?.[index];
      return { targetId: target.id, reached: outcome?.reached === "oui" ? true : outcome?.reached === "non" ? false : null, comment: (outcome?.comment ?? "").trim() };
    }),
  };
}

const PROOF_WORDING: Partial<SubmitWording> = {
  heading: "Transmettre les preuves à l'ARS",
  resubmitHeading: "Transmettre à nouveau les preuves à l'ARS",
  action: "Transmettre les preuves à l'ARS",
  resubmitAction: "Transmettre à nouveau les preuves à l'ARS",
  modalTitle: "Transmettre les preuves à l'ARS ?",
  resubmitModalTitle: "Transmettre à nouveau les preuves à l'ARS ?",
  notice: (
    <>
      Tant que vous n&apos;avez pas confirmé la transmission, vos preuves ne sont <strong>pas transmises</strong> à l&apos;ARS. Après la transmission, elles sont
      verrouillées ; un récépissé est disponible.
    </>
  ),
};

/** « Cible atteinte ? » per target: answered, the comment when not reached, the proof when reached. */
function shownErrors(issues: readonly SubmissionIssue[], attempted: boolean): FieldErrors {
  const shown: FieldErrors = {};
  for (const issue of issues) if (attempted || !issue.missing) (shown[issue.key] ??= []).push(issue.message);
  return shown;
}

/**
 * The June-2027 proof deposit of an accepted project (source 001: « 30 juin – fin du dépôt des
 * éléments de preuves »): per target, reached or not, a comment (required when not reached) and
 * its proof; then the transmission to the ARS, which will validate the objectives (second payment) or not.
 */
export function ProofStep({ model, proof }: { model: ProjectCallFormModel; proof: Proof }) {
  const targets = model.draft.targets;
  const { register, control, getValues } = useForm<ProofValues>({ defaultValues: toValues(targets, proof.draft) });
  const values = useWatch({ control }) as ProofValues;
  const { attempted, summaryRef, onBlocked, refused, shownErrors: withRefusal } = useSubmissionAttempt();

  const draft = useMemo(() => toDraft(targets, values), [targets, values]);
  const issuesOf = useCallback(
    (next: ProjectCallProofDraft) => proofIssues(next, { status: model.status, targets, documents: attachedDocuments(model.documents) }),
    [model.status, model.documents, targets],
  );
  const save = useCallback((next: ProjectCallProofDraft, version: number) => saveProjectProofAction({ dossierId: model.id, version, draft: next }), [model.id]);
  const autosave = useValueAutosave(draft, { initialVersion: model.version, save, enabled: proof.editable });

  const live = proof.editable ? shownErrors(issuesOf(draft), attempted) : {};
  const errors = withRefusal(live, JSON.stringify(draft));
  const disabled = !proof.editable;
  const { opensOn, closesOn } = proof.window;

  return (
    <section aria-labelledby="preuves" className="flex flex-col gap-6">
      <h2 id="preuves" className="fr-h3 fr-mb-0">
        Preuves d&apos;atteinte des cibles
      </h2>
      <p className="fr-mb-0">
        {opensOn && closesOn
          ? `Dépôt des preuves du ${formatCalendarDate(opensOn)} au ${formatCalendarDate(closesOn)} inclus (heure de Paris).`
          : "Les dates du dépôt des preuves ne sont pas encore fixées."}
      </p>
      {proof.windowProblem && <StaticAlert severity="warning" small description={proof.windowProblem} />}
      <form className="flex flex-col gap-6" onSubmit={(event) => event.preventDefault()} noValidate>
        {proof.editable && <SaveStatus status={autosave.status} onRetry={autosave.retry} />}
        {proof.editable && attempted && <ErrorSummary ref={summaryRef} title="Les preuves n'ont pas été transmises" groups={summaryGroups(errors, [], null)} />}
        {errors.proof && <StaticAlert severity="error" small description={errors.proof.join(" ")} />}
        {targets.length === 0 && <p className="fr-mb-0">Ce projet ne comporte aucune cible.</p>}
        {targets.map((target, index) => {
          const key = (field: string) => `targets.${target.id}.${field}`;
          const reached = values.outcomes?.[index]?.reached;
          const comment = fieldState(errors[key("comment")]);
          const proofKey = `documents.TARGET_PROOF.${target.id}`;
          const hasProofs = model.documents.some((document) => document.kind === "TARGET_PROOF" && document.objectiveCode === target.id);
          const legendId = `preuve-cible-${index}`;
          return (
            <fieldset key={target.id} id={fieldId(`targets.${target.id}`)} className={fr.cx("fr-fieldset")} aria-labelledby={`${legendId} ${legendId}-messages`}>
              <legend id={legendId} className={fr.cx("fr-fieldset__legend")}>
                <span className="fr-h6 block fr-mb-1v">Cible n° {index + 1}</span>
                <span className="fr-text--regular">{target.description || "—"}</span>
              </legend>
              <div className={fr.cx("fr-fieldset__element")}>
                <RadioButtons
                  id={fieldId(key("reached"))}
                  legend="Cible atteinte ?"
                  orientation="horizontal"
                  disabled={disabled}
                  {...fieldState(errors[key("reached")])}
                  options={[
                    { label: "Oui", nativeInputProps: { ...register(`outcomes.${index}.reached`), value: "oui" } },
                    { label: "Non", nativeInputProps: { ...register(`outcomes.${index}.reached`), value: "non" } },
                  ]}
                />
              </div>
              <div className={fr.cx("fr-fieldset__element")}>
                <Input
                  textArea
                  label="Commentaire sur la cible"
                  hintText={reached === "non" ? "Obligatoire : expliquez pourquoi la cible n'est pas atteinte." : "Facultatif si la cible est atteinte."}
                  disabled={disabled}
                  {...comment}
                  nativeTextAreaProps={{ ...register(`outcomes.${index}.comment`), id: fieldId(key("comment")), rows: 3, maxLength: 4000, "aria-invalid": comment.state === "error" || undefined }}
                />
              </div>
              {(reached === "oui" || hasProofs) && (
                <div className={fr.cx("fr-fieldset__element")}>
                  <DocumentSlot
                    dossierId={model.id}
                    kind="TARGET_PROOF"
                    objectiveCode={target.id}
                    forFiness={model.carrier.finess}
                    targets={[]}
                    label={`Preuve d'atteinte de la cible n° ${index + 1}`}
                    description="Un ou plusieurs fichiers (PDF ou ZIP) attestant l'atteinte de la cible."
                    documents={model.documents}
                    editable={proof.editable}
                    fieldKey={proofKey}
                    errors={errors[proofKey]}
                  />
                </div>
              )}
              <GroupMessages id={`${legendId}-messages`} errors={errors[`targets.${target.id}`]} />
            </fieldset>
          );
        })}
        {proof.editable && (
          <SubmitPanel
            dossierId={model.id}
            step="proof"
            resubmission={model.status === "PROOF_CHANGES_REQUESTED"}
            wording={PROOF_WORDING}
            submit={(version) => submitProjectProofAction({ dossierId: model.id, version })}
            prepare={async () => {
              if (!(await autosave.flush())) return null;
              return { version: autosave.currentVersion(), blocked: issuesOf(toDraft(targets, getValues())).length > 0 };
            }}
            onBlocked={onBlocked}
            onRefused={(serverErrors) => refused(serverErrors, JSON.stringify(toDraft(targets, getValues())))}
            recap={() => <ProofRecap model={model} draft={toDraft(targets, getValues())} />}
          />
        )}
      </form>
    </section>
  );
}

function ProofRecap({ model, draft }: { model: ProjectCallFormModel; draft: ProjectCallProofDraft }) {
  return (
    <>
      <p>Vous allez transmettre à l&apos;ARS les preuves d&apos;atteinte des cibles du projet n° {model.number} :</p>
      <ul>
        {model.draft.targets.map((target, index) => {
          const outcome = draft.targets.find((candidate) => candidate.targetId === target.id);
          const files = model.documents.filter((document) => document.kind === "TARGET_PROOF" && document.objectiveCode === target.id).map((document) => document.name);
          return (
            <li key={target.id}>
              Cible n° {index + 1} ({target.description}) : {outcome?.reached ? "atteinte" : "non atteinte"}
              {outcome?.comment ? ` — ${outcome.comment}` : ""}
              {files.length > 0 ? ` — preuves : ${files.join(", ")}` : ""}
            </li>
          );
        })}
      </ul>
      <p className="fr-mb-0">L&apos;ARS examine les preuves, puis valide l&apos;atteinte des objectifs (versement du solde de 50 %) ou non.</p>
    </>
  );
}
