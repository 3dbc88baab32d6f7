"use client";

import { useSubmissionAttempt } from "@/components/dossiers/use-submission-attempt";
import { useCallback, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveProjectCallAction } from "@/app/etablissement/dossiers/project-call-actions";
import { useValueAutosave } from "@/components/ui/use-autosave";
import type { ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { pointsAsNotes } from "../change-request-banner";
import { ErrorSummary, summaryGroups } from "../field-errors";
import { SaveStatus } from "../save-status";
import { SubmitPanel, type SubmitWording } from "../submit-panel";
import { CategoryBox } from "./category-box";
import { DescriptionFields } from "./description-fields";
import { EligibilityList } from "./eligibility-list";
import { ForecastFields } from "./forecast-fields";
import { GhtValidations } from "./ght-validations";
import type { FieldKit } from "./kit";
import { PartnersFields } from "./partners-fields";
import { PerimeterFields } from "./perimeter-fields";
import { blocking, checkedSites, evaluate, shownErrors, type LiveState } from "./project-errors";
import { ProjectRecap } from "./project-recap";
import { TargetsFields } from "./targets-fields";
import { TeamFields } from "./team-fields";
import { ThemeFields } from "./theme-fields";
import { toDraft, toValues, type ProjectValues } from "./values";

const PROJECT_WORDING: Partial<SubmitWording> = {
  heading: "Transmettre le projet à l'ARS",
  resubmitHeading: "Transmettre à nouveau le projet à l'ARS",
  action: "Transmettre le projet à l'ARS",
  resubmitAction: "Transmettre à nouveau le projet à l'ARS",
  modalTitle: "Transmettre le projet à l'ARS ?",
  resubmitModalTitle: "Transmettre à nouveau le projet à l'ARS ?",
  notice: (
    <>
      Tant que vous n&apos;avez pas confirmé la transmission, votre projet n&apos;est <strong>pas transmis</strong> à l&apos;ARS. Après la transmission, il est
      verrouillé ; un récépissé est disponible.
    </>
  ),
};

/** A refused save's field errors keyed like the form ("draft.perimeter.0.siteFiness" → "perimeter.0.siteFiness"). */
function draftKeys(errors: Record<string, string[]>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, messages]) => [key.replace(/^draft\./, ""), messages]));
}

/**
 * The AAP HOP'EN2 project form (source 001, « Modalité de soumission des projets »): autosaved as
 * typed, each save answering what the server knows of the perimeter (names, category and cap),
 * the eligibility and the GHT to consult; the server's submission rules run here on every change.
 */
export function ProjectCallForm({ model }: { model: ProjectCallFormModel }) {
  const { register, control, getValues, formState } = useForm<ProjectValues>({ defaultValues: toValues(model.draft) });
  const values = useWatch({ control }) as ProjectValues;
  const touched = formState.touchedFields;
  const [liveState, setLiveState] = useState<LiveState>({ live: model.live, forDraft: model.draft });
  const liveRef = useRef(liveState);
  const [saveErrors, setSaveErrors] = useState<FieldErrors>({});
  const { attempted, summaryRef, onBlocked, refused, shownErrors: withRefusal } = useSubmissionAttempt();

  const draft = useMemo(() => toDraft(values), [values]);
  const result = useMemo(() => evaluate(values, liveState, model.documents), [values, liveState, model.documents]);
  const checked = useMemo(() => checkedSites(liveState), [liveState]);
  const notes = useMemo(() => pointsAsNotes(model.openChangeRequest?.points ?? []), [model.openChangeRequest]);

  const save = useCallback(
    async (next: ProjectCallDraft, version: number) => {
      const answer = await saveProjectCallAction({ dossierId: model.id, version, draft: next });
      if (answer.ok) {
        const state: LiveState = { live: answer.data.live, forDraft: next };
        liveRef.current = state;
        setLiveState(state);
        setSaveErrors({});
      } else {
        // The page keeps every value; the refused ones are said next to their fields.
        setSaveErrors(draftKeys(answer.fieldErrors ?? {}));
      }
      return answer;
    },
    [model.id],
  );
  const autosave = useValueAutosave(draft, { initialVersion: model.version, save, enabled: model.editable });

  const live = shownErrors(result, { attempted, touched, saveErrors });
  const serialized = JSON.stringify(result.draft);
  // A refusal the page's rules did not foresee stays shown until the draft changes.
  const errors = withRefusal(live, serialized);
  const kit: FieldKit = { register, control, disabled: !model.editable, errors, notes };
  const { category } = liveState.live;

  return (
    <form className="flex flex-col gap-8" onSubmit={(event) => event.preventDefault()} noValidate>
      {model.editable && <SaveStatus status={autosave.status} onRetry={autosave.retry} />}
      {model.editable && attempted && <ErrorSummary ref={summaryRef} title="Le projet n'a pas été transmis" groups={summaryGroups(errors, [], null)} />}
      <PerimeterFields kit={kit} checked={checked} carrier={model.carrier} />
      <CategoryBox live={liveState.live} pending={result.perimeterPending} />
      <ThemeFields kit={kit} />
      <EligibilityList eligibility={liveState.live.eligibility} pending={result.eligibilityPending} themeChosen={result.draft.theme !== null} />
      <TeamFields kit={kit} />
      <DescriptionFields kit={kit} />
      <TargetsFields kit={kit} />
      <ForecastFields kit={kit} capCents={category.known ? category.cap : null} />
      <PartnersFields kit={kit} model={model} editable={model.editable} />
      <GhtValidations model={model} ghts={liveState.live.requiredGhtValidations} pending={result.perimeterPending} editable={model.editable} errors={errors} notes={notes} />
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          wording={PROJECT_WORDING}
          prepare={async () => {
            if (!(await autosave.flush())) return null;
            return { version: autosave.currentVersion(), blocked: blocking(evaluate(getValues(), liveRef.current, model.documents)) };
          }}
          onBlocked={onBlocked}
          onRefused={(serverErrors) => refused(serverErrors, JSON.stringify(toDraft(getValues())))}
          recap={() => <ProjectRecap model={model} draft={toDraft(getValues())} live={liveRef.current.live} />}
        />
      )}
    </form>
  );
}
