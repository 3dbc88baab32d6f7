"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setCareEnvelopeAction } from "@/app/admin/ej/[finess]/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

type Field = "amount" | "reason";

/** Sets one EJ's HospiConnect/CaRE envelope by hand: the amount in euros and the required reason; nothing typed is lost on error. */
export function CareEnvelopeForm({ finess, initialAmount }: { finess: string; initialAmount: string }) {
  const router = useRouter();
  const [values, setValues] = useState({ amount: initialAmount, reason: "" });
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (name: Field, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    feedback.changed(name);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = feedback.received(await setCareEnvelopeAction({ finess, ...values }), "Enveloppe enregistrée ; la modification est journalisée.");
          if (result.ok) router.refresh();
        });
      }}
    >
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            label="Enveloppe HospiConnect/CaRE (en euros)"
            hintText="Par exemple 39 380,00"
            {...feedback.stateOf("amount")}
            nativeInputProps={{ id: "enveloppe-care-montant", inputMode: "decimal", value: values.amount, onChange: (event) => set("amount", event.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <Input
            label="Motif (obligatoire)"
            hintText="Pourquoi cette enveloppe est fixée à la main plutôt que par le fichier publié"
            {...feedback.stateOf("reason")}
            nativeInputProps={{ id: "enveloppe-care-motif", value: values.reason, onChange: (event) => set("reason", event.target.value) }}
          />
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        Enregistrer l&apos;enveloppe
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}
