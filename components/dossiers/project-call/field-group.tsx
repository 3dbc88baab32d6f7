import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { fieldId } from "../field-id";

/**
 * A DSFR fieldset for a group of fields that has messages of its own (a list with no row yet, the
 * ARS's point on a whole part of the project): its id is the form key's, so the error summary and
 * the change request's links land on it, and its messages are read with its legend.
 */
export function FieldGroup({
  fieldKey,
  legend,
  hint,
  errors,
  notes,
  children,
}: {
  fieldKey: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  notes?: readonly string[];
  children: ReactNode;
}) {
  const id = fieldId(fieldKey);
  const legendId = `${id}-legende`;
  const messagesId = `${id}-messages`;
  const hasError = Boolean(errors?.length);
  return (
    <fieldset id={id} className={fr.cx("fr-fieldset", hasError && "fr-fieldset--error")} aria-labelledby={`${legendId} ${messagesId}`}>
      <legend id={legendId} className={fr.cx("fr-fieldset__legend")}>
        {legend}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </legend>
      {children}
      <GroupMessages id={messagesId} errors={errors} notes={notes} />
    </fieldset>
  );
}

/** Errors (red) then the ARS's notes (information) of a group, as DSFR messages. */
export function GroupMessages({ id, errors, notes }: { id: string; errors?: readonly string[]; notes?: readonly string[] }) {
  return (
    <div className={fr.cx("fr-messages-group")} id={id} aria-live="polite">
      {errors?.map((message) => (
        <p key={`e-${message}`} className={fr.cx("fr-message", "fr-message--error")}>
          {message}
        </p>
      ))}
      {notes?.map((message) => (
        <p key={`n-${message}`} className={fr.cx("fr-message", "fr-message--info")}>
          {message}
        </p>
      ))}
    </div>
  );
}

/** One element of a DSFR fieldset. */
export function FieldsetElement({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={fr.cx("fr-fieldset__element") + (className ? ` ${className}` : "")}>{children}</div>;
}
