"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { saveDepositAction } from "@/app/etablissement/dossiers/actions";
import { TextField } from "@/components/ui/text-field";
import type { DepositDraft } from "@/lib/dossiers/dossier-input";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE } from "@/lib/dossiers/objectives";
import { isMilestoneYear, partAmounts } from "@/lib/dossiers/part-amounts";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { EURO_MESSAGES, EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros, parseEuroAmount, type Cents, type ExpenseCategory } from "@/lib/funding";
import { pointsAsErrors } from "./change-request-banner";
import { DocumentSlot } from "./document-slot";
import { FieldErrorText, fieldId } from "./field-errors";
import { SaveStatus } from "./save-status";
import { SubmitPanel } from "./submit-panel";
import { useValueAutosave } from "@/components/ui/use-autosave";

/** The form's values: amounts as typed (French text), converted to exact cents on save. */
interface PartValues {
  legalEntityFiness: string;
  nru: string;
  expenses: Record<ExpenseCategory, string>;
  mandatoryObjectiveMet: "" | "oui" | "non";
  objectivesReached: string[];
  requested: string;
}
interface DepositValues {
  attestations: { targetsReached: boolean; expensesTruthful: boolean };
  parts: PartValues[];
}

const amountText = (cents: Cents | null) => (cents === null ? "" : formatEuros(cents).replace(/\s?€$/, ""));
const cents = (text: string): Cents | null => {
  const parsed = parseEuroAmount(text);
  return parsed.ok ? parsed.value : null;
};

function toValues(draft: DepositDraft): DepositValues {
  return {
    attestations: draft.attestations,
    parts: draft.parts.map((part) => ({
      legalEntityFiness: part.legalEntityFiness,
      nru: part.nru ?? "",
      expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, amountText(part.expenses[category])])) as Record<ExpenseCategory, string>,
      mandatoryObjectiveMet: part.mandatoryObjectiveMet === null ? "" : part.mandatoryObjectiveMet ? "oui" : "non",
      objectivesReached: part.objectivesReached,
      requested: amountText(part.requested),
    })),
  };
}

function toDraft(values: DepositValues): DepositDraft {
  return {
    attestations: { targetsReached: Boolean(values.attestations?.targetsReached), expensesTruthful: Boolean(values.attestations?.expensesTruthful) },
    parts: (values.parts ?? []).map((part) => ({
      legalEntityFiness: part.legalEntityFiness,
      nru: part.nru?.trim() ? part.nru.trim() : null,
      expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, cents(part.expenses?.[category] ?? "")])) as DepositDraft["parts"][number]["expenses"],
      mandatoryObjectiveMet: part.mandatoryObjectiveMet === "" ? null : part.mandatoryObjectiveMet === "oui",
      objectivesReached: Array.isArray(part.objectivesReached) ? part.objectivesReached : [],
      requested: cents(part.requested ?? ""),
    })),
  };
}

/** A typed amount that is not empty and not a valid amount: said next to the field, never saved as a number. */
function amountError(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const parsed = parseEuroAmount(text);
  return parsed.ok ? undefined : EURO_MESSAGES[parsed.error];
}

