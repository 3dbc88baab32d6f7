"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { setPassword } from "@/app/mot-de-passe/[token]/actions";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/admin/account-schemas";

/** Chooses a password with a one-time link (public page). */
export function SetPasswordForm({ token }: { token: string }) {
  const [password, setPasswordValue] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  if (done) {
    return (
      <div role="status" aria-live="polite" className="space-y-2">
        <p>Votre mot de passe est enregistré.</p>
        <Link href="/connexion" className="font-semibold">
          Se connecter
        </Link>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setPassword({ token, password, confirmation });
          if (result.ok) {
            setDone(true);
          } else {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage(result.message);
          }
        });
      }}
    >
      <TextField
        label="Nouveau mot de passe"
        hint={`${PASSWORD_MIN_LENGTH} caractères au moins. Une phrase de plusieurs mots est plus facile à retenir.`}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        error={fieldErrors.password?.[0]}
        onChange={(event) => setPasswordValue(event.target.value)}
      />
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        error={fieldErrors.confirmation?.[0]}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
        Enregistrer le mot de passe
      </button>
      <p role="status" aria-live="polite" className="text-sm font-semibold text-erreur">
        {message}
      </p>
    </form>
  );
}
