"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startDossierAction } from "@/app/etablissement/dossiers/actions";

/**
 * Starts (or reopens) the EJ's dossier at a guichet. Pages show it only where the start can
 * succeed (lib/dossiers/start-availability.ts); if the situation changed meanwhile, the
 * server's reason is shown here and the page is refreshed to say what to do now.
 */
export function StartDossierButton({ guichetId, carrierFiness, label }: { guichetId: string; carrierFiness: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              const result = await startDossierAction({ guichetId, carrierFiness });
              if (result.ok) {
                router.push(`/etablissement/dossiers/${result.data.id}`);
                return;
              }
              setError(result.message);
              router.refresh();
            } catch {
              setError("La demande n'a pas abouti (connexion interrompue ?). Réessayez.");
            }
          })
        }
      >
        {pending ? "Ouverture du dossier…" : label}
      </Button>
      {error && <Alert className="fr-mt-2w" severity="error" small role="alert" description={error} />}
    </div>
  );
}
