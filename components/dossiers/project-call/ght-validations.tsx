"use client";

import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { DocumentSlot } from "../document-slot";
import { fieldId } from "../field-id";
import { GroupMessages } from "./field-group";
import type { FieldKit } from "./kit";

/** « Pour les établissements publics membres d'un GHT, le projet doit avoir été validé à l'échelle du GHT » (source 001): one slot per GHT. */
export function GhtValidations({
  model,
  ghts,
  pending,
  editable,
  errors,
  notes,
}: {
  model: ProjectCallFormModel;
  ghts: { ghtId: string; name: string }[];
  pending: boolean;
  editable: boolean;
  errors: FieldKit["errors"];
  notes: FieldKit["notes"];
}) {
  const key = "documents.GHT_VALIDATION";
  const orphans = [
    ...new Set(
      model.documents.filter((document) => document.kind === "GHT_VALIDATION" && document.objectiveCode && !ghts.some((ght) => ght.ghtId === document.objectiveCode)).map((document) => document.objectiveCode ?? ""),
    ),
  ];
  return (
    <section aria-labelledby="validation-ght" className="flex flex-col gap-4">
      <h2 id="validation-ght" className="fr-h3 fr-mb-0">
        Validation du projet par le GHT
      </h2>
      <div id={fieldId(key)} className="flex flex-col gap-4">
        {pending && <p className="fr-text--sm fr-mb-0">Le périmètre a changé : les GHT à consulter sont mis à jour à l&apos;enregistrement du brouillon…</p>}
        {ghts.length === 0 ? (
          <p className="fr-mb-0">Aucun établissement public membre d&apos;un GHT dans le périmètre connu : aucune validation de GHT n&apos;est à joindre.</p>
        ) : (
          ghts.map((ght) => {
            const slotKey = `${key}.${ght.ghtId}`;
            return (
              <DocumentSlot
                key={ght.ghtId}
                dossierId={model.id}
                kind="GHT_VALIDATION"
                objectiveCode={ght.ghtId}
                forFiness={model.carrier.finess}
                targets={[]}
                label={`Validation du projet par le GHT « ${ght.name} »`}
                description="Un établissement public membre d'un GHT fait valider son projet à l'échelle du GHT (PDF ou ZIP)."
                documents={model.documents}
                editable={editable}
                fieldKey={slotKey}
                errors={errors[slotKey]}
                notes={notes[slotKey]}
              />
            );
          })
        )}
        {orphans.map((ghtId) => (
          // A validation attached for a GHT the perimeter no longer involves: listed so that it can be withdrawn.
          <DocumentSlot
            key={ghtId}
            dossierId={model.id}
            kind="GHT_VALIDATION"
            objectiveCode={ghtId}
            forFiness={model.carrier.finess}
            targets={[]}
            label="Validation d'un GHT qui ne figure plus dans le périmètre"
            description="Ce document n'est plus demandé : retirez-le s'il ne concerne pas ce projet."
            documents={model.documents}
            editable={editable}
            fieldKey={`${key}.${ghtId}`}
          />
        ))}
        <GroupMessages id={`${fieldId(key)}-messages`} errors={errors[key]} notes={notes[key]} />
      </div>
    </section>
  );
}
