"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/app/admin/api/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";

/** Revokes a token after confirmation: its next call is refused (401). */
export function ApiTokenRevokeButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <ConfirmAction
        modalId={`revoquer-jeton-${tokenId}`}
        trigger="Révoquer"
        triggerTitle={`Révoquer le jeton ${name}`}
        title="Révoquer ce jeton ?"
        confirmLabel="Révoquer le jeton"
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeApiTokenAction({ tokenId });
            setMessage(result.ok ? "Jeton révoqué." : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        <p>« {name} » cessera aussitôt de fonctionner : le système d&apos;information qui l&apos;utilise recevra une erreur 401. Une révocation est définitive ; créez un nouveau jeton si besoin.</p>
      </ConfirmAction>
      <span role="status">{message}</span>
    </>
  );
}
