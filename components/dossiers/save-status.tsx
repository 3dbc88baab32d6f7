"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { AutosaveStatus } from "@/components/ui/use-autosave";
import { ARS_WORDS, type InstructorWords } from "@/lib/dossiers/instructor-words";

// The instant comes from the server (the portal's clock, simulated in demo), shown in Paris time.
const timeFormatter = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris" });

/** "10:42:07" in Paris time, for an instant the server answered. */
export function formatSavedAt(at: string): string {
  return timeFormatter.format(new Date(at));
}

/**
 * Where the draft stands, announced politely to screen readers; a failed save is a DSFR alert
 * with its way out (retry, or reload after a conflict) outside the live region.
 */
export function SaveStatus({ status, onRetry, instructor: w = ARS_WORDS }: { status: AutosaveStatus; onRetry: () => void; instructor?: InstructorWords }) {
  const isError = status.kind === "error";
  return (
    <div className="flex flex-col gap-2">
      <p role="status" aria-live="polite" aria-atomic="true" className="fr-text--sm fr-mb-0" data-testid="etat-enregistrement">
        {status.kind === "idle" && `Brouillon enregistré automatiquement au fil de la saisie — non transmis à ${w.the}.`}
        {status.kind === "saving" && "Enregistrement du brouillon…"}
        {status.kind === "saved" && `Brouillon enregistré à ${formatSavedAt(status.at)} — non transmis à ${w.the}.`}
      </p>
      {isError && (
        <>
          <Alert severity="error" small description={status.message} />
          <div>
            <Button type="button" priority="secondary" size="small" onClick={status.canRetry ? onRetry : () => window.location.reload()}>
              {status.canRetry ? "Réessayer l'enregistrement" : "Recharger la page"}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
