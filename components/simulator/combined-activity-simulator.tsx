"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { formatEuros } from "@/lib/funding";
import { TextField } from "@/components/ui/text-field";
import { ACTIVITY_FORM_DEFAULTS, activityFormSchema, type ActivityFormInput, type ActivityFormOutput } from "./simulator-input";
import { ACTIVITY_FIELDS, CATEGORY_ROWS, activityResult, equivalenceHint, formatActivity } from "./simulator-results";

/** Tab "Activité combinée et catégorie AAP" (sources 001 and 002). */
export function CombinedActivitySimulator() {
  const {
    register,
    control,
    formState: { errors },
  } = useForm<ActivityFormInput, unknown, ActivityFormOutput>({
    resolver: zodResolver(activityFormSchema),
    mode: "onChange",
    defaultValues: ACTIVITY_FORM_DEFAULTS,
  });
  const values = useWatch({ control });
  const parsed = activityFormSchema.safeParse(values);
  const result = parsed.success ? activityResult(parsed.data) : null;

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre-activite" className="space-y-4">
        <h2 id="titre-activite" className="text-2xl font-bold">
          1. Activité de l&apos;établissement
        </h2>
        <p>
          L&apos;activité combinée est exprimée en journées MCO : chaque champ d&apos;activité est converti selon l&apos;équivalence indiquée
          sous son libellé. Les valeurs retenues sont celles de 2022 (PMSI et SAE 2022), quelle que soit l&apos;année de candidature.
        </p>
        <div className="grid gap-x-6 gap-y-4 md:grid-cols-2">
          {ACTIVITY_FIELDS.map((field) => (
            <TextField
              key={field.key}
              label={field.label}
              hint={equivalenceHint(field)}
              inputMode="numeric"
              autoComplete="off"
              error={errors[field.key]?.message}
              {...register(field.key)}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="titre-categorie" className="space-y-6">
        <h2 id="titre-categorie" className="text-2xl font-bold">
          2. Catégorie de l&apos;appel à projets HOP&apos;EN2
        </h2>
        <div aria-live="polite" className="border-l-4 border-bleu-france bg-fond-alt p-4">
          {result === null && <p className="mb-2">Corrigez les champs signalés pour afficher l&apos;activité combinée.</p>}
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-3">
            <div>
              <dt className="text-sm">Activité combinée</dt>
              <dd className="text-lg font-bold" data-testid="activite-combinee">
                {result === null ? "—" : `${formatActivity(result.activity)} journées MCO`}
              </dd>
            </div>
            <div>
              <dt className="text-sm">Catégorie AAP</dt>
              <dd className="text-lg font-bold text-bleu-france" data-testid="categorie-aap">
                {result === null ? "—" : `Catégorie ${result.category}`}
              </dd>
            </div>
            <div>
              <dt className="text-sm">Montant plafond par projet</dt>
              <dd className="text-lg font-bold" data-testid="plafond-aap">
                {result === null ? "—" : formatEuros(result.cap)}
              </dd>
            </div>
          </dl>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-semibold">Montant plafond par projet selon l&apos;activité combinée (AC)</caption>
            <thead>
              <tr className="border-b-2 border-gris-texte">
                <th scope="col" className="py-2 pr-3">
                  Catégorie
                </th>
                <th scope="col" className="py-2 pr-3">
                  Activité combinée (AC)
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Montant plafond par projet
                </th>
              </tr>
            </thead>
            <tbody>
              {CATEGORY_ROWS.map((row) => {
                const current = result?.category === row.category;
                return (
                  <tr key={row.category} className={`border-b border-gris-bordure ${current ? "bg-bleu-clair font-semibold" : ""}`}>
                    <th scope="row" className="py-2 pr-3 font-semibold">
                      Catégorie {row.category}
                      {current && <span className="ml-2">(catégorie de l&apos;activité saisie)</span>}
                    </th>
                    <td className="py-2 pr-3">{row.range}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatEuros(row.cap)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <ul className="list-disc space-y-1 pl-6 text-sm">
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
