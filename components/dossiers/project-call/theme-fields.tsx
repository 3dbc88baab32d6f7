"use client";

import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useWatch } from "react-hook-form";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { isProjectCallThemeKey, PROJECT_CALL_THEME_KEYS, PROJECT_CALL_THEMES } from "@/lib/dossiers/kinds/project-call/themes";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";
import { chosenObjectives, type ProjectValues } from "./values";

/** The theme (one of source 001's four), then its objectives, each described when chosen; the rattrapage declaration. */
export function ThemeFields({ kit }: { kit: FieldKit }) {
  const watched = useWatch({ control: kit.control }) as ProjectValues;
  const theme = isProjectCallThemeKey(watched.theme) ? watched.theme : null;
  const chosen = chosenObjectives(watched);
  const themeState = stateOf(kit, "theme");
  return (
    <section aria-labelledby="thematique" className="flex flex-col gap-4">
      <h2 id="thematique" className="fr-h3 fr-mb-0">
        Thématique et objectifs
      </h2>
      <RadioButtons
        id={fieldId("theme")}
        legend="Thématique du projet"
        hintText="Hors rattrapage de la maturité numérique, l'établissement doit avoir une candidature HospiConnect validée, avoir déposé sa note de cadrage et complété son autoévaluation de maturité IE."
        disabled={kit.disabled}
        {...themeState}
        options={PROJECT_CALL_THEME_KEYS.map((key) => ({
          label: PROJECT_CALL_THEMES[key].label,
          nativeInputProps: { ...kit.register("theme"), value: key },
        }))}
      />
      {theme && (
        <FieldGroup
          fieldKey="objectives"
          legend={`${PROJECT_CALL_FIELD_LABELS.objectives} — ${PROJECT_CALL_THEMES[theme].label}`}
          hint="Choisissez un ou plusieurs objectifs de la thématique et décrivez, pour chacun, ce que le projet prévoit."
          errors={kit.errors.objectives}
          notes={kit.notes.objectives}
        >
          {PROJECT_CALL_THEMES[theme].objectives.map((objective) => {
            const index = chosen.findIndex((candidate) => candidate.code === objective.code);
            const codeKey = `objectives.${index}.code`;
            const descriptionKey = `objectives.${index}.description`;
            const description = stateOf(kit, descriptionKey);
            return (
              <FieldsetElement key={objective.code}>
                <div id={index >= 0 ? fieldId(codeKey) : undefined}>
                  <Checkbox
                    id={`objectif-${objective.code}`}
                    disabled={kit.disabled}
                    {...(index >= 0 ? stateOf(kit, codeKey) : {})}
                    options={[
                      {
                        label: `${objective.code} — ${objective.label}`,
                        hintText:
                          objective.expectedResults.length > 0
                            ? `Résultats attendus : ${objective.expectedResults.map((result, position) => (objective.expectedResults.length > 1 ? `(${position + 1}) ${result}` : result)).join(" ")}`
                            : undefined,
                        nativeInputProps: kit.register(`objectives.${objective.code}.chosen`),
                      },
                    ]}
                  />
                </div>
                {index >= 0 && (
                  <Input
                    textArea
                    label={`Description de l'objectif ${objective.code}`}
                    hintText="Ce que le projet prévoit pour atteindre cet objectif."
                    disabled={kit.disabled}
                    {...description}
                    nativeTextAreaProps={{
                      ...kit.register(`objectives.${objective.code}.description`),
                      id: fieldId(descriptionKey),
                      rows: 4,
                      maxLength: 4000,
                      "aria-invalid": invalid(description),
                    }}
                  />
                )}
              </FieldsetElement>
            );
          })}
        </FieldGroup>
      )}
      {theme === "RATTRAPAGE_MATURITE" && <RattrapageDeclaration kit={kit} />}
    </section>
  );
}

const DECLARATIONS = [
  { name: "noSunEsUsagePayment", programme: "SUN-ES" },
  { name: "noPhase1UsagePayment", programme: "HOP'EN2 phase 1" },
] as const;

/** Rattrapage only: the porteur's word where the portal's data does not know of a « usage » payment. */
function RattrapageDeclaration({ kit }: { kit: FieldKit }) {
  return (
    <FieldGroup
      fieldKey="rattrapageDeclaration"
      legend={PROJECT_CALL_FIELD_LABELS.rattrapageDeclaration}
      hint="La thématique de rattrapage est réservée aux établissements n'ayant reçu aucun versement « d'usage » de ces programmes. Votre déclaration compte lorsque les données du portail ne le connaissent pas ; l'ARS la vérifie."
      errors={kit.errors.rattrapageDeclaration}
      notes={kit.notes.rattrapageDeclaration}
    >
      {DECLARATIONS.map(({ name, programme }) => {
        const key = `rattrapageDeclaration.${name}`;
        return (
          <FieldsetElement key={name}>
            <Checkbox
              id={fieldId(key)}
              legend={`Programme ${programme}`}
              disabled={kit.disabled}
              {...stateOf(kit, key)}
              options={[
                {
                  label: `Je déclare que l'établissement porteur n'a reçu aucun versement « d'usage » au titre du programme ${programme}.`,
                  nativeInputProps: kit.register(`rattrapageDeclaration.${name}`),
                },
              ]}
            />
          </FieldsetElement>
        );
      })}
    </FieldGroup>
  );
}
