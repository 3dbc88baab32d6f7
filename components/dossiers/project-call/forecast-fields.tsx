"use client";

import { Input } from "@codegouvfr/react-dsfr/Input";
import { useWatch } from "react-hook-form";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { formatEuros } from "@/lib/funding/money";
import { fieldId } from "../field-id";
import { FieldGroup, FieldsetElement } from "./field-group";
import { invalid, stateOf, type FieldKit } from "./kit";
import { typedCents } from "./values";

/** « Un prévisionnel de dépenses sur les exercices 2026 et 2027 » (source 001), typed in euros, kept in cents. */
export function ForecastFields({ kit, capCents }: { kit: FieldKit; capCents: number | null }) {
  const forecast = useWatch({ control: kit.control, name: "forecast" });
  const amounts = [typedCents(forecast?.y2026), typedCents(forecast?.y2027)];
  const total = amounts.every((amount) => amount !== null) ? (amounts[0] ?? 0) + (amounts[1] ?? 0) : null;
  return (
    <section aria-labelledby="previsionnel" className="flex flex-col gap-4">
      <h2 id="previsionnel" className="fr-h3 fr-mb-0">
        Prévisionnel de dépenses
      </h2>
      <FieldGroup
        fieldKey="forecastExpenses"
        legend={`${PROJECT_CALL_FIELD_LABELS.forecastExpenses} (en euros)`}
        hint="Les dépenses que le projet prévoit d'engager sur chaque exercice, par exemple 45 000 ou 45 000,50 ; 0 s'il n'y en a pas."
        errors={kit.errors.forecastExpenses}
        notes={kit.notes.forecastExpenses}
      >
        {(["2026", "2027"] as const).map((year) => {
          const key = `forecastExpenses.${year}`;
          const state = stateOf(kit, key);
          return (
            <FieldsetElement key={year} className="fr-fieldset__element--inline">
              <Input
                label={`Dépenses prévisionnelles ${year} (en euros)`}
                disabled={kit.disabled}
                {...state}
                nativeInputProps={{ ...kit.register(`forecast.y${year}`), id: fieldId(key), inputMode: "decimal", autoComplete: "off", "aria-invalid": invalid(state) }}
              />
            </FieldsetElement>
          );
        })}
        <FieldsetElement>
          <p className="fr-text--sm fr-mb-0" aria-live="polite">
            Total prévisionnel 2026-2027 : <strong>{total === null ? "—" : formatEuros(total)}</strong>
            {capCents !== null && <> — plafond de la catégorie du projet : {formatEuros(capCents)}</>}
          </p>
        </FieldsetElement>
      </FieldGroup>
    </section>
  );
}
