"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";

/**
 * The outcome of a form's action, in DSFR alerts: the success inside a live
 * region present from the start (so it is announced), the error as an alert.
 */
export function ActionFeedback({ success, error }: { success: string | null; error: string | null }) {
  return (
    <>
      <div role="status" className={fr.cx("fr-mt-2w")}>
        {success && <Alert small severity="success" role={undefined} description={success} />}
      </div>
      {error && <Alert className={fr.cx("fr-mt-2w")} small severity="error" description={error} />}
    </>
  );
}
