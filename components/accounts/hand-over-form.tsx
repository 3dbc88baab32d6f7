"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { handOverTeamDossiers } from "@/app/etablissement/equipe/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

type Field = "fromUserId" | "toUserId";

/** Hands the EJ's dossiers completed by one person (the recipient of their e-mails) over to an active referent. */
export function HandOverForm({
  legalEntityFiness,
  completers,
  receivers,
}: {
  legalEntityFiness: string;
  completers: { userId: string; label: string }[];
  receivers: { userId: string; label: string }[];
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ fromUserId: completers[0]?.userId ?? "", toUserId: "" });
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    feedback.changed(field);
  };
  return (
    <form
      noValidate
      aria-labelledby="confier-titre"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await handOverTeamDossiers({ legalEntityFiness, ...values });
          feedback.received(result, result.ok ? `Dossiers confiés : ${result.data.dossiers.join(", ")}. Leurs e-mails iront désormais au nouveau référent.` : "");
          if (result.ok) router.refresh();
        });
      }}
    >
      <h2 id="confier-titre">Confier les dossiers</h2>
      <p className={fr.cx("fr-text--sm")}>
        Le référent qui complète un dossier reçoit ses e-mails (transmission, demandes de complément, décision). Quand il quitte l&apos;établissement, confiez
        ses dossiers à un autre référent : leur contenu et leur historique ne changent pas.
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select label="Dossiers complétés par" {...feedback.stateOf("fromUserId")} nativeSelectProps={{ id: "confier-de", value: values.fromUserId, onChange: (event) => set("fromUserId", event.target.value) }}>
            {completers.map((completer) => (
              <option key={completer.userId} value={completer.userId}>
                {completer.label}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select label="À confier à" {...feedback.stateOf("toUserId")} nativeSelectProps={{ id: "confier-a", value: values.toUserId, onChange: (event) => set("toUserId", event.target.value) }}>
            <option value="">— Choisir un référent —</option>
            {receivers.map((receiver) => (
              <option key={receiver.userId} value={receiver.userId}>
                {receiver.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        Confier les dossiers
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}
