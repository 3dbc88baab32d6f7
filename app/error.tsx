"use client";

/** Unexpected errors: a generic French message and the correlation digest, never the error's text. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Une erreur inattendue est survenue</h1>
      <p>Votre demande n&apos;a pas pu aboutir. Aucune donnée n&apos;a été perdue. Réessayez dans quelques instants.</p>
      {error.digest && <p className="text-sm">Référence de l&apos;incident : {error.digest}</p>}
      <button type="button" onClick={reset} className="bg-bleu-france px-5 py-2 font-semibold text-white">
        Réessayer
      </button>
    </div>
  );
}
