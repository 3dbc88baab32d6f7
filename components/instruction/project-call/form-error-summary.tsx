"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { forwardRef } from "react";
import { FieldLink } from "@/components/dossiers/field-errors";

/**
 * What blocks a form of the project's instruction: the server's message (or the form's), then
 * each field's error as a link that focuses the field (ids from field-errors.tsx `fieldId`). A
 * conflict (the dossier changed since the page was read) offers to reload.
 */
export const FormErrorSummary = forwardRef<HTMLDivElement, { title: string; errors: readonly [string, string][] }>(function FormErrorSummary({ title, errors }, ref) {
  return (
    <div ref={ref} tabIndex={-1} className={fr.cx("fr-mb-3w")}>
      <Alert
        severity="error"
        role="alert"
        title={title}
        description={
          <>
            {errors.length > 0 && (
              <ul>
                {errors.map(([key, message]) => (
                  <li key={key}>
                    <FieldLink fieldKey={key}>{message}</FieldLink>
                  </li>
                ))}
              </ul>
            )}
            {/a changé depuis/.test(title) && (
              <Button type="button" priority="secondary" size="small" onClick={() => window.location.reload()}>
                Recharger la page
              </Button>
            )}
          </>
        }
      />
    </div>
  );
});
