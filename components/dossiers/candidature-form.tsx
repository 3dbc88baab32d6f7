"use client";

import { useCallback, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveCandidatureAction } from "@/app/etablissement/dossiers/actions";
import { TextField } from "@/components/ui/text-field";
import type { CandidatureDraft } from "@/lib/dossiers/dossier-input";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "@/lib/dossiers/project-team";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { pointsAsErrors } from "./change-request-banner";
import { DocumentSlot } from "./document-slot";
import { FieldErrorText, fieldId } from "./field-errors";
import { SaveStatus } from "./save-status";
import { SubmitPanel } from "./submit-panel";
import { useValueAutosave } from "@/components/ui/use-autosave";

/** Candidature to HospiConnect/HOP'EN2 (source 000): the project team and, for a GHT, the support's mandate. */
export function CandidatureForm({ model }: { model: DossierFormModel }) {
  const initial = model.candidature as CandidatureDraft;
  const { register, control } = useForm<CandidatureDraft>({ defaultValues: initial });
  const values = useWatch({ control }) as CandidatureDraft;
  const points = model.openChangeRequest?.points ?? [];
  const [errors, setErrors] = useState<FieldErrors>(() => pointsAsErrors(points));
  const save = useCallback(
    (draft: CandidatureDraft, version: number) =>
      saveCandidatureAction({ dossierId: model.id, version, draft: { ...draft, ghtMandateKind: draft.ghtMandateKind || null } }),
    [model.id],
  );
  const autosave = useValueAutosave(values, { initialVersion: model.version, save, enabled: model.editable });
  const disabled = !model.editable;

  return (
    <form className="space-y-8" onSubmit={(event) => event.preventDefault()} noValidate>
      <SaveStatus status={autosave.status} onRetry={autosave.retry} />
      <fieldset className="space-y-4" disabled={disabled}>
        <legend className="text-xl font-bold">Équipe projet</legend>
        <p className="text-sm">Les membres de l&apos;équipe projet HospiConnect/HOP&apos;EN2 de l&apos;établissement, avec leur adresse e-mail professionnelle.</p>
        <div className="grid gap-4 md:grid-cols-2">
          {PROJECT_TEAM_ROLES.map((role) => (
            <fieldset key={role.key} className="border border-gris-bordure p-3">
              <legend className="px-1 font-semibold">{role.label}</legend>
              <TextField
                id={fieldId(`projectTeam.${role.key}.name`)}
                label="Prénom et nom"
                autoComplete="off"
                error={errors[`projectTeam.${role.key}.name`]?.join(" ")}
                {...register(`projectTeam.${role.key}.name`)}
              />
              <TextField
                id={fieldId(`projectTeam.${role.key}.email`)}
                label="Adresse e-mail"
                type="email"
                autoComplete="off"
                className="mt-2"
                error={errors[`projectTeam.${role.key}.email`]?.join(" ")}
                {...register(`projectTeam.${role.key}.email`)}
              />
            </fieldset>
          ))}
        </div>
      </fieldset>
      {model.carrier.isGhtSupport && (
        <fieldset className="space-y-3" disabled={disabled}>
          <legend className="text-xl font-bold">Mandat de l&apos;établissement support du {model.carrier.ghtName}</legend>
          <p className="text-sm">
            L&apos;établissement support candidate pour l&apos;ensemble des EJ du GHT ({model.parts.map((part) => part.name).join(", ")}). Joignez la preuve
            de sa capacité à candidater pour leur compte.
          </p>
          <div>
            <label htmlFor={fieldId("ghtMandateKind")} className="block font-semibold">
              Justificatif du mandat
            </label>
            <select id={fieldId("ghtMandateKind")} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2" {...register("ghtMandateKind")}>
              <option value="">— Choisir —</option>
              {GHT_MANDATE_KINDS.map((kind) => (
                <option key={kind.key} value={kind.key}>
                  {kind.label}
                </option>
              ))}
            </select>
            <FieldErrorText errors={errors} name="ghtMandateKind" />
          </div>
          <DocumentSlot
            dossierId={model.id}
            kind="GHT_MANDATE"
            forFiness={model.carrier.finess}
            targets={[{ finess: model.carrier.finess, name: model.carrier.name }]}
            label="Justificatif du mandat (PDF ou ZIP)"
            hint="Extrait de la convention constitutive, décision du COSTRAT ou lettre d'engagement."
            documents={model.documents}
            editable={model.editable}
            errors={errors}
            errorKey="documents.GHT_MANDATE"
            maxFiles={5}
          />
        </fieldset>
      )}
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          prepare={async () => ((await autosave.flush()) ? autosave.currentVersion() : null)}
          onErrors={(serverErrors) => setErrors(pointsAsErrors(points, serverErrors))}
        />
      )}
    </form>
  );
}
