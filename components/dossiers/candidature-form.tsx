"use client";

import { useSubmissionAttempt } from "@/components/dossiers/use-submission-attempt";
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useCallback, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveCandidatureAction } from "@/app/etablissement/dossiers/actions";
import { useValueAutosave } from "@/components/ui/use-autosave";
import type { CandidatureDraft } from "@/lib/dossiers/dossier-input";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "@/lib/dossiers/project-team";
import { candidatureIssues, type FieldErrors } from "@/lib/dossiers/submission-rules";
import { pointsAsNotes } from "./change-request-banner";
import { DocumentSlot } from "./document-slot";
import { ErrorSummary, fieldId, fieldState, summaryGroups } from "./field-errors";
import { SaveStatus } from "./save-status";
import { SubmitPanel } from "./submit-panel";

const clean = (draft: CandidatureDraft): CandidatureDraft => ({ ...draft, ghtMandateKind: draft.ghtMandateKind || null });

/** Candidature to HospiConnect/HOP'EN2 (source 000): the project team and, for a GHT, the support's mandate. */
export function CandidatureForm({ model }: { model: DossierFormModel }) {
  const initial = model.candidature as CandidatureDraft;
  const { register, control, getValues, formState } = useForm<CandidatureDraft>({ defaultValues: initial });
  const values = useWatch({ control }) as CandidatureDraft;
  const touched = formState.touchedFields;
  const { attempted, summaryRef, onBlocked, refused, shownErrors: withRefusal } = useSubmissionAttempt();

  const facts = useMemo(
    () => ({ carrierIsGhtSupport: model.carrier.isGhtSupport, ghtMandateDocuments: model.documents.filter((document) => document.kind === "GHT_MANDATE").length }),
    [model.carrier.isGhtSupport, model.documents],
  );
  const notes = useMemo(() => pointsAsNotes(model.openChangeRequest?.points ?? []), [model.openChangeRequest]);
  const save = useCallback((draft: CandidatureDraft, version: number) => saveCandidatureAction({ dossierId: model.id, version, draft: clean(draft) }), [model.id]);
  const autosave = useValueAutosave(values, { initialVersion: model.version, save, enabled: model.editable });

  // The server's rules on the current values: an e-mail address is judged once its field is left.
  const issues = candidatureIssues(clean(values), facts);
  const live: FieldErrors = {};
  for (const issue of issues) {
    const [, role, field] = issue.key.split(".");
    const left = role && field ? Boolean((touched.projectTeam as Record<string, Record<string, boolean> | undefined> | undefined)?.[role]?.[field]) : false;
    if (attempted || (!issue.missing && left)) (live[issue.key] ??= []).push(issue.message);
  }
  const errors = withRefusal(live, JSON.stringify(clean(values)));
  const state = (key: string) => fieldState(errors[key], notes[key]);
  const disabled = !model.editable;

  return (
    <form className="flex flex-col gap-8" onSubmit={(event) => event.preventDefault()} noValidate>
      {model.editable && <SaveStatus status={autosave.status} onRetry={autosave.retry} />}
      {model.editable && attempted && <ErrorSummary ref={summaryRef} title="Le dossier n'a pas été transmis" groups={summaryGroups(errors, [], null)} />}
      <section aria-labelledby="equipe-projet">
        <h2 id="equipe-projet" className="fr-h3">
          Équipe projet
        </h2>
        <p>Les membres de l&apos;équipe projet HospiConnect/HOP&apos;EN2 de l&apos;établissement, avec leur adresse e-mail professionnelle.</p>
        <div className="grid gap-6 md:grid-cols-2">
          {PROJECT_TEAM_ROLES.map((role) => {
            const legendId = `equipe-${role.key}`;
            const name = state(`projectTeam.${role.key}.name`);
            const email = state(`projectTeam.${role.key}.email`);
            return (
              <fieldset key={role.key} className={fr.cx("fr-fieldset")} aria-labelledby={legendId}>
                <legend id={legendId} className={fr.cx("fr-fieldset__legend")}>
                  {role.label}
                </legend>
                <div className={fr.cx("fr-fieldset__element")}>
                  <Input
                    label="Prénom et nom"
                    disabled={disabled}
                    {...name}
                    nativeInputProps={{
                      ...register(`projectTeam.${role.key}.name`),
                      id: fieldId(`projectTeam.${role.key}.name`),
                      autoComplete: "off",
                      "aria-invalid": name.state === "error" || undefined,
                    }}
                  />
                </div>
                <div className={fr.cx("fr-fieldset__element")}>
                  <Input
                    label="Adresse e-mail"
                    hintText="Par exemple nom@etablissement.fr"
                    disabled={disabled}
                    {...email}
                    nativeInputProps={{
                      ...register(`projectTeam.${role.key}.email`),
                      id: fieldId(`projectTeam.${role.key}.email`),
                      type: "email",
                      autoComplete: "off",
                      "aria-invalid": email.state === "error" || undefined,
                    }}
                  />
                </div>
              </fieldset>
            );
          })}
        </div>
      </section>
      {model.carrier.isGhtSupport && (
        <section aria-labelledby="mandat">
          <h2 id="mandat" className="fr-h3">
            Mandat de l&apos;établissement support du {model.carrier.ghtName}
          </h2>
          <p>
            L&apos;établissement support candidate pour l&apos;ensemble des EJ du GHT ({model.parts.map((part) => part.name).join(", ")}). Joignez la preuve de
            sa capacité à candidater pour leur compte.
          </p>
          <Select
            label="Justificatif du mandat"
            disabled={disabled}
            {...state("ghtMandateKind")}
            nativeSelectProps={{ ...register("ghtMandateKind"), id: fieldId("ghtMandateKind"), "aria-invalid": state("ghtMandateKind").state === "error" || undefined }}
          >
            <option value="">— Choisir —</option>
            {GHT_MANDATE_KINDS.map((kind) => (
              <option key={kind.key} value={kind.key}>
                {kind.label}
              </option>
            ))}
          </Select>
          <DocumentSlot
            dossierId={model.id}
            kind="GHT_MANDATE"
            forFiness={model.carrier.finess}
            targets={[{ finess: model.carrier.finess, name: model.carrier.name }]}
            label="Justificatif du mandat (PDF ou ZIP)"
            description="Extrait de la convention constitutive, décision du COSTRAT ou lettre d'engagement."
            documents={model.documents}
            editable={model.editable}
            fieldKey="documents.GHT_MANDATE"
            errors={errors["documents.GHT_MANDATE"]}
            notes={notes["documents.GHT_MANDATE"]}
          />
        </section>
      )}
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          prepare={async () => {
            if (!(await autosave.flush())) return null;
            return { version: autosave.currentVersion(), blocked: candidatureIssues(clean(getValues()), facts).length > 0 };
          }}
          onBlocked={onBlocked}
          onRefused={(serverErrors) => refused(serverErrors, JSON.stringify(clean(getValues())))}
          recap={() => <CandidatureRecap model={model} draft={clean(getValues())} />}
        />
      )}
    </form>
  );
}

