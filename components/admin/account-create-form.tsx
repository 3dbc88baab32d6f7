"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAccount } from "@/app/admin/comptes/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import type { CreateAccountInput, StaffRole } from "@/lib/admin/account-schemas";

type Field = "email" | "name" | "role" | "regionCode";

/** Creates an ARS instructor (with its region), a national ANS instructor or a DNS admin; the owner sets the password through the e-mailed link. */
export function AccountCreateForm({ regions }: { regions: { code: string; name: string }[] }) {
  const router = useRouter();
  const [values, setValues] = useState<{ email: string; name: string; role: StaffRole; regionCode: string }>({ email: "", name: "", role: "ARS_INSTRUCTOR", regionCode: "" });
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    feedback.changed(field);
  };
  return (
    <form
      noValidate
      aria-labelledby="creer-compte-titre"
      className={fr.cx("fr-mb-6w")}
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const input: CreateAccountInput = { ...values, regionCode: values.role === "ARS_INSTRUCTOR" ? values.regionCode : undefined };
          const email = values.email.trim().toLowerCase();
          const result = feedback.received(await createAccount(input), `Compte créé : un lien pour définir le mot de passe a été envoyé à ${email}.`);
          if (result.ok) {
            setValues((current) => ({ email: "", name: "", role: current.role, regionCode: current.regionCode }));
            router.refresh();
          }
        });
      }}
    >
      <h2 id="creer-compte-titre">Créer un compte instructeur (ARS ou ANS) ou administrateur DNS</h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Adresse e-mail"
            {...feedback.stateOf("email")}
            nativeInputProps={{ id: "compte-email", type: "email", autoComplete: "off", required: true, value: values.email, onChange: (event) => set("email", event.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Nom et prénom"
            {...feedback.stateOf("name")}
            nativeInputProps={{ id: "compte-nom", required: true, value: values.name, onChange: (event) => set("name", event.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <RadioButtons
            legend="Rôle"
            name="role"
            orientation="horizontal"
            {...feedback.stateOf("role")}
            options={(
              [
                ["ARS_INSTRUCTOR", "Instructeur ARS", "Instruit les dossiers de sa région."],
                ["ANS_INSTRUCTOR", "Instructeur ANS", "National : instruit les relèves HospiConnect/CaRE de toutes les régions."],
                ["DNS_ADMIN", "Administrateur DNS", undefined],
              ] as const
            ).map(([role, label, hintText]) => ({ label, hintText, nativeInputProps: { value: role, checked: values.role === role, onChange: () => set("role", role) } }))}
          />
        </div>
        {values.role === "ARS_INSTRUCTOR" && (
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Select label="Région (ARS)" {...feedback.stateOf("regionCode")} nativeSelectProps={{ id: "compte-region", value: values.regionCode, onChange: (event) => set("regionCode", event.target.value) }}>
              <option value="">— Choisir une région —</option>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.code} – {region.name}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <p className={fr.cx("fr-text--sm", "fr-mt-2w")}>Aucun mot de passe n&apos;est saisi ici : la personne reçoit un lien, valable 72 heures, pour choisir le sien.</p>
      <Button type="submit" disabled={pending}>
        Créer le compte
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}
