"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import TechnicalError from "@codegouvfr/react-dsfr/picto/TechnicalError";
import { ErrorPageLayout } from "@/components/public/error-page-layout";
import { ServiceUnavailable } from "@/components/public/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/health/database-unavailable";

/**
 * Unexpected errors: a generic French message and the correlation digest, never the error's text.
 * The database not answering has its own page (its digest is set by lib/db/client.ts).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <ServiceUnavailable onRetry={reset} />;
  return (
    <ErrorPageLayout
      title="Une erreur inattendue est survenue"
      code="Erreur 500"
      lead="Votre demande n'a pas pu aboutir."
      pictogram={<TechnicalError fontSize="15rem" />}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button onClick={reset}>Réessayer</Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ href: "/" }}>
              Retourner à l&apos;accueil
            </Button>
          </li>
        </ul>
      }
    >
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Réessayez dans quelques instants ; vérifiez ensuite que ce que vous veniez de saisir a bien été enregistré. Si le problème persiste, signalez-le à l&apos;administration du programme
        {error.digest ? <> en indiquant la référence de l&apos;incident : {error.digest}</> : null}.
      </p>
    </ErrorPageLayout>
  );
}
