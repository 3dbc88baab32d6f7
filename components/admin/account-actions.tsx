"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeAccountActive, removeReferent, resetAccountSecondFactor, sendPasswordLink } from "@/app/admin/comptes/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";

/** Disable (after confirmation) / re-enable an account, resend its set-password link, reset its second factor. */
export function AccountActions({ userId, email, active, hasSecondFactor }: { userId: string; email: string; active: boolean; hasSecondFactor: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const setActive = (next: boolean) =>
    startTransition(async () => {
      const result = await changeAccountActive({ userId, active: next });
      setMessage(result.ok ? (result.data.active ? "Compte réactivé." : "Compte désactivé.") : result.message);
      if (result.ok) router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {active ? (
        <ConfirmAction
          modalId={`desactiver-compte-${userId}`}
          trigger="Désactiver"
          triggerTitle={`Désactiver le compte ${email}`}
          title="Désactiver ce compte ?"
          confirmLabel="Désactiver le compte"
          disabled={pending}
          onConfirm={() => setActive(false)}
        >
          <p>
            {email} ne pourra plus se connecter, et ses sessions en cours prennent fin immédiatement. Ses dossiers, décisions et historiques sont conservés ; le compte peut être réactivé.
          </p>
        </ConfirmAction>
      ) : (
        <Button type="button" size="small" priority="secondary" disabled={pending} nativeButtonProps={{ "aria-label": `Réactiver le compte ${email}` }} onClick={() => setActive(true)}>
          Réactiver
        </Button>
      )}
      {active && (
        <Button
          type="button"
          size="small"
          priority="tertiary"
          disabled={pending}
          nativeButtonProps={{ "aria-label": `Renvoyer le lien de mot de passe à ${email}` }}
          onClick={() =>
            startTransition(async () => {
              const result = await sendPasswordLink({ userId });
              setMessage(result.ok ? "Lien envoyé (valable 72 heures)." : result.message);
            })
          }
        >
          Renvoyer le lien
        </Button>
      )}
      {hasSecondFactor && (
        <ConfirmAction
          modalId={`reinitialiser-second-facteur-${userId}`}
          trigger="Réinitialiser le second facteur"
          triggerTitle={`Réinitialiser le second facteur de ${email}`}
          title="Réinitialiser le second facteur ?"
          confirmLabel="Réinitialiser"
          priority="tertiary"
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await resetAccountSecondFactor({ userId });
              setMessage(result.ok ? "Second facteur réinitialisé : il sera à configurer à la prochaine connexion." : result.message);
              if (result.ok) router.refresh();
            })
          }
        >
          <p>
            Les applications d&apos;authentification, clés de sécurité et codes de secours de {email} sont supprimés et ses sessions prennent fin. À faire
            seulement après avoir vérifié l&apos;identité de la personne (appareil perdu).
          </p>
        </ConfirmAction>
      )}
      <span role="status">{message}</span>
    </div>
  );
}

/** Removes one referent from one EJ after confirmation (the account itself stays). */
export function RemoveReferentButton({ userId, email, legalEntityFiness }: { userId: string; email: string; legalEntityFiness: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmAction
        modalId={`retirer-referent-${userId}-${legalEntityFiness}`}
        trigger="Retirer"
        triggerTitle={`Retirer ${email} des référents de l'EJ ${legalEntityFiness}`}
        title="Retirer ce référent ?"
        confirmLabel="Retirer le référent"
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await removeReferent({ userId, legalEntityFiness });
            setMessage(result.ok ? "Référent retiré." : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        <p>
          {email} ne pourra plus agir pour l&apos;EJ {legalEntityFiness}. Son compte n&apos;est pas supprimé : il reste rattaché à ses autres établissements, s&apos;il en a.
        </p>
      </ConfirmAction>
      <span role="status">{message}</span>
    </span>
  );
}
