"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveGuichetAction } from "@/app/admin/guichets/actions";
import { TextField } from "@/components/ui/text-field";
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
}

/** Create or edit a guichet; errors in French next to each field, nothing lost on error. */
export function GuichetForm({ id, initial, submitLabel }: { id: string | null; initial: GuichetFormValues; submitLabel: string }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const field = (name: keyof GuichetFormValues) => ({
    value: values[name],
    error: errors[name]?.join(" "),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  const prefix = id ?? "nouveau";
  return (
    <form
      className="grid gap-3 md:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveGuichetAction({ id, input: { ...values, year: Number(values.year) } });
          if (result.ok) {
            setErrors({});
            setMessage({ text: "Guichet enregistré ; les nouvelles dates s'appliquent immédiatement.", ok: true });
            router.refresh();
          } else {
            setErrors(result.fieldErrors ?? {});
            setMessage({ text: result.message, ok: false });
          }
        });
      }}
    >
      <TextField id={`${prefix}-code`} label="Code" {...field("code")} />
      <TextField id={`${prefix}-label`} label="Libellé" {...field("label")} />
      <div>
        <label htmlFor={`${prefix}-programme`} className="block font-semibold">
          Programme
        </label>
        <select id={`${prefix}-programme`} value={values.programme} onChange={(event) => setValues({ ...values, programme: event.target.value as GuichetFormValues["programme"] })} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
          {Object.entries(PROGRAMME_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}-kind`} className="block font-semibold">
          Nature
        </label>
        <select id={`${prefix}-kind`} value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value as GuichetFormValues["kind"] })} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
          {Object.entries(GUICHET_KIND_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextField id={`${prefix}-year`} label="Année" inputMode="numeric" {...field("year")} />
      <TextField id={`${prefix}-opens`} label="Ouverture (heure de Paris)" type="date" {...field("opensOn")} />
      <TextField id={`${prefix}-closes`} label="Clôture des dépôts (incluse)" type="date" {...field("closesOn")} />
      <TextField id={`${prefix}-instruction`} label="Fin de l'instruction (incluse)" type="date" {...field("instructionEndsOn")} />
      <div className="md:col-span-2">
        <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
          {submitLabel}
        </button>
        <p role={message?.ok === false ? "alert" : "status"} className={`mt-2 text-sm font-semibold ${message?.ok ? "text-succes" : "text-erreur"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