function CandidatureRecap({ model, draft }: { model: DossierFormModel; draft: CandidatureDraft }) {
  const mandate = GHT_MANDATE_KINDS.find((kind) => kind.key === draft.ghtMandateKind)?.label;
  const mandateFiles = model.documents.filter((document) => document.kind === "GHT_MANDATE").map((document) => document.name);
  return (
    <>
      <p>
        Vous allez transmettre à l&apos;ARS la candidature n° {model.number} de {model.carrier.name} (FINESS EJ {model.carrier.finess})
        {model.parts.length > 1 ? ` pour les ${model.parts.length} EJ du ${model.carrier.ghtName}` : ""} :
      </p>
      <h2 className="fr-h6 fr-mb-1w">Équipe projet</h2>
      <ul>
        {PROJECT_TEAM_ROLES.map((role) => (
          <li key={role.key}>
            {role.label} : {draft.projectTeam[role.key]?.name} ({draft.projectTeam[role.key]?.email})
          </li>
        ))}
      </ul>
      {model.carrier.isGhtSupport && (
        <>
          <h2 className="fr-h6 fr-mb-1w">Mandat de l&apos;établissement support</h2>
          <p>
            {mandate ?? "—"} : {mandateFiles.join(", ") || "—"}
          </p>
        </>
      )}
      <p className="fr-mb-0">Après la transmission, le dossier est verrouillé ; un récépissé est disponible sur cette page.</p>
    </>
  );
}
