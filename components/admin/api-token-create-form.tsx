"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApiTokenAction } from "@/app/admin/api/actions";
import { ActionFeedback } from "@/components/admin/action-feedback";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

type Field = "name" | "regionCode" | "expiresOn";

/**
 * Creates a token of the API of the information systems, for one region or national, with its
 * last day. The token is shown once, right here, with a copy button: the portal keeps only its hash.
 */
export function ApiTokenCreateForm({ regions, today, latest }: { regions: { code: string; name: string }[]; today: string; latest: string }) {
  const router = useRouter();
  const [values, setValues] = useState<{ name: string; national: boolean; regionCode: string; expiresOn: string }>({ name: "", national: false, regionCode: "", expiresOn: "" });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const feedback = useActionFeedback<Field>();
  const [pending, startTransition] = useTransition();
  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    feedback.changed(field);
  };
  return (
    <>
      <form
        noValidate
        aria-labelledby="creer-jeton-titre"
        className={fr.cx("fr-mb-4w")}
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = feedback.received(
              await createApiTokenAction({ name: values.name, regionCode: values.national ? null : values.regionCode, expiresOn: values.expiresOn }),
              "Jeton créé : copiez-le ci-dessous.",
            );
            if (result.ok) {
              setCreated({ name: result.data.name, secret: result.data.secret });
              setCopied(false);
              setValues((current) => ({ ...current, name: "" }));
              router.refresh();
            }
          });
        }}
      >
        <h2 id="creer-jeton-titre">Créer un jeton</h2>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Input
              label="Nom du jeton"
              hintText="Le système d'information qui l'utilisera, par exemple « Entrepôt de données de l'ARS Bretagne »."
              {...feedback.stateOf("name")}
              nativeInputProps={{ id: "jeton-nom", required: true, maxLength: 100, value: values.name, onChange: (event) => set("name", event.target.value) }}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Input
              label="Dernier jour de validité"
              hintText="Au plus un an après aujourd'hui ; le jeton cesse de fonctionner à minuit (heure de Paris)."
              {...feedback.stateOf("expiresOn")}
              nativeInputProps={{ id: "jeton-expiration", type: "date", required: true, min: today, max: latest, value: values.expiresOn, onChange: (event) => set("expiresOn", event.target.value) }}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <RadioButtons
              legend="Périmètre"
              name="perimetre"
              options={[
                {
                  label: "Une région",
                  hintText: "Les dossiers transmis HOP'EN2 et AAP de la région, comme un instructeur de l'ARS (jamais une relève CaRE).",
                  nativeInputProps: { value: "region", checked: !values.national, onChange: () => setValues((current) => ({ ...current, national: false })) },
                },
                {
                  label: "National",
                  hintText: "Tous les dossiers transmis, relèves CaRE comprises.",
                  nativeInputProps: { value: "national", checked: values.national, onChange: () => setValues((current) => ({ ...current, national: true })) },
                },
              ]}
            />
          </div>
          {!values.national && (
            <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <Select label="Région (ARS)" {...feedback.stateOf("regionCode")} nativeSelectProps={{ id: "jeton-region", value: values.regionCode, onChange: (event) => set("regionCode", event.target.value) }}>
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
        <Button type="submit" disabled={pending}>
          Créer le jeton
        </Button>
        <ActionFeedback success={feedback.success} error={feedback.error} />
      </form>
      {created && (
        <Alert
          className={fr.cx("fr-mb-6w")}
          severity="warning"
          title={`Jeton « ${created.name} » : copiez-le maintenant`}
          description={
            <>
              <p>Il ne sera plus jamais affiché : le portail n&apos;en garde qu&apos;une empreinte. Transmettez-le par un canal sûr au système d&apos;information, qui l&apos;envoie dans l&apos;en-tête « Authorization: Bearer … ».</p>
              <Input label="Jeton" nativeInputProps={{ id: "jeton-cree", readOnly: true, value: created.secret, onFocus: (event) => event.currentTarget.select(), spellCheck: false, autoComplete: "off" }} />
              <Button
                type="button"
                size="small"
                priority="secondary"
                iconId="fr-icon-clipboard-line"
                onClick={async () => {
                  await navigator.clipboard.writeText(created.secret);
                  setCopied(true);
                }}
              >
                Copier le jeton
              </Button>
              <span role="status" className={fr.cx("fr-ml-2w")}>
                {copied ? "Jeton copié dans le presse-papiers." : ""}
              </span>
            </>
          }
        />
      )}
    </>
  );
}
