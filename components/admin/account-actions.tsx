"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeAccountActive, removeReferent, sendPasswordLink } from "@/app/admin/comptes/actions";

/** Disable / re-enable an account and resend its set-password link. */
export function AccountActions({ userId, email, active }: { userId: string; email: string; active: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="border border-bleu-france px-2 py-1 text-sm disabled:opacity-60"
        aria-label={`${active ? "Désactiver" : "Réactiver"} le compte ${email}`}
        onClick={() => {
          if (active && !window.confirm(`Désactiver le compte ${email} ? La personne ne pourra plus se connecter.`)) return;
          startTransition(async () => {
            const result = await changeAccountActive({ userId, active: !active });
            setMessage(result.ok ? (result.data.active ? "Compte réactivé." : "Compte désactivé.") : result.message);
            if (result.ok) router.refresh();
          });
        }}
      >
        {active ? "Désactiver" : "Réactiver"}
      </button>
      {active && (
        <button
          type="button"
          disabled={pending}
          className="border border-bleu-france px-2 py-1 text-sm disabled:opacity-60"
          aria-label={`Renvoyer le lien de mot de passe à ${email}`}
          onClick={() =>
            startTransition(async () => {
              const result = await sendPasswordLink({ userId });
              setMessage(result.ok ? "Lien envoyé (valable 72 heures)." : result.message);
            })
          }
        >
          Renvoyer le lien
        </button>
      )}
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </div>
  );
}

/** Removes one referent from one EJ (the account itself stays). */
export function RemoveReferentButton({ userId, email, legalEntityFiness }: { userId: string; email: string; legalEntityFiness: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="border border-erreur px-2 py-1 text-sm text-erreur disabled:opacity-60"
        aria-label={`Retirer ${email} des référents de l'EJ ${legalEntityFiness}`}
        onClick={() => {
          if (!window.confirm(`Retirer ${email} des référents de l'EJ ${legalEntityFiness} ?`)) return;
          startTransition(async () => {
            const result = await removeReferent({ userId, legalEntityFiness });
            setMessage(result.ok ? "Référent retiré." : result.message);
            if (result.ok) router.refresh();
          });
        }}
      >
        Retirer
      </button>
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </span>
  );
}
