"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { AutosaveStatus } from "@/components/ui/use-autosave";
import { formatParisTime } from "./format";

/**
 * The autosave state: « Enregistrement… », « Enregistré à 10:42 » (the server's time, on the
 * portal's clock) in a polite live region; a failure in a DSFR error alert with what to do —
 * retry after a network failure, reload after a conflict (nothing is overwritten).
 */
export function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  return (
    <div>
      <p role="status" aria-live="polite" aria-atomic="true" className={fr.cx("fr-text--sm", "fr-mb-0")}>
        {status.kind === "idle" && "Vos réponses sont enregistrées automatiquement."}
        {status.kind === "saving" && "Enregistrement…"}
        {status.kind === "saved" && `Enregistré à ${formatParisTime(status.at)}`}
      </p>
      {status.kind === "error" && (
        <Alert
          className={fr.cx("fr-mt-2w")}
          severity="error"
          role="alert"
          title={status.canRetry ? "Vos dernières réponses ne sont pas enregistrées" : "Enregistrement arrêté"}
          description={
            <>
              <span className="block">{status.message}</span>
              {status.canRetry ? (
                <Button className={fr.cx("fr-mt-2w")} priority="secondary" size="small" onClick={onRetry}>
                  Réessayer l&apos;enregistrement
                </Button>
              ) : (
                <Button className={fr.cx("fr-mt-2w")} priority="secondary" size="small" onClick={() => window.location.reload()}>
                  Recharger la page
                </Button>
              )}
            </>
          }
        />
      )}
    </div>
  );
}
