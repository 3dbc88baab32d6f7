"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeTeamColleague } from "@/app/etablissement/equipe/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";

/** Removes a colleague's link to the EJ after confirmation (the account and the dossiers stay). */
export function RemoveColleagueButton({ legalEntityFiness, legalEntityName, userId, name, self }: { legalEntityFiness: string; legalEntityName: string; userId: string; name: string; self: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmAction
        modalId={`retirer-${userId}`}
        trigger={self ? "Me retirer" : "Retirer"}
        triggerTitle={self ? `Me retirer de l'équipe de ${legalEntityName}` : `Retirer ${name} de l'équipe de ${legalEntityName}`}
        title={self ? "Vous retirer de cet établissement ?" : "Retirer cette personne de l'établissement ?"}
        confirmLabel={self ? "Me retirer" : "Retirer"}
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await removeTeamColleague({ legalEntityFiness, userId });
            if (result.ok && result.data.self) {
              router.push("/etablissement");
              return;
            }
            setMessage(result.ok ? "Rattachement retiré." : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        <p>
          {self ? "Vous ne pourrez plus" : `${name} ne pourra plus`} agir pour {legalEntityName}. Les dossiers de l&apos;établissement restent intacts ; ceux
          {self ? " que vous complétez" : " que cette personne complète"} peuvent être confiés à un autre référent avec « Confier les dossiers ».
        </p>
      </ConfirmAction>
      <span role="status">{message}</span>
    </span>
  );
}
