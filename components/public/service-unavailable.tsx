"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import TechnicalError from "@codegouvfr/react-dsfr/picto/TechnicalError";
import { ErrorPageLayout } from "./error-page-layout";

/**
 * The database does not answer (issue 14 §5): say so plainly, and that nothing is lost by
 * trying again in a moment; the portal reconnects by itself when the service is back.
 */
export function ServiceUnavailable({ onRetry }: { onRetry: () => void }) {
  return (
    <ErrorPageLayout
      title="Service momentanément indisponible"
      code="Erreur 503"
      lead="Le guichet ne parvient pas à joindre sa base de données pour le moment."
      pictogram={<TechnicalError fontSize="15rem" />}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button onClick={onRetry}>Réessayer</Button>
          </li>
        </ul>
      }
    >
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Réessayez dans quelques minutes. Si vous veniez d&apos;enregistrer ou de déposer quelque chose, vérifiez ensuite que cela a bien été pris en compte.
      </p>
    </ErrorPageLayout>
  );
}
