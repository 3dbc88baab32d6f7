"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, useTransition } from "react";
import { askPasswordReset } from "@/app/mot-de-passe-oublie/actions";

/** « Mot de passe oublié ? »: one field; the e-mail typed is kept whatever the answer. */
export function PasswordResetForm() {
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await askPasswordReset({ email });
          if (result.ok) {
            setMessage({ severity: "success", text: result.data.message });
            setFieldError(null);
          } else {
            setFieldError(result.fieldErrors?.email?.[0] ?? null);
            setMessage({ severity: "error", text: result.message });
          }
        });
      }}
    >
      <div aria-live="polite">{message && <Alert severity={message.severity} small className={fr.cx("fr-mb-3w")} description={message.text} />}</div>
      <Input
        label="Adresse e-mail de votre compte"
        hintText="Format attendu : nom@domaine.fr"
        state={fieldError ? "error" : "default"}
        stateRelatedMessage={fieldError ?? undefined}
        nativeInputProps={{
          type: "email",
          autoComplete: "email",
          required: true,
          value: email,
          "aria-invalid": fieldError ? true : undefined,
          onChange: (event) => {
            setEmail(event.target.value);
            setFieldError(null);
          },
        }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi en cours…" : "Recevoir un lien par e-mail"}
      </Button>
    </form>
  );
}
