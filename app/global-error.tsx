"use client";

import { ServiceUnavailable } from "@/components/public/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/health/database-unavailable";
// The same DSFR styles as DsfrHead (the root layout, replaced here, is what loads them otherwise).
import "@codegouvfr/react-dsfr/assets/dsfr_plus_icons.scss";

/**
 * An error of the root layout itself (its header loads the signed-in user from the database),
 * where app/error.tsx cannot help: Next then renders this page in place of the whole document.
 * The database not answering is the likely cause; anything else gets the generic message.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main id="contenu" className="fr-container fr-py-6w">
          {error.digest === DATABASE_UNAVAILABLE_DIGEST ? (
            <ServiceUnavailable onRetry={reset} />
          ) : (
            <>
              <h1>Une erreur inattendue est survenue</h1>
              <p className="fr-text--lead">Votre demande n&apos;a pas pu aboutir. Réessayez dans quelques instants.</p>
              {error.digest ? <p className="fr-text--sm">Référence de l&apos;incident : {error.digest}</p> : null}
              <button type="button" className="fr-btn" onClick={reset}>
                Réessayer
              </button>
            </>
          )}
        </main>
      </body>
    </html>
  );
}
