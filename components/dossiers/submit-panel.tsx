"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { submitDossierAction } from "@/app/etablissement/dossiers/actions";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { ErrorSummary } from "./field-errors";

interface SubmitPanelProps {
  dossierId: string;
  resubmission: boolean;
  /** Saves what is pending and returns the version to submit, or null when the save failed. */
  prepare: () => Promise<number | null>;
  onErrors: (errors: FieldErrors) => void;
}

/** "Transmettre à l'ARS": saves first, then submits once (the button is disabled while it runs). */
export function SubmitPanel({ dossierId, resubmission, prepare, onErrors }: SubmitPanelProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errors: FieldErrors } | null>(null);

  useEffect(() => {
    if (failure) document.getElementById("resume-erreurs")?.focus();
  }, [failure]);

  return (
    <section aria-labelledby="transmission" className="space-y-3 border-t-2 border-bleu-france pt-4">
      <h2 id="transmission" className="text-xl font-bold">
        {resubmission ? "Transmettre à nouveau à l'ARS" : "Transmettre à l'ARS"}
      </h2>
      <p className="text-sm">
        Tant que vous n&apos;avez pas cliqué sur ce bouton, votre dossier n&apos;est <strong>pas transmis</strong> à l&apos;ARS. Après la transmission, il
        est verrouillé ; un récépissé est disponible.
      </p>
      {failure && <ErrorSummary errors={failure.errors} message={failure.message} />}
      <button
        type="button"
        disabled={pending}
        className="bg-bleu-france px-6 py-3 font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            setFailure(null);
            const version = await prepare();
            if (version === null) {
              setFailure({ message: "Le brouillon n'a pas pu être enregistré : le dossier n'a pas été transmis.", errors: {} });
              return;
            }
            const result = await submitDossierAction({ dossierId, version });
            if (!result.ok) {
              setFailure({ message: result.message, errors: result.fieldErrors ?? {} });
              onErrors(result.fieldErrors ?? {});
              return;
            }
            router.refresh();
          })
        }
      >
        {pending ? "Transmission en cours…" : resubmission ? "Transmettre à nouveau à l'ARS" : "Transmettre le dossier à l'ARS"}
      </button>
    </section>
  );
}