/** The yearly proof deposit of source 003, per EJ of the dossier, with the amounts of lib/funding shown live. */
export function DepositForm({ model }: { model: DossierFormModel }) {
  const deposit = model.deposit as DepositDraft;
  const { register, control, setValue } = useForm<DepositValues>({ defaultValues: toValues(deposit) });
  const values = useWatch({ control }) as DepositValues;
  const draft = useMemo(() => toDraft(values), [values]);
  const points = model.openChangeRequest?.points ?? [];
  const [errors, setErrors] = useState<FieldErrors>(() => pointsAsErrors(points));
  const save = useCallback((next: DepositDraft, version: number) => saveDepositAction({ dossierId: model.id, version, draft: next }), [model.id]);
  const autosave = useValueAutosave(draft, { initialVersion: model.version, save, enabled: model.editable });
  const year = model.year;
  const isGht = model.parts.length > 1;
  const targets = model.parts.map((part) => ({ finess: part.finess, name: part.name }));

  return (
    <form className="space-y-10" onSubmit={(event) => event.preventDefault()} noValidate>
      <SaveStatus status={autosave.status} onRetry={autosave.retry} />
      {model.parts.map((part, index) => {
        const partValues = values.parts?.[index];
        const partDraft = draft.parts[index];
        const key = (field: string) => `parts.${part.finess}.${field}`;
        const noteCount = model.documents.filter((document) => document.kind === "NOTE_DE_CADRAGE" && document.legalEntities.includes(part.finess)).length;
        const nruOk = part.validatedAssessments.some((assessment) => assessment.nru === partDraft?.nru && assessment.validatedOn >= `${year}-01-01`);
        const amounts =
          partDraft && isMilestoneYear(year)
            ? partAmounts({
                headcount: part.headcount,
                year,
                milestoneComplete: noteCount > 0 && nruOk,
                mandatoryObjectiveMet: partDraft.mandatoryObjectiveMet,
                objectivesReached: partDraft.objectivesReached.length,
                expenses: partDraft.expenses,
              })
            : null;
        const headingId = `ej-${part.finess}`;
        return (
          <section key={part.finess} aria-labelledby={headingId} className="space-y-4 border border-gris-bordure p-5">
            <h2 id={headingId} className="text-xl font-bold">
              {part.name} <span className="text-base font-normal">— FINESS EJ {part.finess}</span>
            </h2>
            <p className="text-sm">
              Effectif SAE : {new Intl.NumberFormat("fr-FR").format(part.headcount)} agents ({part.siteCount} EG) — montant plafond annuel :{" "}
              {amounts ? formatEuros(amounts.annualCeiling) : "—"}
            </p>
            <fieldset disabled={!model.editable} className="space-y-4">
              <legend className="sr-only">Éléments de preuve de {part.name}</legend>
              <DocumentSlot
                dossierId={model.id}
                kind="NOTE_DE_CADRAGE"
                forFiness={part.finess}
                targets={isGht ? targets : [{ finess: part.finess, name: part.name }]}
                label="Note de cadrage"
                hint={`PDF ou ZIP, moins de 100 Mo par fichier, 20 fichiers au maximum.${isGht ? " Une même note de cadrage GHT peut servir pour plusieurs EJ : cochez-les avant de la déposer." : ""}`}
                documents={model.documents}
                editable={model.editable}
                errors={errors}
                errorKey={key("noteDeCadrage")}
              />
              <div>
                <TextField
                  id={fieldId(key("nru"))}
                  label="NRU de l'autoévaluation de maturité IE"
                  hint={`Autoévaluation de cette EJ, validée depuis le 1er janvier ${year}.`}
                  list={`nru-${part.finess}`}
                  autoComplete="off"
                  error={errors[key("nru")]?.join(" ")}
                  {...register(`parts.${index}.nru`)}
                />
                <datalist id={`nru-${part.finess}`}>
                  {part.validatedAssessments.map((assessment) => (
                    <option key={assessment.nru} value={assessment.nru}>
                      Validée le {assessment.validatedOn.split("-").reverse().join("/")}
                    </option>
                  ))}
                </datalist>
                <p className="mt-1 text-sm">
                  {part.validatedAssessments.length === 0 ? "Aucune autoévaluation validée pour cette EJ. " : null}
                  <Link href="/etablissement/autoevaluations">Gérer les autoévaluations</Link>
                </p>
              </div>
              <DocumentSlot
                dossierId={model.id}
                kind="EXPENSE_ATTESTATION"
                forFiness={part.finess}
                targets={[{ finess: part.finess, name: part.name }]}
                label="Attestation sur l'honneur des dépenses engagées, signée par la DAF"
                hint="PDF ou ZIP, moins de 100 Mo."
                documents={model.documents}
                editable={model.editable}
                errors={errors}
                errorKey={key("expenseAttestation")}
                maxFiles={5}
              />
              <fieldset className="space-y-3">
                <legend className="font-semibold">Dépenses engagées depuis le 19 décembre 2025, par catégorie (en euros)</legend>
                <div className="grid gap-3 md:grid-cols-3">
                  {EXPENSE_CATEGORIES.map((category) => (
                    <TextField
                      key={category}
                      id={fieldId(key(`expenses.${category}`))}
                      label={EXPENSE_CATEGORY_LABELS[category]}
                      inputMode="decimal"
                      autoComplete="off"
                      error={amountError(partValues?.expenses?.[category]) ?? errors[key(`expenses.${category}`)]?.join(" ")}
                      {...register(`parts.${index}.expenses.${category}`)}
                    />
                  ))}
                </div>
              </fieldset>
              {year !== 2026 && <ObjectivesFields index={index} finess={part.finess} register={register} values={partValues} model={model} errors={errors} />}
              <div aria-live="polite" className="bg-fond-alt p-3 text-sm">
                <p>
                  Montant éligible {year} : <strong>{amounts ? formatEuros(amounts.eligible) : "—"}</strong>
                  {year === 2026 && amounts && amounts.eligible === 0 && " (note de cadrage et NRU d'une autoévaluation validée requis)"}
                </p>
                <p>Dépenses déclarées : {amounts ? formatEuros(amounts.declaredExpenses) : "—"}</p>
                <p>
                  Montant maximal demandable (éligible écrêté aux dépenses) : <strong data-testid={`plafond-demande-${part.finess}`}>{amounts ? formatEuros(amounts.capped) : "—"}</strong>
                </p>
              </div>
              <div className="flex flex-wrap items-end gap-3">
                <TextField
                  id={fieldId(key("requested"))}
                  label="Montant demandé (en euros)"
                  inputMode="decimal"
                  autoComplete="off"
                  error={
                    amountError(partValues?.requested) ??
                    (amounts && partDraft?.requested !== null && partDraft !== undefined && partDraft.requested > amounts.capped
                      ? `Le montant demandé ne peut dépasser ${formatEuros(amounts.capped)}.`
                      : errors[key("requested")]?.join(" "))
                  }
                  {...register(`parts.${index}.requested`)}
                />
                {model.editable && amounts && (
                  <button type="button" className="border border-bleu-france px-3 py-2 text-sm font-semibold" onClick={() => setValue(`parts.${index}.requested`, amountText(amounts.capped))}>
                    Demander le montant maximal
                  </button>
                )}
              </div>
            </fieldset>
          </section>
        );
      })}
      <fieldset disabled={!model.editable} className="space-y-2 border border-gris-bordure p-5">
        <legend className="px-1 text-xl font-bold">Attestations</legend>
        <label id={fieldId("attestations.targetsReached")} className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" {...register("attestations.targetsReached")} />
          <span>
            {isGht
              ? `J'atteste que tous les établissements juridiques (EJ) candidats ont atteint les cibles pour l'année ${year}.`
              : `J'atteste que mon établissement a atteint les cibles pour l'année ${year}.`}
          </span>
        </label>
        <FieldErrorText errors={errors} name="attestations.targetsReached" />
        <label id={fieldId("attestations.expensesTruthful")} className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" {...register("attestations.expensesTruthful")} />
          <span>
            J&apos;atteste que les dépenses déclarées concourent aux objectifs HospiConnect/HOP&apos;EN2, ont été engagées à compter du 19 décembre 2025
            {year === 2028 ? ", ont été facturées et payées au 16 juin 2028" : ""} et ne sont déclarées que pour une seule entité juridique.
          </span>
        </label>
        <FieldErrorText errors={errors} name="attestations.expensesTruthful" />
      </fieldset>
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          prepare={async () => ((await autosave.flush()) ? autosave.currentVersion() : null)}
          onErrors={(serverErrors) => setErrors(pointsAsErrors(points, serverErrors))}
        />
      )}
    </form>
  );
}

