"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { HOSPICONNECT_OBJECTIVE_COUNT, formatEuros, type Cents } from "@/lib/funding";
import { TextField } from "@/components/ui/text-field";
import { LegalEntityLookup } from "./legal-entity-lookup";
import {
  HOSPICONNECT_FORM_DEFAULTS,
  OBJECTIVE_COUNT_OPTIONS,
  headcountField,
  hospiconnectFormSchema,
  milestoneYearSchema,
  objectivesYearSchema,
  type HospiconnectFormInput,
  type HospiconnectFormOutput,
  type FoundLegalEntity,
} from "./simulator-input";
import { RATE_ROWS, TIER_ROWS, ceilingFigures, formatCount, simulationView, tierIndex, type SimulationRow } from "./simulator-results";

type HeadcountSource = "typed" | "finess";

const money = (value: Cents | null): string => (value === null ? "—" : formatEuros(value));

const TABLE = "w-full border-collapse text-left text-sm";
const HEAD_ROW = "border-b-2 border-gris-texte";
const CELL = "py-2 pr-3";
const NUMBER_CELL = "py-2 pr-3 text-right tabular-nums";
const HIGHLIGHT = "bg-bleu-clair font-semibold";

/** Tab "Montant HospiConnect": headcount → ceilings, then the 2026–2028 simulation. */
export function HospiconnectSimulator() {
  const [source, setSource] = useState<HeadcountSource>("typed");
  const [entity, setEntity] = useState<FoundLegalEntity | null>(null);
  const {
    register,
    control,
    formState: { errors },
  } = useForm<HospiconnectFormInput, unknown, HospiconnectFormOutput>({
    resolver: zodResolver(hospiconnectFormSchema),
    mode: "onChange",
    defaultValues: HOSPICONNECT_FORM_DEFAULTS,
  });
  // Current raw values; each part is parsed on its own so one invalid field blanks only what depends on it.
  const values = useWatch({ control });

  const typedHeadcount = headcountField.safeParse(values.headcount);
  const headcount = source === "typed" ? (typedHeadcount.success ? typedHeadcount.data : null) : (entity?.headcount ?? null);
  const figures = headcount === null ? null : ceilingFigures(headcount);
  const highlightedTier = figures === null ? null : tierIndex(figures.headcount);

  const y2026 = milestoneYearSchema.safeParse(values.y2026);
  const y2027 = objectivesYearSchema.safeParse(values.y2027);
  const y2028 = objectivesYearSchema.safeParse(values.y2028);
  const simulation = simulationView(figures?.annualCeiling ?? null, {
    y2026: y2026.success ? y2026.data : null,
    y2027: y2027.success ? y2027.data : null,
    y2028: y2028.success ? y2028.data : null,
  });

  const missingHeadcount =
    source === "typed" ? "Saisissez un effectif valide pour afficher les montants." : "Recherchez une entité juridique pour afficher ses montants.";

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre-effectif" className="space-y-4">
        <h2 id="titre-effectif" className="text-2xl font-bold">
          1. Effectif de l&apos;entité juridique
        </h2>
        <p>
          Le montant plafond d&apos;une entité juridique (EJ) dépend de la somme des effectifs salariés et libéraux de ses établissements
          géographiques (EG) déclarés dans la SAE 2024, à défaut 2023 ou 2022.
        </p>
        <fieldset className="space-y-2">
          <legend className="font-semibold">Comment déterminer l&apos;effectif ?</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="source-effectif" value="typed" checked={source === "typed"} onChange={() => setSource("typed")} className="size-4" />
            Saisir l&apos;effectif SAE
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="source-effectif" value="finess" checked={source === "finess"} onChange={() => setSource("finess")} className="size-4" />
            Rechercher l&apos;entité juridique par son numéro FINESS
          </label>
        </fieldset>
        {source === "typed" ? (
          <TextField
            label="Effectif SAE (nombre d'agents)"
            hint="Nombre entier, par exemple 800 ou 1 200."
            inputMode="numeric"
            autoComplete="off"
            error={errors.headcount?.message}
            {...register("headcount")}
          />
        ) : (
          <LegalEntityLookup entity={entity} onEntityChange={setEntity} />
        )}
      </section>

      <section aria-labelledby="titre-plafond" className="space-y-6">
        <h2 id="titre-plafond" className="text-2xl font-bold">
          2. Montant plafond HospiConnect
        </h2>
        <div aria-live="polite" className="border-l-4 border-bleu-france bg-fond-alt p-4">
          {figures === null && <p className="mb-2">{missingHeadcount}</p>}
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm">Effectif retenu</dt>
              <dd className="text-lg font-bold">{figures === null ? "—" : `${formatCount(figures.headcount)} agent${figures.headcount > 1 ? "s" : ""}`}</dd>
            </div>
            <div>
              <dt className="text-sm">Montant plafond annuel</dt>
              <dd className="text-lg font-bold text-bleu-france" data-testid="plafond-annuel">
                {money(figures?.annualCeiling ?? null)}
              </dd>
            </div>
            <div>
              <dt className="text-sm">Montant plafond sur les trois ans (2026–2028)</dt>
              <dd className="text-lg font-bold" data-testid="plafond-programme">
                {money(figures?.programmeCeiling ?? null)}
              </dd>
            </div>
            <div>
              <dt className="text-sm">Montant par agent et par an</dt>
              <dd className="text-lg font-bold" data-testid="montant-par-agent">
                {money(figures?.perAgent ?? null)}
              </dd>
            </div>
          </dl>
        </div>

        <div className="grid gap-8 lg:grid-cols-2">
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <caption className="mb-2 text-left font-semibold">Montants plafond par an et par FINESS juridique, par tranche d&apos;effectif</caption>
              <thead>
                <tr className={HEAD_ROW}>
                  <th scope="col" className={CELL}>
                    Tranche
                  </th>
                  <th scope="col" className={CELL}>
                    Montant
                  </th>
                </tr>
              </thead>
              <tbody>
                {TIER_ROWS.map((row, index) => {
                  const current = index === highlightedTier;
                  return (
                    <tr key={row.from} className={`border-b border-gris-bordure ${current ? HIGHLIGHT : ""}`}>
                      <th scope="row" className={`${CELL} font-normal`}>
                        {row.range}
                        {current && <span className="ml-2 font-semibold">(tranche de l&apos;effectif retenu)</span>}
                      </th>
                      <td className={CELL}>{row.amount}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <caption className="mb-2 text-left font-semibold">Taux appliqué au montant plafond en 2027 et 2028</caption>
              <thead>
                <tr className={HEAD_ROW}>
                  <th scope="col" className={CELL}>
                    Nombre d&apos;objectifs atteints (1.1 à 2.2)
                  </th>
                  <th scope="col" className={NUMBER_CELL}>
                    Taux appliqué
                  </th>
                </tr>
              </thead>
              <tbody>
                {RATE_ROWS.map((row) => (
                  <tr key={row.objectives} className="border-b border-gris-bordure">
                    <th scope="row" className={`${CELL} font-normal`}>
                      {row.objectives}
                    </th>
                    <td className={NUMBER_CELL}>{row.percent} % du montant plafond</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-sm">Sans l&apos;objectif obligatoire 1.0 (mise en conformité PGSSI-S), aucun financement n&apos;est dû pour l&apos;année.</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="titre-simulation" className="space-y-6">
        <h2 id="titre-simulation" className="text-2xl font-bold">
          3. Simulation 2026–2028
        </h2>
        <p>
          Chaque année, le montant perçu ne peut dépasser les dépenses éligibles effectivement engagées et déclarées. Un montant non perçu une
          année n&apos;est pas reporté sur l&apos;année suivante.
        </p>
        <div className="grid gap-6 lg:grid-cols-3">
          <fieldset className="space-y-4 border border-gris-bordure p-4">
            <legend className="px-1 text-lg font-bold">2026</legend>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1 size-4 shrink-0" {...register("y2026.milestoneComplete")} />
              Jalon 2026 complet (note de cadrage déposée et autoévaluation IE validée)
            </label>
            <ExpensesField year={2026} register={register} errors={errors} />
          </fieldset>
          {([2027, 2028] as const).map((year) => (
            <fieldset key={year} className="space-y-4 border border-gris-bordure p-4">
              <legend className="px-1 text-lg font-bold">{year}</legend>
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1 size-4 shrink-0" {...register(`y${year}.mandatoryObjectiveMet`)} />
                Objectif obligatoire 1.0 atteint
              </label>
              <div>
                <label htmlFor={`objectifs-${year}`} className="block font-semibold">
                  Nombre d&apos;objectifs atteints (1.1 à 2.2)
                </label>
                <select id={`objectifs-${year}`} className="mt-1 block w-full max-w-md border-b-2 border-gris-texte bg-fond-alt px-3 py-2" {...register(`y${year}.objectivesReached`)}>
                  {OBJECTIVE_COUNT_OPTIONS.map((count) => (
                    <option key={count} value={String(count)}>
                      {count} / {HOSPICONNECT_OBJECTIVE_COUNT}
                    </option>
                  ))}
                </select>
              </div>
              <ExpensesField year={year} register={register} errors={errors} />
            </fieldset>
          ))}
        </div>

        <div className="overflow-x-auto">
          <table className={TABLE}>
            <caption className="mb-2 text-left text-lg font-bold">
              Montants 2026–2028{figures === null ? "" : ` pour un plafond annuel de ${formatEuros(figures.annualCeiling)}`}
            </caption>
            <thead>
              <tr className={HEAD_ROW}>
                <th scope="col" className={CELL}>
                  Année
                </th>
                <th scope="col" className={NUMBER_CELL}>
                  Montant éligible
                </th>
                <th scope="col" className={NUMBER_CELL}>
                  Dépenses engagées
                </th>
                <th scope="col" className={NUMBER_CELL}>
                  Montant perçu
                </th>
                <th scope="col" className={NUMBER_CELL}>
                  Non perçu (faute de dépenses)
                </th>
              </tr>
            </thead>
            <tbody>
              {simulation.rows.map((row) => (
                <SimulationTableRow key={row.year} row={row} />
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-gris-texte font-bold">
                <th scope="row" className={CELL}>
                  Total 2026–2028
                </th>
                <td className={NUMBER_CELL} data-testid="total-eligible">
                  {money(simulation.totals?.eligible ?? null)}
                </td>
                <td className={NUMBER_CELL}>{money(simulation.totals?.declaredExpenses ?? null)}</td>
                <td className={NUMBER_CELL} data-testid="total-percu">
                  {money(simulation.totals?.granted ?? null)}
                </td>
                <td className={NUMBER_CELL}>{money(simulation.totals?.notGranted ?? null)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {/* A one-line summary is announced rather than the whole table at each keystroke. */}
        <p aria-live="polite" className="border-l-4 border-bleu-france bg-fond-alt p-4">
          {simulation.totals === null ? (
            "Corrigez ou complétez les champs signalés pour afficher tous les montants."
          ) : (
            <>
              Montant total perçu sur 2026–2028 : <strong>{formatEuros(simulation.totals.granted)}</strong>, pour{" "}
              {formatEuros(simulation.totals.eligible)} éligibles et {formatEuros(simulation.totals.declaredExpenses)} de dépenses engagées.
            </>
          )}
        </p>
      </section>
    </div>
  );
}

function SimulationTableRow({ row }: { row: SimulationRow }) {
  return (
    <tr className="border-b border-gris-bordure align-top">
      <th scope="row" className={`${CELL} font-semibold`}>
        {row.year}
      </th>
      <td className={NUMBER_CELL} data-testid={`montant-eligible-${row.year}`}>
        {money(row.eligible)}
        {row.rateLabel && <span className="block text-xs font-normal">{row.rateLabel}</span>}
      </td>
      <td className={NUMBER_CELL}>{money(row.declaredExpenses)}</td>
      <td className={`${NUMBER_CELL} font-semibold`} data-testid={`montant-percu-${row.year}`}>
        {money(row.granted)}
      </td>
      <td className={NUMBER_CELL}>{money(row.notGranted)}</td>
    </tr>
  );
}

function ExpensesField({
  year,
  register,
  errors,
}: {
  year: 2026 | 2027 | 2028;
  register: UseFormRegister<HospiconnectFormInput>;
  errors: FieldErrors<HospiconnectFormInput>;
}) {
  return (
    <TextField
      label={`Dépenses engagées en ${year} (en euros)`}
      hint="Par exemple 30 000 ou 30 000,50."
      inputMode="decimal"
      autoComplete="off"
      error={errors[`y${year}`]?.declaredExpenses?.message}
      {...register(`y${year}.declaredExpenses`)}
    />
  );
}
