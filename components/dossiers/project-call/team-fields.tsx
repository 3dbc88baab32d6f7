"use client";

import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef } from "react";
import { useFieldArray } from "react-hook-form";
import { PROJECT_TEAM_MAX_MEMBERS } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";

/** « L'identification de l'équipe projet et du porteur responsable » (source 001). */
export function TeamFields({ kit }: { kit: FieldKit }) {
  const { fields, append, remove } = useFieldArray({ control: kit.control, name: "team", keyName: "key" });
  const addButton = useRef<HTMLButtonElement>(null);
  const text = (key: string, label: string, options: { hint?: string; type?: "email"; maxLength: number; path: Parameters<FieldKit["register"]>[0] }) => {
    const state = stateOf(kit, key);
    return (
      <Input
        label={label}
        hintText={options.hint}
        disabled={kit.disabled}
        {...state}
        nativeInputProps={{ ...kit.register(options.path), id: fieldId(key), type: options.type, autoComplete: "off", maxLength: options.maxLength, "aria-invalid": invalid(state) }}
      />
    );
  };
  return (
    <section aria-labelledby="equipe-projet" className="flex flex-col gap-4">
      <h2 id="equipe-projet" className="fr-h3 fr-mb-0">
        Porteur responsable et équipe projet
      </h2>
      <FieldGroup fieldKey="responsible" legend={PROJECT_CALL_FIELD_LABELS.responsible} errors={kit.errors.responsible} notes={kit.notes.responsible}>
        <FieldsetElement>{text("responsible.name", "Prénom et nom du porteur responsable", { path: "responsible.name", maxLength: 200 })}</FieldsetElement>
        <FieldsetElement>
          {text("responsible.email", "Adresse e-mail du porteur responsable", { path: "responsible.email", type: "email", hint: "Par exemple nom@etablissement.fr", maxLength: 320 })}
        </FieldsetElement>
        <FieldsetElement>{text("responsible.profession", "Fonction du porteur responsable", { path: "responsible.profession", maxLength: 200 })}</FieldsetElement>
      </FieldGroup>
      <FieldGroup
        fieldKey="team"
        legend={PROJECT_CALL_FIELD_LABELS.team}
        hint="Des membres issus de différents métiers, au-delà des seules équipes de la DSI ; cochez les référents métiers en co-portage du projet."
        errors={kit.errors.team}
        notes={kit.notes.team}
      >
        {fields.length === 0 && (
          <FieldsetElement>
            <p className="fr-text--sm fr-mb-0">Aucun membre dans l&apos;équipe projet.</p>
          </FieldsetElement>
        )}
        {fields.map((field, index) => {
          const key = (name: string) => `team.${index}.${name}`;
          const legendId = `membre-${field.key}`;
          return (
            <FieldsetElement key={field.key}>
              <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={legendId}>
                <legend id={legendId} className={fr.cx("fr-fieldset__legend", "fr-text--bold")}>
                  Membre n° {index + 1} de l&apos;équipe projet
                </legend>
                <FieldsetElement>{text(key("name"), "Prénom et nom", { path: `team.${index}.name`, maxLength: 200 })}</FieldsetElement>
                <FieldsetElement>{text(key("email"), "Adresse e-mail", { path: `team.${index}.email`, type: "email", hint: "Facultative. Par exemple nom@etablissement.fr", maxLength: 320 })}</FieldsetElement>
                <FieldsetElement>{text(key("profession"), "Métier ou fonction", { path: `team.${index}.profession`, maxLength: 200 })}</FieldsetElement>
                <FieldsetElement>
                  <Checkbox
                    small
                    disabled={kit.disabled}
                    options={[{ label: "Référent métier en co-portage du projet", nativeInputProps: kit.register(`team.${index}.coLead`) }]}
                  />
                </FieldsetElement>
                {!kit.disabled && (
                  <FieldsetElement>
                    <RemoveRowButton onRemove={() => remove(index)} focusAfter={addButton} which={`n° ${index + 1} de l'équipe projet`}>
                      Retirer ce membre
                    </RemoveRowButton>
                  </FieldsetElement>
                )}
              </fieldset>
            </FieldsetElement>
          );
        })}
        {!kit.disabled && (
          <FieldsetElement>
            <AddRowButton ref={addButton} disabled={fields.length >= PROJECT_TEAM_MAX_MEMBERS} onAdd={() => append({ name: "", email: "", profession: "", coLead: false })}>
              Ajouter un membre à l&apos;équipe projet
            </AddRowButton>
          </FieldsetElement>
        )}
      </FieldGroup>
    </section>
  );
}
