"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState, type ReactNode } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { formatEuros, type Cents } from "@/lib/funding";
import { LegalEntityLookup } from "./legal-entity-lookup";
import {
  HOSPICONNECT_FORM_DEFAULTS,
  HOSPICONNECT_OBJECTIVES,
  SIMULATOR_MAX_HEADCOUNT,
  outcomeForField,
  readHospiconnectForm,
  type FieldReading,
  type FoundLegalEntity,
  type HospiconnectFormInput,
  type LookupOutcome,
} from "./simulator-input";
import { RATE_ROWS, TIER_ROWS, formatCount, hospiconnectView, type HeadcountSource, type SimulationRow } from "./simulator-results";

const money = (value: Cents | null): string => (value === null ? "—" : formatEuros(value));

function errorOf(reading: FieldReading<unknown>): string | undefined {
  return reading.state === "invalid" ? reading.message : undefined;
}

/** Tab "Montant HospiConnect": headcount → ceilings, then the 2026–2028 simulation (source 000). */
export function HospiconnectSimulator({ ownEntities }: { ownEntities: readonly FoundLegalEntity[] }) {
  // A signed-in referent starts on their own EJ, found already; anyone else types a headcount.
  const first = ownEntities[0];
  const [source, setSource] = useState<HeadcountSource>(first ? "finess" : "typed");
  const [finess, setFiness] = useState(first?.finess ?? "");
  const [outcome, setOutcome] = useState<LookupOutcome | null>(first ? { finess: first.finess, result: { ok: true, data: first } } : null);
  const { register, control } = useForm<HospiconnectFormInput>({ defaultValues: HOSPICONNECT_FORM_DEFAULTS });

  // Everything below is computed from what the inputs hold now: no result outlives its input.
  const reading = readHospiconnectForm(useWatch({ control }));
  const shown = outcomeForField(finess, outcome);
  const entity = shown?.result.ok ? shown.result.data : null;
  const view = hospiconnectView(reading, source, entity?.headcount ?? null);
  const { figures } = view;

  return (
    <div>
      <section aria-labelledby="titre-effectif" className={fr.cx("fr-mb-6w")}>
        <h2 id="titre-effectif">1. Effectif de l&apos;entité juridique</h2>
        <p>
          Le montant plafond d&apos;une entité juridique (EJ) dépend de la somme des effectifs salariés et libéraux de ses établissements
          géographiques (EG) déclarés dans la SAE 2024, à défaut 2023 ou 2022.
        </p>
        <RadioButtons
          legend="Comment déterminer l'effectif ?"
          name="source-effectif"
          options={[
            { label: "Saisir l'effectif SAE", nativeInputProps: { value: "typed", checked: source === "typed", onChange: () => setSource("typed") } },
            {
              label: "Rechercher l'entité juridique par son numéro FINESS",
              nativeInputProps: { value: "finess", checked: source === "finess", onChange: () => setSource("finess") },
            },
          ]}
        />
        {source === "typed" ? (
          <Input
            className="max-w-md"
            label="Effectif SAE (nombre d'agents)"
            hintText={`Nombre entier d'agents, de 0 à ${formatCount(SIMULATOR_MAX_HEADCOUNT)}, par exemple 800 ou 1 200.`}
            state={errorOf(reading.headcount) ? "error" : "default"}
            stateRelatedMessage={errorOf(reading.headcount)}
            nativeInputProps={{ ...register("headcount"), inputMode: "numeric", autoComplete: "off", "aria-invalid": errorOf(reading.headcount) ? true : undefined }}
          />
        ) : (
          <LegalEntityLookup
            value={finess}
            onValueChange={setFiness}
            outcome={shown}
            onOutcome={setOutcome}
            ownEntities={ownEntities}
          />
        )}
      </section>

      <section aria-labelledby="titre-plafond" className={fr.cx("fr-mb-6w")}>
        <h2 id="titre-plafond">2. Montant plafond HospiConnect</h2>
        {figures ? (
          <CallOut
            title={
              <>
                Montant plafond annuel : <span data-testid="plafond-annuel">{formatEuros(figures.annualCeiling)}</span>
              </>
            }
            titleAs="h3"
            bodyAs="div"
          >
            <ul>
              <li>
                Effectif retenu : {formatCount(figures.headcount)} agent{figures.headcount > 1 ? "s" : ""}
                {source === "finess" && entity ? ` (${entity.name})` : ""}
              </li>
              <li>
                Montant plafond sur les trois ans (2026–2028) : <span data-testid="plafond-programme">{formatEuros(figures.programmeCeiling)}</span>
              </li>
              <li>
                Montant par agent et par an : <span data-testid="montant-par-agent">{formatEuros(figures.perAgent)}</span>
              </li>
            </ul>
          </CallOut>
        ) : (
          <p>Le montant plafond s&apos;affiche dès que l&apos;effectif de l&apos;entité juridique est connu.</p>
        )}
        <div className="grid gap-8 lg:grid-cols-2">
          <Table
            caption="Montants plafond par an et par FINESS juridique, par tranche d'effectif"
            headers={["Tranche", "Montant"]}
            data={TIER_ROWS.map((row, index) => [
              <>
                {row.range}
                {index === view.highlightedTier && (
                  <Badge as="span" small severity="info" className={fr.cx("fr-ml-1w")}>
                    Tranche de l&apos;effectif retenu
                  </Badge>
                )}
              </>,
              row.amount,
            ])}
          />
          <div>
            <Table
              caption="Taux appliqué au montant plafond en 2027 et 2028"
              headers={["Nombre d'objectifs atteints (1.1 à 2.2)", "Taux appliqué"]}
              data={RATE_ROWS.map((row) => [String(row.objectives), `${row.percent} % du montant plafond`])}
            />
            <p className={fr.cx("fr-text--sm")}>
              Sans l&apos;objectif obligatoire 1.0 (mise en conformité PGSSI-S), aucun financement n&apos;est dû pour l&apos;année.
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="titre-simulation">
        <h2 id="titre-simulation">3. Simulation 2026–2028</h2>
        <p>
          Chaque année, le montant perçu ne peut dépasser les dépenses éligibles effectivement engagées et déclarées. Un montant non perçu une
          année n&apos;est pas reporté sur l&apos;année suivante.
        </p>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <YearFieldset year={2026} register={register} expenses={reading.y2026.declaredExpenses}>
            <Checkbox
              options={[
                {
                  label: "Jalon 2026 complet",
                  hintText: "Note de cadrage déposée et autoévaluation IE validée",
                  nativeInputProps: register("y2026.milestoneComplete"),
                },
              ]}
            />
          </YearFieldset>
          {([2027, 2028] as const).map((year) => (
            <YearFieldset key={year} year={year} register={register} expenses={reading[`y${year}`].declaredExpenses}>
              <Checkbox
                options={[{ label: "Objectif obligatoire 1.0 atteint", hintText: "Mise en conformité PGSSI-S", nativeInputProps: register(`y${year}.mandatoryObjectiveMet`) }]}
              />
              <Checkbox
                small
                legend={`Objectifs atteints en ${year} (1.1 à 2.2)`}
                hintText={`${reading[`y${year}`].objectivesReached} sur ${HOSPICONNECT_OBJECTIVES.length} coché${reading[`y${year}`].objectivesReached > 1 ? "s" : ""}`}
                options={HOSPICONNECT_OBJECTIVES.map((objective) => ({
                  label: objective.label,
                  nativeInputProps: { ...register(`y${year}.objectives`), value: objective.code },
                }))}
              />
            </YearFieldset>
          ))}
        </div>

        {view.rows && figures && (
          <Table
            className={fr.cx("fr-mt-4w")}
            caption={`Montants 2026–2028 pour un plafond annuel de ${formatEuros(figures.annualCeiling)}`}
            headers={["Année", "Montant éligible", "Dépenses engagées", "Montant perçu", "Non perçu (faute de dépenses)"]}
            data={[
              ...view.rows.map((row) => simulationCells(row)),
              [
                <strong key="total">Total 2026–2028</strong>,
                <strong key="eligible" data-testid="total-eligible">
                  {money(view.totals?.eligible ?? null)}
                </strong>,
                <strong key="expenses">{money(view.totals?.declaredExpenses ?? null)}</strong>,
                <strong key="granted" data-testid="total-percu">
                  {money(view.totals?.granted ?? null)}
                </strong>,
                <strong key="not-granted">{money(view.totals?.notGranted ?? null)}</strong>,
              ],
            ]}
          />
        )}
        {/* One sentence is announced, rather than the whole table at each keystroke. */}
        <div aria-live="polite" className={fr.cx("fr-mt-2w")} data-testid="resume-simulation">
          {view.totals ? (
            <Alert role={undefined} severity="success" small description={view.summary} />
          ) : (
            <Alert role={undefined} severity="info" small description={view.summary} />
          )}
        </div>
      </section>
    </div>
  );
}

