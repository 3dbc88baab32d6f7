"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveGuichetAction } from "@/app/admin/guichets/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { GUICHET_KIND_LABELS, PROGRAMME_LABELS } from "@/lib/guichets/labels";

export interface GuichetFormValues {
  code: string;
  programme: keyof typeof PROGRAMME_LABELS;
  kind: keyof typeof GUICHET_KIND_LABELS;
  year: string;
  label: string;
  opensOn: string;
  closesOn: string;
  instructionEndsOn: string;
  proofOpensOn: string;
  proofClosesOn: string;
}

type Field = keyof GuichetFormValues;

/** Create or edit a guichet; errors in French next to each field (gone as the field is changed), nothing lost on error. */
export function GuichetForm({ id, initial, submitLabel }: { id: string | null; initial: GuichetFormValues; submitLabel: string }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const prefix = id ?? "nouveau";
  const set = <K extends Field>(name: K, value: GuichetFormValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    feedback.changed(name);
  };
  const text = (name: Field, label: string, extra: { type?: string; inputMode?: "numeric"; hint?: string } = {}) => (
    <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
      <Input
        label={label}
        hintText={extra.hint}
        {...feedback.stateOf(name)}
        nativeInputProps={{ id: `${prefix}-${name}`, type: extra.type ?? "text", inputMode: extra.inputMode, value: values[name], onChange: (event) => set(name, event.target.value) }}
      />
    </div>
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = feedback.received(await saveGuichetAction({ id, input: { ...values, year: Number(values.year) } }), "Guichet enregistré ; les nouvelles dates s'appliquent immédiatement.");
          if (result.ok) router.refresh();
        });
      }}
    >
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {text("code", "Code", { hint: "Majuscules, chiffres et tirets, par exemple HOPEN2-JALON-2027." })}
        {text("label", "Libellé")}
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Programme"
            {...feedback.stateOf("programme")}
            nativeSelectProps={{ id: `${prefix}-programme`, value: values.programme, onChange: (event) => set("programme", event.target.value as GuichetFormValues["programme"]) }}
          >
            {Object.entries(PROGRAMME_LABELS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Nature"
            {...feedback.stateOf("kind")}
            nativeSelectProps={{ id: `${prefix}-kind`, value: values.kind, onChange: (event) => set("kind", event.target.value as GuichetFormValues["kind"]) }}
          >
            {Object.entries(GUICHET_KIND_LABELS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        {text("year", "Année", { inputMode: "numeric" })}
        {text("opensOn", "Ouverture (heure de Paris)", { type: "date" })}
        {text("closesOn", "Clôture des dépôts (incluse)", { type: "date" })}
        {text("instructionEndsOn", "Fin de l'instruction (incluse)", { type: "date" })}
        {values.kind === "PROJECT_CALL" && (
          <>
            {text("proofOpensOn", "Ouverture du dépôt des preuves des projets retenus", { type: "date" })}
            {text("proofClosesOn", "Clôture du dépôt des preuves (incluse)", { type: "date", hint: "Source : 30 juin 2027 pour l'appel à projets 2026." })}
          </>
        )}
      </div>
      <Button type="submit" disabled={pending} className={fr.cx("fr-mt-2w")}>
        {submitLabel}
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}
