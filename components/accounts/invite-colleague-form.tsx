"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inviteTeamColleague } from "@/app/etablissement/equipe/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

type Field = "name" | "email" | "jobTitle";

/** Invites a colleague to act for the EJ: an account with a set-password link, or a link for an existing referent account. */
export function InviteColleagueForm({ legalEntityFiness, legalEntityName }: { legalEntityFiness: string; legalEntityName: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", jobTitle: "" });
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    feedback.changed(field);
  };
  const field = (name: Field, label: string, extra: { type?: string; autoComplete?: string; hintText?: string } = {}) => (
    <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
      <Input
        label={label}
        hintText={extra.hintText}
        {...feedback.stateOf(name)}
        nativeInputProps={{ id: `invitation-${name}`, type: extra.type ?? "text", autoComplete: extra.autoComplete ?? "off", required: true, value: values[name], onChange: (event) => set(name, event.target.value) }}
      />
    </div>
  );
  return (
    <form
      noValidate
      aria-labelledby="inviter-titre"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const email = values.email.trim().toLowerCase();
          const result = await inviteTeamColleague({ legalEntityFiness, ...values });
          feedback.received(
            result,
            result.ok && !result.data.createdAccount
              ? `${email} avait déjà un compte : il agit désormais aussi pour ${legalEntityName}.`
              : `Invitation envoyée : ${email} reçoit un lien, valable 72 heures, pour choisir son mot de passe.`,
          );
          if (result.ok) {
            setValues({ name: "", email: "", jobTitle: "" });
            router.refresh();
          }
        });
      }}
    >
      <h2 id="inviter-titre">Inviter un collègue</h2>
      <p className={fr.cx("fr-text--sm")}>Votre collègue pourra agir pour {legalEntityName} comme vous. Tous les champs sont obligatoires.</p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {field("name", "Nom et prénom")}
        {field("email", "Adresse e-mail professionnelle", { type: "email" })}
        {field("jobTitle", "Fonction", { hintText: "Par exemple : responsable qualité." })}
      </div>
      <Button type="submit" disabled={pending}>
        Inviter
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}
