"use client";

import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { PERIMETER_MAX_SITES } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";
import { normalizedFiness } from "./values";

type CheckedSite = ProjectCallLiveFacts["perimeter"][number];

/** The porteur (chef de file) by its FINESS PMSI, then the EG of the perimeter, each with what the portal knows of it. */
export function PerimeterFields({ kit, checked, carrier }: { kit: FieldKit; checked: Map<string, CheckedSite>; carrier: { finess: string; name: string } }) {
  const { fields, append, remove } = useFieldArray({ control: kit.control, name: "perimeter", keyName: "key" });
  const rows = useWatch({ control: kit.control, name: "perimeter" });
  const addButton = useRef<HTMLButtonElement>(null);
  const porteur = stateOf(kit, "porteurFinessPmsi");
  return (
    <section aria-labelledby="porteur-perimetre" className="flex flex-col gap-4">
      <h2 id="porteur-perimetre" className="fr-h3 fr-mb-0">
        Porteur et périmètre du projet
      </h2>
      <Input
        label={PROJECT_CALL_FIELD_LABELS.porteurFinessPmsi}
        hintText={`Le chef de file du projet, identifié par son FINESS PMSI (9 caractères) : pour une entité juridique publique, son FINESS juridique (${carrier.name} : ${carrier.finess}) ; pour un établissement privé, le FINESS de l'établissement géographique.`}
        disabled={kit.disabled}
        {...porteur}
        nativeInputProps={{
          ...kit.register("porteurFinessPmsi"),
          id: fieldId("porteurFinessPmsi"),
          autoComplete: "off",
          spellCheck: false,
          inputMode: "text",
          "aria-invalid": invalid(porteur),
        }}
      />
      <FieldGroup
        fieldKey="perimeter"
        legend={PROJECT_CALL_FIELD_LABELS.perimeter}
        hint="Chaque établissement géographique (EG) engagé dans le projet, avec le FINESS de son entité juridique (EJ) ; le porteur en fait partie."
        errors={kit.errors.perimeter}
        notes={kit.notes.perimeter}
      >
        {fields.length === 0 && (
          <FieldsetElement>
            <p className="fr-text--sm fr-mb-0">Aucun établissement dans le périmètre.</p>
          </FieldsetElement>
        )}
        {fields.map((field, index) => {
          const key = (name: string) => `perimeter.${index}.${name}`;
          const site = stateOf(kit, key("siteFiness"));
          const ej = stateOf(kit, key("legalEntityFiness"));
          const legendId = `perimetre-${field.key}`;
          return (
            <FieldsetElement key={field.key}>
              <fieldset className="fr-fieldset" aria-labelledby={legendId}>
                <legend id={legendId} className="fr-fieldset__legend fr-text--bold">
                  Établissement n° {index + 1} du périmètre
                </legend>
                <FieldsetElement className="fr-fieldset__element--inline">
                  <Input
                    label="FINESS de l'établissement géographique"
                    hintText="FINESS EG, 9 caractères"
                    disabled={kit.disabled}
                    {...site}
                    nativeInputProps={{ ...kit.register(`perimeter.${index}.siteFiness`), id: fieldId(key("siteFiness")), autoComplete: "off", spellCheck: false, "aria-invalid": invalid(site) }}
                  />
                </FieldsetElement>
                <FieldsetElement className="fr-fieldset__element--inline">
                  <Input
                    label="FINESS de l'entité juridique"
                    hintText="FINESS EJ, 9 caractères"
                    disabled={kit.disabled}
                    {...ej}
                    nativeInputProps={{
                      ...kit.register(`perimeter.${index}.legalEntityFiness`),
                      id: fieldId(key("legalEntityFiness")),
                      autoComplete: "off",
                      spellCheck: false,
                      "aria-invalid": invalid(ej),
                    }}
                  />
                </FieldsetElement>
                <FieldsetElement>
                  <SiteFound typed={normalizedFiness(rows?.[index]?.siteFiness)} checked={checked} />
                </FieldsetElement>
                {!kit.disabled && (
                  <FieldsetElement>
                    <RemoveRowButton onRemove={() => remove(index)} focusAfter={addButton} which={`n° ${index + 1} du périmètre`}>
                      Retirer cet établissement
                    </RemoveRowButton>
                  </FieldsetElement>
                )}
              </fieldset>
            </FieldsetElement>
          );
        })}
        {!kit.disabled && (
          <FieldsetElement>
            <AddRowButton ref={addButton} disabled={fields.length >= PERIMETER_MAX_SITES} onAdd={() => append({ siteFiness: "", legalEntityFiness: "" })}>
              Ajouter un établissement au périmètre
            </AddRowButton>
          </FieldsetElement>
        )}
      </FieldGroup>
    </section>
  );
}

/** What the server found for a FINESS EG at the last save: its name and its EJ's, or that it is unknown, or that it is being looked up. */
function SiteFound({ typed, checked }: { typed: string; checked: Map<string, CheckedSite> }) {
  let text: string;
  if (!typed) text = "";
  else if (!FINESS_PATTERN.test(typed)) text = "";
  else if (!checked.has(typed)) text = "Recherche de l'établissement dans le référentiel FINESS…";
  else {
    const found = checked.get(typed);
    text = found
      ? `Établissement géographique : ${found.siteName} — entité juridique : ${found.legalEntityName || found.legalEntityFiness} (FINESS EJ ${found.legalEntityFiness}) — FINESS PMSI ${found.finessPmsi}.`
      : `FINESS ${typed} inconnu du référentiel FINESS du portail.`;
  }
  return (
    <p className="fr-text--sm fr-mb-0" aria-live="polite" data-testid="etablissement-trouve">
      {text}
    </p>
  );
}
