"use client";

import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useRef } from "react";
import { useFieldArray } from "react-hook-form";
import { PROJECT_TARGETS_MAX, TARGET_KINDS } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";
import { newRowId } from "./values";

/** « Des cibles quantitatives / qualitatives … permettant en juin 2027 d'attester de sa réussite » (source 001). */
export function TargetsFields({ kit }: { kit: FieldKit }) {
  // keyName: the rows' own `id` is data (proofs name their target by it), not React's key.
  const { fields, append, remove } = useFieldArray({ control: kit.control, name: "targets", keyName: "key" });
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="cibles" className="flex flex-col gap-4">
      <h2 id="cibles" className="fr-h3 fr-mb-0">
        Cibles du projet
      </h2>
      <FieldGroup
        fieldKey="targets"
        legend={PROJECT_CALL_FIELD_LABELS.targets}
        hint="Ce qui sera mesuré ou constaté en juin 2027 pour attester de la réussite du projet ; les preuves d'atteinte seront déposées cible par cible."
        errors={kit.errors.targets}
        notes={kit.notes.targets}
      >
        {fields.length === 0 && (
          <FieldsetElement>
            <p className="fr-text--sm fr-mb-0">Aucune cible.</p>
          </FieldsetElement>
        )}
        {fields.map((field, index) => {
          const key = (name: string) => `targets.${index}.${name}`;
          const legendId = `cible-${field.key}`;
          const description = stateOf(kit, key("description"));
          return (
            <FieldsetElement key={field.key}>
              <fieldset id={fieldId(key("id"))} className={fr.cx("fr-fieldset")} aria-labelledby={legendId}>
                <legend id={legendId} className={fr.cx("fr-fieldset__legend", "fr-text--bold")}>
                  Cible n° {index + 1}
                </legend>
                <FieldsetElement>
                  <RadioButtons
                    id={fieldId(key("kind"))}
                    legend="Type de la cible"
                    orientation="horizontal"
                    disabled={kit.disabled}
                    {...stateOf(kit, key("kind"))}
                    options={TARGET_KINDS.map((kind) => ({ label: kind.label, nativeInputProps: { ...kit.register(`targets.${index}.kind`), value: kind.key } }))}
                  />
                </FieldsetElement>
                <FieldsetElement>
                  <Input
                    textArea
                    label="Description de la cible"
                    hintText="Par exemple : 100 % des passages aux urgences transmis au DMP en juin 2027."
                    disabled={kit.disabled}
                    {...description}
                    nativeTextAreaProps={{ ...kit.register(`targets.${index}.description`), id: fieldId(key("description")), rows: 3, maxLength: 2000, "aria-invalid": invalid(description) }}
                  />
                </FieldsetElement>
                {!kit.disabled && (
                  <FieldsetElement>
                    <RemoveRowButton onRemove={() => remove(index)} focusAfter={addButton} which={`n° ${index + 1}`}>
                      Retirer cette cible
                    </RemoveRowButton>
                  </FieldsetElement>
                )}
              </fieldset>
            </FieldsetElement>
          );
        })}
        {!kit.disabled && (
          <FieldsetElement>
            <AddRowButton ref={addButton} disabled={fields.length >= PROJECT_TARGETS_MAX} onAdd={() => append({ id: newRowId("t"), kind: "", description: "" })}>
              Ajouter une cible
            </AddRowButton>
          </FieldsetElement>
        )}
      </FieldGroup>
    </section>
  );
}
