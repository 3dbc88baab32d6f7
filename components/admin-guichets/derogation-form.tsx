"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addDerogationAction, revokeDerogationAction } from "@/app/admin/guichets/actions";
import { TextField } from "@/components/ui/text-field";

/** Extends a guichet's closing date for one region or one EJ; the reason is required. */
export function DerogationForm({ guichets, regions }: { guichets: { id: string; label: string }[]; regions: { code: string; name: string }[] }) {
  const router = useRouter();
  const [values, setValues] = useState({ guichetId: guichets[0]?.id ?? "", scope: "REGION", regionCode: "", legalEntityFiness: "", closesOn: "", instructionEndsOn: "", reason: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });
  return (
    <form
      className="grid gap-3 md:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addDerogationAction({ input: values });
          if (result.ok) {
            setErrors({});
            setMessage({ text: "Dérogation enregistrée : elle s'applique immédiatement.", ok: true });
            router.refresh();
          } else {
            setErrors(result.fieldErrors ?? {});
            setMessage({ text: result.message, ok: false });
          }
        });
      }}
    >
      <div>
        <label htmlFor="derogation-guichet" className="block font-semibold">
          Guichet
        </label>
        <select id="derogation-guichet" value={values.guichetId} onChange={set("guichetId")} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
          {guichets.map((guichet) => (
            <option key={guichet.id} value={guichet.id}>
              {guichet.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="font-semibold">Bénéficiaire</legend>
        <label className="mr-4">
          <input type="radio" name="derogation-scope" value="REGION" checked={values.scope === "REGION"} onChange={set("scope")} /> Une région
        </label>
        <label>
          <input type="radio" name="derogation-scope" value="LEGAL_ENTITY" checked={values.scope === "LEGAL_ENTITY"} onChange={set("scope")} /> Une entité juridique
        </label>
      </fieldset>
      {values.scope === "REGION" ? (
        <div>
          <label htmlFor="derogation-region" className="block font-semibold">
            Région
          </label>
          <select id="derogation-region" value={values.regionCode} onChange={set("regionCode")} aria-invalid={errors.regionCode ? true : undefined} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
            <option value="">— Choisir —</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
          {errors.regionCode && <p className="text-sm font-semibold text-erreur">{errors.regionCode.join(" ")}</p>}
        </div>
      ) : (
        <TextField label="FINESS de l'EJ" value={values.legalEntityFiness} onChange={set("legalEntityFiness")} error={errors.legalEntityFiness?.join(" ")} />
      )}
      <TextField label="Nouvelle clôture des dépôts" type="date" value={values.closesOn} onChange={set("closesOn")} error={errors.closesOn?.join(" ")} />
      <TextField label="Nouvelle fin d'instruction (facultatif)" type="date" value={values.instructionEndsOn} onChange={set("instructionEndsOn")} error={errors.instructionEndsOn?.join(" ")} />
      <TextField label="Motif (obligatoire)" value={values.reason} onChange={set("reason")} error={errors.reason?.join(" ")} className="md:col-span-2" />
      <div className="md:col-span-2">
        <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
          Accorder la dérogation
        </button>
        <p role={message?.ok === false ? "alert" : "status"} className={`mt-2 text-sm font-semibold ${message?.ok ? "text-succes" : "text-erreur"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}

export function RevokeDerogationButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="text-erreur underline"
      onClick={() =>
        startTransition(async () => {
          const result = await revokeDerogationAction({ id });
          if (result.ok) router.refresh();
        })
      }
    >
      Révoquer<span className="sr-only"> la dérogation {label}</span>
    </button>
  );
}
