"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef, useState, useTransition } from "react";
import { requestAccount } from "@/app/inscription/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { EMAIL_LINK_VALIDITY_HOURS, type AccountRequestInput } from "@/lib/accounts/request-schemas";

type Field = keyof AccountRequestInput;

const EMPTY: Record<Field, string> = { name: "", email: "", finess: "", jobTitle: "" };

/**
 * The public account request. The values stay in the form whatever the server answers; each
 * field's error sits next to it until that field is changed; after a refusal the first field in
 * error takes the focus so a keyboard or screen-reader user lands on it.
 */
export function AccountRequestForm({ initialEmail = "" }: { initialEmail?: string }) {
  // `initialEmail`: the address an identity provider gave for a person without an account (/inscription?email=).
  const [values, setValues] = useState({ ...EMPTY, email: initialEmail });
  const [sent, setSent] = useState<{ email: string; legalEntityName: string } | null>(null);
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    feedback.changed(field);
  };
  if (sent) {
    return (
      <div role="status">
        <Alert
          severity="success"
          title="Demande enregistrée : confirmez votre adresse e-mail"
          description={`Un e-mail vient d'être envoyé à ${sent.email}. Ouvrez le lien qu'il contient (valable ${EMAIL_LINK_VALIDITY_HOURS} heures) pour confirmer votre adresse : votre demande pour ${sent.legalEntityName} sera alors transmise à un référent de l'établissement, ou à défaut à votre ARS.`}
        />
      </div>
    );
  }
  const input = (field: Field, label: string, props: { hintText?: string; type?: string; autoComplete?: string; inputMode?: "text" | "email" }) => (
    <Input
      label={label}
      hintText={props.hintText}
      {...feedback.stateOf(field)}
      nativeInputProps={{
        id: `inscription-${field}`,
        name: field,
        type: props.type ?? "text",
        autoComplete: props.autoComplete,
        inputMode: props.inputMode,
        required: true,
        value: values[field],
        "aria-invalid": feedback.stateOf(field).state === "error" ? true : undefined,
        onChange: (event) => set(field, event.target.value),
      }}
    />
  );
  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="inscription-titre"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = feedback.received(await requestAccount(values), "");
          if (result.ok) {
            setSent(result.data);
          } else {
            const first = (Object.keys(EMPTY) as Field[]).find((field) => result.fieldErrors?.[field]);
            if (first) form.current?.querySelector<HTMLInputElement>(`#inscription-${first}`)?.focus();
          }
        });
      }}
    >
      <h2 id="inscription-titre" className={fr.cx("fr-h4")}>
        Vos informations
      </h2>
      <p className={fr.cx("fr-text--sm")}>Tous les champs sont obligatoires.</p>
      {input("name", "Nom et prénom", { autoComplete: "name" })}
      {input("email", "Adresse e-mail professionnelle", { type: "email", autoComplete: "email", inputMode: "email", hintText: "Format attendu : prenom.nom@etablissement.fr. Un lien de confirmation y sera envoyé." })}
      {input("finess", "Numéro FINESS de l'établissement", {
        autoComplete: "off",
        hintText: "Le FINESS juridique (EJ) pour lequel vous agissez, ou le FINESS géographique (EG) d'un de ses sites : 9 caractères.",
      })}
      {input("jobTitle", "Fonction dans l'établissement", { autoComplete: "organization-title", hintText: "Par exemple : directeur des systèmes d'information, directrice des affaires financières." })}
      <Button type="submit" disabled={pending}>
        Envoyer la demande
      </Button>
      <ActionFeedback success={null} error={feedback.error} />
    </form>
  );
}
