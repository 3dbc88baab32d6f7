"use client";

import { formatParisTime } from "./format";
import type { AutosaveStatus } from "@/components/ui/use-autosave";

/**
 * The autosave state in an aria-live region ("Enregistrement…", "Enregistré à 10:42", or the
 * error). The buttons sit outside the live region so that only the state is announced.
 */
export function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const isError = status.kind === "error";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p role="status" aria-live="polite" aria-atomic="true" className={isError ? "max-w-xl font-semibold text-erreur" : "text-sm"}>
        {status.kind === "idle" && "Vos réponses sont enregistrées automatiquement."}
        {status.kind === "saving" && "Enregistrement…"}
        {status.kind === "saved" && `Enregistré à ${formatParisTime(status.at)}`}
        {status.kind === "error" && status.message}
      </p>
      {isError && status.canRetry && (
        <button type="button" onClick={onRetry} className="border border-bleu-france px-3 py-1 text-sm font-semibold text-bleu-france hover:bg-bleu-clair">
          Réessayer l&apos;enregistrement
        </button>
      )}
      {isError && !status.canRetry && (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="border border-bleu-france px-3 py-1 text-sm font-semibold text-bleu-france hover:bg-bleu-clair"
        >
          Recharger la page
        </button>
      )}
    </div>
  );
}