function ObjectivesFields({
  index,
  finess,
  register,
  values,
  model,
  errors,
}: {
  index: number;
  finess: string;
  register: UseFormRegister<DepositValues>;
  values: PartValues | undefined;
  model: DossierFormModel;
  errors: FieldErrors;
}) {
  const key = (field: string) => `parts.${finess}.${field}`;
  const proof = (code: string, label: string) => (
    <DocumentSlot
      dossierId={model.id}
      kind="OBJECTIVE_PROOF"
      objectiveCode={code}
      forFiness={finess}
      targets={[{ finess, name: model.parts.find((part) => part.finess === finess)?.name ?? finess }]}
      label={`Preuve de l'objectif ${code}`}
      hint={label}
      documents={model.documents}
      editable={model.editable}
      errors={errors}
      errorKey={key(`objectiveProof.${code}`)}
      maxFiles={10}
    />
  );
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">Objectifs {model.year} (source : tableau des objectifs HospiConnect/HOP&apos;EN2)</legend>
      <fieldset id={fieldId(key("mandatoryObjectiveMet"))}>
        <legend className="text-sm font-semibold">{MANDATORY_OBJECTIVE.label} : atteint ?</legend>
        <label className="mr-4 inline-flex items-center gap-1">
          <input type="radio" value="oui" {...register(`parts.${index}.mandatoryObjectiveMet`)} /> Oui
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="radio" value="non" {...register(`parts.${index}.mandatoryObjectiveMet`)} /> Non
        </label>
        <FieldErrorText errors={errors} name={key("mandatoryObjectiveMet")} />
      </fieldset>
      {values?.mandatoryObjectiveMet === "oui" && proof(MANDATORY_OBJECTIVE.code, MANDATORY_OBJECTIVE.label)}
      <fieldset>
        <legend className="text-sm font-semibold">Objectifs atteints</legend>
        {HOSPICONNECT_OBJECTIVES.map((objective) => (
          <label key={objective.code} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={objective.code} className="mt-1" {...register(`parts.${index}.objectivesReached`)} />
            {objective.label}
          </label>
        ))}
      </fieldset>
      {HOSPICONNECT_OBJECTIVES.filter((objective) => values?.objectivesReached?.includes(objective.code)).map((objective) => (
        <div key={objective.code}>{proof(objective.code, objective.label)}</div>
      ))}
    </fieldset>
  );
}
