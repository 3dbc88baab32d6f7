"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAccount } from "@/app/admin/comptes/actions";
import { TextField } from "@/components/ui/text-field";
import type { CreateAccountInput, StaffRole } from "@/lib/admin/account-schemas";

/** Creates an ARS instructor or a DNS admin; the owner sets the password through the e-mailed link. */
export function AccountCreateForm({ regions }: { regions: { code: string; name: string }[] }) {
  const router = useRouter();
  const [values, setValues] = useState<{ email: string; name: string; role: StaffRole; regionCode: string }>({ email: "", name: "", role: "ARS_INSTRUCTOR", regionCode: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const error = (key: string) => fieldErrors[key]?.[0];
  return (
    <form
      noValidate
      aria-labelledby="creer-compte-titre"
      className="space-y-4 border border-gris-bordure p-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const input: CreateAccountInput = { ...values, regionCode: values.role === "ARS_INSTRUCTOR" ? values.regionCode : undefined };
          const result = await createAccount(input);
          if (result.ok) {
            setFieldErrors({});
            setMessage({ ok: true, text: `Compte créé : un lien pour définir le mot de passe a été envoyé à ${values.email.trim().toLowerCase()}.` });
            setValues({ email: "", name: "", role: values.role, regionCode: values.regionCode });
            router.refresh();
          } else {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ ok: false, text: result.message });
          }
        });
      }}
    >
      <h2 id="creer-compte-titre" className="text-xl font-bold">
        Créer un compte instructeur ARS ou administrateur DNS
      </h2>
      <TextField label="Adresse e-mail" type="email" autoComplete="off" required value={values.email} error={error("email")} onChange={(event) => setValues({ ...values, email: event.target.value })} />
      <TextField label="Nom et prénom" required value={values.name} error={error("name")} onChange={(event) => setValues({ ...values, name: event.target.value })} />
      <fieldset>
        <legend className="font-semibold">Rôle</legend>
        {(
          [
            ["ARS_INSTRUCTOR", "Instructeur ARS"],
            ["DNS_ADMIN", "Administrateur DNS"],
          ] as const
        ).map(([role, label]) => (
          <label key={role} className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="role" value={role} checked={values.role === role} onChange={() => setValues({ ...values, role })} />
            {label}
          </label>
        ))}
      </fieldset>
      {values.role === "ARS_INSTRUCTOR" && (
        <div>
          <label htmlFor="compte-region" className="block font-semibold">
            Région (ARS)
          </label>
          <select
            id="compte-region"
            value={values.regionCode}
            aria-invalid={error("regionCode") ? true : undefined}
            aria-describedby={error("regionCode") ? "compte-region-erreur" : undefined}
            onChange={(event) => setValues({ ...values, regionCode: event.target.value })}
            className="mt-1 block w-full max-w-md border-b-2 border-gris-texte bg-fond-alt px-3 py-2"
          >
            <option value="">— Choisir une région —</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.code} – {region.name}
              </option>
            ))}
          </select>
          {error("regionCode") && (
            <p id="compte-region-erreur" className="mt-1 text-sm font-semibold text-erreur">
              {error("regionCode")}
            </p>
          )}
        </div>
      )}
      <p className="text-sm">Aucun mot de passe n&apos;est saisi ici : la personne reçoit un lien, valable 72 heures, pour choisir le sien.</p>
      <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
        Créer le compte
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${message && !message.ok ? "font-semibold text-erreur" : ""}`}>
        {message?.text}
      </p>
    </form>
  );
}
