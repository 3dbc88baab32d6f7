"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import Link from "next/link";
import { useState, useTransition } from "react";
import { setPassword } from "@/app/mot-de-passe/[token]/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/admin/account-schemas";

type FieldErrors = Partial<Record<"password" | "confirmation", string>>;

/**
 * Chooses a password with a one-time link (public page). The server's verdict on a field is
 * shown until that field is changed: a corrected field never keeps the error of its old value.
 */
export function SetPasswordForm({ token }: { token: string }) {
  const [password, setPasswordValue] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  if (done) {
    return (
      <div aria-live="polite">
        <Alert
          severity="success"
          title="Votre mot de passe est enregistré"
          description={
            <p>
              Vous pouvez maintenant vous connecter.{" "}
              <Link className={fr.cx("fr-link")} href="/connexion">
                Se connecter
              </Link>
            </p>
          }
        />
      </div>
    );
  }

  const lengthOk = password.length >= PASSWORD_MIN_LENGTH;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setPassword({ token, password, confirmation });
          if (result.ok) {
            setDone(true);
          } else {
            setFieldErrors({ password: result.fieldErrors?.password?.[0], confirmation: result.fieldErrors?.confirmation?.[0] });
            setMessage(result.message);
          }
        });
      }}
    >
      {message && <Alert severity="error" small className={fr.cx("fr-mb-3w")} description={message} />}
      <PasswordInput
        label="Nouveau mot de passe"
        hintText="Une phrase de plusieurs mots est plus facile à retenir."
        messagesHint=""
        messages={[
          fieldErrors.password
            ? { severity: "error", message: fieldErrors.password }
            : { severity: lengthOk ? "valid" : "info", message: `${PASSWORD_MIN_LENGTH} caractères au moins` },
        ]}
        nativeInputProps={{
          autoComplete: "new-password",
          required: true,
          value: password,
          "aria-invalid": fieldErrors.password ? true : undefined,
          onChange: (event) => {
            setPasswordValue(event.target.value);
            setFieldErrors((errors) => ({ ...errors, password: undefined }));
            setMessage(null);
          },
        }}
      />
      <PasswordInput
        label="Confirmation du mot de passe"
        messagesHint=""
        messages={fieldErrors.confirmation ? [{ severity: "error", message: fieldErrors.confirmation }] : []}
        nativeInputProps={{
          autoComplete: "new-password",
          required: true,
          value: confirmation,
          "aria-invalid": fieldErrors.confirmation ? true : undefined,
          onChange: (event) => {
            setConfirmation(event.target.value);
            setFieldErrors((errors) => ({ ...errors, confirmation: undefined }));
            setMessage(null);
          },
        }}
      />
      <Button type="submit" disabled={pending} className={fr.cx("fr-mt-2w")}>
        Enregistrer le mot de passe
      </Button>
    </form>
  );
}
