"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useForm, useWatch } from "react-hook-form";
import { formatEuros } from "@/lib/funding";
import { ACTIVITY_FORM_DEFAULTS, SIMULATOR_MAX_ACTIVITY_COUNT, readActivityForm, type ActivityFormInput } from "./simulator-input";
import { ACTIVITY_FIELDS, CATEGORY_ROWS, activityView, equivalenceHint, formatActivity, formatCount } from "./simulator-results";

/** Tab "Activité combinée et catégorie AAP" (sources 001 and 002). */
export function CombinedActivitySimulator() {
  const { register, control } = useForm<ActivityFormInput>({ defaultValues: ACTIVITY_FORM_DEFAULTS });
  // Errors and result come from one reading of the fields as they are now.
  const reading = readActivityForm(useWatch({ control }));
  const view = activityView(reading);
  const { result } = view;

  return (
    <div>
      <section aria-labelledby="titre-activite" className={fr.cx("fr-mb-6w")}>
        <h2 id="titre-activite">1. Activité de l&apos;établissement</h2>
        <p>
          L&apos;activité combinée est exprimée en journées MCO : chaque champ d&apos;activité est converti selon l&apos;équivalence indiquée
          sous son libellé. Les valeurs retenues sont celles de 2022 (PMSI et SAE 2022), quelle que soit l&apos;année de candidature. Laissez
          vide un champ sans activité ; chaque nombre va de 0 à {formatCount(SIMULATOR_MAX_ACTIVITY_COUNT)}.
        </p>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {ACTIVITY_FIELDS.map((field) => {
            const current = reading[field.key];
            const error = current.state === "invalid" ? current.message : undefined;
            return (
              <div key={field.key} className={fr.cx("fr-col-12", "fr-col-md-6")}>
                <Input
                  label={field.label}
                  hintText={equivalenceHint(field)}
                  state={error ? "error" : "default"}
                  stateRelatedMessage={error}
                  nativeInputProps={{ ...register(field.key), inputMode: "numeric", autoComplete: "off", "aria-invalid": error ? true : undefined }}
                />
              </div>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="titre-categorie">
        <h2 id="titre-categorie">2. Catégorie de l&apos;appel à projets HOP&apos;EN2</h2>
        <div aria-live="polite" data-testid="resume-activite">
          {result ? (
            <CallOut
              title={
                <>
                  Activité combinée : <span data-testid="activite-combinee">{formatActivity(result.activity)} journées MCO</span>
                </>
              }
              titleAs="h3"
              bodyAs="div"
            >
              <p data-testid="categorie-aap">
                <Badge as="span" className={fr.cx("fr-badge--purple-glycine")}>{`Catégorie ${result.category}`}</Badge>
              </p>
              <p>
                Montant plafond par projet : <strong data-testid="plafond-aap">{formatEuros(result.cap)}</strong>
              </p>
            </CallOut>
          ) : (
            <Alert role={undefined} severity="info" small description={view.summary} />
          )}
        </div>
        <Table
          caption="Montant plafond par projet selon l'activité combinée (AC)"
          headers={["Catégorie", "Activité combinée (AC)", "Montant plafond par projet"]}
          data={CATEGORY_ROWS.map((row) => [
            <>
              Catégorie {row.category}
              {result?.category === row.category && (
                <Badge as="span" small severity="info" className={fr.cx("fr-ml-1w")}>
                  Catégorie de l&apos;activité saisie
                </Badge>
              )}
            </>,
            row.range,
            formatEuros(row.cap),
          ])}
        />
        <ul>
          <li>
            Un projet porté par plusieurs établissements relève de la catégorie de leur activité combinée cumulée : additionnez leurs activités.
          </li>
          <li>
            Le montant octroyé, dans la limite du plafond, est versé pour moitié en 2026 à l&apos;acceptation du projet et pour moitié en 2027
            sur l&apos;atteinte de ses objectifs validée par l&apos;ARS.
          </li>
        </ul>
      </section>
    </div>
  );
}
