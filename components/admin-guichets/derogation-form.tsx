"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addDerogationAction, revokeDerogationAction } from "@/app/admin/guichets/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

interface DerogationValues {
  guichetId: string;
  scope: "REGION" | "LEGAL_ENTITY";
  regionCode: string;
  legalEntityFiness: string;
  closesOn: string;
  instructionEndsOn: string;
  reason: string;
}

type Field = keyof DerogationValues;

/** Extends a guichet's closing date for one region or one EJ; the reason is required. */
export function DerogationForm({ guichets, regions }: { guichets: { id: string; label: string }[]; regions: { code: string; name: string }[] }) {
  const router = useRouter();
  const [values, setValues] = useState<DerogationValues>({ guichetId: guichets[0]?.id ?? "", scope: "REGION", regionCode: "", legalEntityFiness: "", closesOn: "", instructionEndsOn: "", reason: "" });
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (name: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    feedback.changed(name);
  };
  const column = fr.cx("fr-col-12", "fr-col-md-6");
  return (
    <form
      noValidate
      aria-labelledby="accorder-derogation"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = feedback.received(await addDerogationAction({ input: { ...values } }), "Dérogation enregistrée : elle s'applique immédiatement.");
          if (result.ok) router.refresh();
        });
      }}
    >
      <h3 id="accorder-derogation">Accorder une dérogation</h3>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={column}>
          <Select label="Guichet" {...feedback.stateOf("guichetId")} nativeSelectProps={{ id: "derogation-guichet", value: values.guichetId, onChange: set("guichetId") }}>
            {guichets.map((guichet) => (
              <option key={guichet.id} value={guichet.id}>
                {guichet.label}
              </option>
            ))}
          </Select>
        </div>
        <div className={column}>
          <RadioButtons
            legend="Bénéficiaire"
            name="derogation-scope"
            orientation="horizontal"
            options={[
              { label: "Une région", nativeInputProps: { value: "REGION", checked: values.scope === "REGION", onChange: set("scope") } },
              { label: "Une entité juridique", nativeInputProps: { value: "LEGAL_ENTITY", checked: values.scope === "LEGAL_ENTITY", onChange: set("scope") } },
            ]}
          />
        </div>
        <div className={column}>
          {values.scope === "REGION" ? (
            <Select label="Région" {...feedback.stateOf("regionCode")} nativeSelectProps={{ id: "derogation-region", value: values.regionCode, onChange: set("regionCode") }}>
              <option value="">— Choisir —</option>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              label="FINESS de l'EJ"
              hintText="9 caractères, par exemple 290000017."
              {...feedback.stateOf("legalEntityFiness")}
              nativeInputProps={{ id: "derogation-finess", value: values.legalEntityFiness, onChange: set("legalEntityFiness"), autoComplete: "off" }}
            />
          )}
        </div>
        <div className={column}>
          <Input label="Nouvelle clôture des dépôts" {...feedback.stateOf("closesOn")} nativeInputProps={{ id: "derogation-closes", type: "date", value: values.closesOn, onChange: set("closesOn") }} />
        </div>
        <div className={column}>
          <Input
            label="Nouvelle fin d'instruction (facultatif)"
            hintText="Sans date, la fin d'instruction du guichet s'applique."
            {...feedback.stateOf("instructionEndsOn")}
            nativeInputProps={{ id: "derogation-instruction", type: "date", value: values.instructionEndsOn, onChange: set("instructionEndsOn") }}
          />
        </div>
        <div className={fr.cx("fr-col-12")}>
          <Input label="Motif (obligatoire)" {...feedback.stateOf("reason")} nativeInputProps={{ id: "derogation-motif", value: values.reason, onChange: set("reason") }} />
        </div>
      </div>
      <Button type="submit" disabled={pending} className={fr.cx("fr-mt-2w")}>
        Accorder la dérogation
      </Button>
      <ActionFeedback success={feedback.success} error={feedback.error} />
    </form>
  );
}

/** Revokes a derogation after confirmation: the guichet's usual dates apply again at once. */
export function RevokeDerogationButton({ id, label, guichetLabel }: { id: string; label: string; guichetLabel: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmAction
        modalId={`revoquer-derogation-${id}`}
        trigger="Révoquer"
        triggerTitle={`Révoquer la dérogation ${label}`}
        title="Révoquer la dérogation ?"
        confirmLabel="Révoquer la dérogation"
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeDerogationAction({ id });
            if (result.ok) router.refresh();
            else setMessage(result.message);
          })
        }
      >
        <p>
          {label}, guichet « {guichetLabel} » : les dates habituelles du guichet s&apos;appliqueront de nouveau immédiatement. Un dossier non transmis ne pourra plus l&apos;être si le
          guichet est clos.
        </p>
      </ConfirmAction>
      <span role="status">{message}</span>
    </span>
  );
}
