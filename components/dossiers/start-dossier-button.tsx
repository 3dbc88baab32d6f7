"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startDossierAction } from "@/app/etablissement/dossiers/actions";

export function StartDossierButton({ guichetId, carrierFiness, label }: { guichetId: string; carrierFiness: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        className="bg-bleu-france px-4 py-2 text-sm font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await startDossierAction({ guichetId, carrierFiness });
            if (result.ok) router.push(`/etablissement/dossiers/${result.data.id}`);
            else setError(result.message);
          })
        }
      >
        {label}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-sm font-semibold text-erreur">
          {error}
        </p>
      )}
    </div>
  );
}
