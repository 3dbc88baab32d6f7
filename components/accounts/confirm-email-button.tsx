"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState, useTransition } from "react";
import { confirmEmail } from "@/app/inscription/actions";

/**
 * Confirms the address on a click, not on opening the link: mail scanners that fetch links
 * would otherwise use it up before the person sees it.
 */
export function ConfirmEmailButton({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<{ ok: true; legalEntityName: string } | { ok: false; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <div role="status">
        {outcome?.ok && (
          <Alert
            severity="success"
            title="Adresse e-mail confirmée"
            description={`Votre demande pour ${outcome.legalEntityName} est transmise. Vous recevrez un e-mail quand elle aura été acceptée (avec un lien pour choisir votre mot de passe) ou refusée.`}
          />
        )}
      </div>
      {outcome && !outcome.ok && <Alert severity="error" small className={fr.cx("fr-mb-3w")} description={outcome.message} />}
      {!outcome?.ok && (
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await confirmEmail({ token });
              setOutcome(result.ok ? { ok: true, legalEntityName: result.data.legalEntityName } : { ok: false, message: result.message });
            })
          }
        >
          Confirmer mon adresse e-mail
        </Button>
      )}
    </div>
  );
}
