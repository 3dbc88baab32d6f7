import { Input } from "@codegouvfr/react-dsfr/Input";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { fieldId } from "../field-id";
import { invalid, stateOf, type FieldKit } from "./kit";

const TEXTS = [
  { name: "businessStakes", hint: "Les enjeux métiers auxquels le projet répond." },
  { name: "operationalObjectives", hint: "Les objectifs opérationnels poursuivis au regard de la thématique choisie." },
  { name: "siWorkstreams", hint: "Les chantiers du système d'information envisagés pour soutenir ces objectifs." },
] as const;

/** The project's description (source 001): business stakes, operational objectives, SI workstreams. */
export function DescriptionFields({ kit }: { kit: FieldKit }) {
  return (
    <section aria-labelledby="description-projet" className="flex flex-col gap-4">
      <h2 id="description-projet" className="fr-h3 fr-mb-0">
        Description du projet
      </h2>
      {TEXTS.map(({ name, hint }) => {
        const state = stateOf(kit, name);
        return (
          <Input
            key={name}
            textArea
            label={PROJECT_CALL_FIELD_LABELS[name]}
            hintText={`${hint} 8 000 caractères au maximum.`}
            disabled={kit.disabled}
            {...state}
            nativeTextAreaProps={{ ...kit.register(name), id: fieldId(name), rows: 6, maxLength: 8000, "aria-invalid": invalid(state) }}
          />
        );
      })}
    </section>
  );
}