function simulationCells(row: SimulationRow) {
  return [
    <strong key="year">{row.year}</strong>,
    <span key="eligible" data-testid={`montant-eligible-${row.year}`}>
      {formatEuros(row.eligible)}
      <span className={fr.cx("fr-hint-text")}>{row.rateLabel}</span>
    </span>,
    <span key="expenses">{money(row.declaredExpenses)}</span>,
    <strong key="granted" data-testid={`montant-percu-${row.year}`}>
      {money(row.granted)}
    </strong>,
    <span key="not-granted">{money(row.notGranted)}</span>,
  ];
}

function YearFieldset({
  year,
  register,
  expenses,
  children,
}: {
  year: 2026 | 2027 | 2028;
  register: UseFormRegister<HospiconnectFormInput>;
  expenses: FieldReading<Cents>;
  children: ReactNode;
}) {
  const error = errorOf(expenses);
  return (
    <div className={fr.cx("fr-col-12", "fr-col-lg-4")}>
      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={`annee-${year}`}>
        <legend id={`annee-${year}`} className={fr.cx("fr-fieldset__legend", "fr-h4")}>
          {year}
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>{children}</div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            label={`Dépenses engagées en ${year} (en euros)`}
            hintText="Par exemple 30 000 ou 30 000,50 ; 0 si aucune dépense."
            state={error ? "error" : "default"}
            stateRelatedMessage={error}
            nativeInputProps={{ ...register(`y${year}.declaredExpenses`), inputMode: "decimal", autoComplete: "off", "aria-invalid": error ? true : undefined }}
          />
        </div>
      </fieldset>
    </div>
  );
}
