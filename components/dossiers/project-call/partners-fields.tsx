"use client";

import { AddRowButton, RemoveRowButton } from "./row-buttons";
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { INDUSTRIAL_PARTNERS_MAX } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { DocumentSlot } from "../document-slot";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement, GroupMessages } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";
import { newRowId } from "./values";

/** « L'engagement des partenaires industriels à travers des lettres d'engagement, le cas échéant » (source 001). */
export function PartnersFields({ kit, model, editable }: { kit: FieldKit; model: ProjectCallFormModel; editable: boolean }) {
  const { fields, append, remove } = useFieldArray({ control: kit.control, name: "industrialPartners", keyName: "key" });
  const partners = useWatch({ control: kit.control, name: "industrialPartners" });
  const addButton = useRef<HTMLButtonElement>(null);
  const lettersKey = "documents.PARTNER_COMMITMENT";
  return (
    <section aria-labelledby="partenaires" className="flex flex-col gap-4">
      <h2 id="partenaires" className="fr-h3 fr-mb-0">
        Partenaires industriels
      </h2>
      <FieldGroup
        fieldKey="industrialPartners"
        legend={PROJECT_CALL_FIELD_LABELS.industrialPartners}
        hint="Le cas échéant : chaque partenaire industriel engagé dans le projet, avec sa lettre d'engagement (PDF ou ZIP)."
        errors={kit.errors.industrialPartners}
        notes={kit.notes.industrialPartners}
      >
        <div id={fieldId(lettersKey)}>
          {fields.length === 0 && (
            <FieldsetElement>
              <p className="fr-text--sm fr-mb-0">Aucun partenaire industriel.</p>
            </FieldsetElement>
          )}
          {fields.map((field, index) => {
            // With keyName "key", `field.id` is the row's own id, fixed when the row was added.
            const id = field.id;
            const name = partners?.[index]?.name?.trim() ?? "";
            const key = (part: string) => `industrialPartners.${index}.${part}`;
            const letterKey = `${lettersKey}.${id}`;
            const nameState = stateOf(kit, key("name"));
            const legendId = `partenaire-${field.key}`;
            const letters = model.documents.filter((document) => document.kind === "PARTNER_COMMITMENT" && document.objectiveCode === id).length;
            return (
              <FieldsetElement key={field.key}>
                <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={legendId}>
                  <legend id={legendId} className={fr.cx("fr-fieldset__legend", "fr-text--bold")}>
                    Partenaire industriel n° {index + 1}
                  </legend>
                  <FieldsetElement>
                    <Input
                      label="Nom du partenaire industriel"
                      disabled={kit.disabled}
                      {...nameState}
                      nativeInputProps={{ ...kit.register(`industrialPartners.${index}.name`), id: fieldId(key("name")), autoComplete: "off", maxLength: 200, "aria-invalid": invalid(nameState) }}
                    />
                  </FieldsetElement>
                  <FieldsetElement>
                    <DocumentSlot
                      dossierId={model.id}
                      kind="PARTNER_COMMITMENT"
                      objectiveCode={id}
                      forFiness={model.carrier.finess}
                      targets={[]}
                      label={`Lettre d'engagement ${name ? `de ${name}` : `du partenaire n° ${index + 1}`}`}
                      description="Signée par le partenaire industriel (PDF ou ZIP)."
                      documents={model.documents}
                      editable={editable}
                      fieldKey={letterKey}
                      errors={kit.errors[letterKey]}
                      notes={kit.notes[letterKey]}
                    />
                  </FieldsetElement>
                  {!kit.disabled && (
                    <FieldsetElement>
                      {/* Its letters name it: they are withdrawn first, so none is left without its partner. */}
                      <RemoveRowButton onRemove={() => remove(index)} focusAfter={addButton} which={`n° ${index + 1}`} disabled={letters > 0}>
                      Retirer ce partenaire
                    </RemoveRowButton>
                      {letters > 0 && <p className="fr-hint-text fr-mb-0">Retirez d&apos;abord sa lettre d&apos;engagement pour retirer ce partenaire.</p>}
                    </FieldsetElement>
                  )}
                </fieldset>
              </FieldsetElement>
            );
          })}
          <GroupMessages id={`${fieldId(lettersKey)}-messages`} errors={kit.errors[lettersKey]} notes={kit.notes[lettersKey]} />
        </div>
        {!kit.disabled && (
          <FieldsetElement>
            <AddRowButton ref={addButton} disabled={fields.length >= INDUSTRIAL_PARTNERS_MAX} onAdd={() => append({ id: newRowId("p"), name: "" })}>
              Ajouter un partenaire industriel
            </AddRowButton>
          </FieldsetElement>
        )}
      </FieldGroup>
    </section>
  );
}
