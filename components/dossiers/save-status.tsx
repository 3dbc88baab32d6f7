"use client";

import type { AutosaveStatus } from "@/components/ui/use-autosave";

const timeFormatter = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris" });

/**
 * Where the draft stands, announced politely to screen readers; the buttons (retry after a
 * failed save, reload after a conflict) sit outside the live region.
 */
export function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const isError = status.kind === "error";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p role="status" aria-live="polite" aria-atomic="true" className={`text-sm ${isError ? "font-semibold text-erreur" : status.kind === "saved" ? "text-succes" : ""}`}>
        {status.kind === "idle" && "Brouillon enregistré automatiquement au fil de la saisie."}
        {status.kind === "saving" && "Enregistrement…"}
        {status.kind === "saved" && `Brouillon enregistré à ${timeFormatter.format(new Date(status.at))} — non transmis à l'ARS.`}
        {isError && status.message}
      </p>
      {isError && (
        <button type="button" className="text-sm underline" onClick={status.canRetry ? onRetry : () => window.location.reload()}>
          {status.canRetry ? "Réessayer l'enregistrement" : "Recharger la page"}
        </button>
      )}
    </div>
  );
}
