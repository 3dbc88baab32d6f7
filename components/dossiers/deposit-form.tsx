"use client";

import { useSubmissionAttempt } from "@/components/dossiers/use-submission-attempt";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Fragment, useCallback, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { saveDepositAction } from "@/app/etablissement/dossiers/actions";
import { useValueAutosave } from "@/components/ui/use-autosave";
import type { DepositDraft } from "@/lib/dossiers/dossier-input";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import { carryOverGaps } from "@/lib/dossiers/kinds/milestone-deposit/objective-verdicts";
import { HOSPICONNECT_OBJECTIVES, MANDATORY_OBJECTIVE, objectiveIndicator, objectiveTarget } from "@/lib/dossiers/objectives";
import { isMilestoneYear, partAmounts, type MilestoneYear } from "@/lib/dossiers/part-amounts";
import {
  depositIssues,
  documentFacts,
  nruProblem,
  quotedSelfAssessment,
  type DepositPartFacts,
  type FieldErrors,
  type KnownSelfAssessment,
  type SubmissionIssue,
} from "@/lib/dossiers/submission-rules";
import { EURO_MESSAGES, EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, EXPENSE_CATEGORY_SCOPE, formatEuros, parseEuroAmount, type Cents, type ExpenseCategory } from "@/lib/funding";
import { normalizeNru } from "@/lib/self-assessment/nru";
import { pointsAsNotes } from "./change-request-banner";
import { DocumentSlot } from "./document-slot";
import { ErrorSummary, fieldId, fieldState, summaryGroups } from "./field-errors";
import { SaveStatus } from "./save-status";
import { SubmitPanel } from "./submit-panel";
import { ValidatedAssessments } from "./validated-assessments";

/** The form's values: amounts as typed (French text), converted to exact cents on save. */
interface PartValues {
  legalEntityFiness: string;
  nru: string;
  expenses: Record<ExpenseCategory, string>;
  mandatoryObjectiveMet: "" | "oui" | "non";
  objectivesReached: string[];
  /** 2.1 and 2.2 (source 000): the indicator in percent, as typed; keyed « 2_1 », « 2_2 » (a dot is a path for react-hook-form). */
  indicators: Record<IndicatorField, string>;
  /** 'YYYY-MM-DD' from the date fields, '' while not given. */
  expenseDates: { firstInvoiceOn: string; lastInvoiceOn: string; lastPaymentOn: string };
  requested: string;
}
interface DepositValues {
  attestations: { targetsReached: boolean; expensesTruthful: boolean };
  parts: PartValues[];
}

type IndicatorCode = "2.1" | "2.2";
type IndicatorField = "2_1" | "2_2";
const INDICATOR_CODES: readonly IndicatorCode[] = ["2.1", "2.2"];
const indicatorField = (code: IndicatorCode): IndicatorField => (code === "2.1" ? "2_1" : "2_2");
const percentFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, useGrouping: false });
const percentText = (value: number | null) => (value === null ? "" : percentFormatter.format(value));
/** « 75 », « 74,5 » or « 74.5 » → 74.5; anything else is not a percentage (said at once, never saved). */
const percentValue = (text: string | undefined): number | null | "invalid" => {
  const trimmed = (text ?? "").trim().replace(/\s*%$/, "");
  if (trimmed === "") return null;
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(trimmed)) return "invalid";
  return Number(trimmed.replace(",", "."));
};

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
      indicators: { "2_1": percentText(part.indicators["2.1"]), "2_2": percentText(part.indicators["2.2"]) },
      expenseDates: part.expenseDates,
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
      mandatoryObjectiveMet: part.mandatoryObjectiveMet === "" || part.mandatoryObjectiveMet === undefined ? null : part.mandatoryObjectiveMet === "oui",
      objectivesReached: Array.isArray(part.objectivesReached) ? part.objectivesReached : [],
      indicators: Object.fromEntries(
        INDICATOR_CODES.map((code) => {
          const value = percentValue(part.indicators?.[indicatorField(code)]);
          // Out of bounds is kept for the server's own refusal (over 100 %); unreadable text is not sent.
          return [code, value === "invalid" ? null : value];
        }),
      ) as DepositDraft["parts"][number]["indicators"],
      expenseDates: { firstInvoiceOn: part.expenseDates?.firstInvoiceOn ?? "", lastInvoiceOn: part.expenseDates?.lastInvoiceOn ?? "", lastPaymentOn: part.expenseDates?.lastPaymentOn ?? "" },
      requested: cents(part.requested ?? ""),
    })),
  };
}

/** Amounts typed but not valid (format, more than 10 000 000,00 €…), keyed like the rules: said at once, never saved as a number. */
function amountErrors(values: DepositValues, parts: DossierFormModel["parts"]): FieldErrors {
  const errors: FieldErrors = {};
  parts.forEach((part, index) => {
    const typed = values.parts?.[index];
    const check = (field: string, text: string | undefined) => {
      if (!text?.trim()) return;
      const parsed = parseEuroAmount(text);
      if (!parsed.ok) errors[`parts.${part.finess}.${field}`] = [EURO_MESSAGES[parsed.error]];
    };
    for (const category of EXPENSE_CATEGORIES) check(`expenses.${category}`, typed?.expenses?.[category]);
    check("requested", typed?.requested);
    for (const code of INDICATOR_CODES) {
      const value = percentValue(typed?.indicators?.[indicatorField(code)]);
      if (value === "invalid") errors[`parts.${part.finess}.indicators.${code}`] = ["Indicateur invalide : saisissez un pourcentage, par exemple 75 ou 74,5."];
      else if (value !== null && value > 100) errors[`parts.${part.finess}.indicators.${code}`] = ["Un indicateur ne peut pas dépasser 100 %."];
    }
  });
  return errors;
}

interface Known {
  assessments: KnownSelfAssessment[];
  /** NRUs the server looked up: one outside is being checked (until the next save answers). */
  checked: string[];
}

/** The facts the submission rules read, from what the page knows (the server's own lookups). */
function factsOf(model: DossierFormModel, draft: DepositDraft, known: Known): { parts: DepositPartFacts[]; pendingNrus: Set<string> } {
  const pendingNrus = new Set<string>();
  const parts = model.parts.map((part) => {
    const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.finess)?.nru ?? null;
    if (typed && !known.checked.includes(typed)) pendingNrus.add(`parts.${part.finess}.nru`);
    return {
      legalEntityFiness: part.finess,
      legalEntityName: part.name,
      headcount: part.headcount,
      selfAssessment: quotedSelfAssessment(typed, known.assessments),
      ...documentFacts(model.documents, part.finess),
    };
  });
  return { parts, pendingNrus };
}

/** The draft as the server stores it (NRUs as the portal issues them). */
function normalized(draft: DepositDraft): DepositDraft {
  return { ...draft, parts: draft.parts.map((part) => ({ ...part, nru: part.nru ? normalizeNru(part.nru) : null })) };
}

function evaluate(model: DossierFormModel, values: DepositValues, known: Known) {
  const draft = normalized(toDraft(values));
  const { parts, pendingNrus } = factsOf(model, draft, known);
  const issues: SubmissionIssue[] = isMilestoneYear(model.year) ? depositIssues(draft, { year: model.year, today: model.today, parts }) : [];
  return { draft, parts, issues, pendingNrus, amountErrors: amountErrors(values, model.parts) };
}

/**
 * What each field shows: an amount that cannot be read, and a value given but wrong, at once;
 * a missing item once the user asked to transmit. Every message is recomputed from the current
 * values with the server's rules, so a field loses its error as soon as it is right.
 */
function shownErrors(result: ReturnType<typeof evaluate>, attempted: boolean): FieldErrors {
  const shown: FieldErrors = {};
  for (const issue of result.issues) {
    if (result.amountErrors[issue.key] || result.pendingNrus.has(issue.key)) continue;
    if (issue.missing && !attempted) continue;
    (shown[issue.key] ??= []).push(issue.message);
  }
  for (const [key, messages] of Object.entries(result.amountErrors)) shown[key] = messages;
  // In form order (the rules' order), the amounts that cannot be read in their place.
  const order = [...new Set([...result.issues.map((issue) => issue.key), ...Object.keys(result.amountErrors)])];
  return Object.fromEntries(order.filter((key) => shown[key]).map((key) => [key, shown[key] ?? []]));
}

/** In the summary, an amount that cannot be read says which amount (the field itself needs no name). */
function withFieldNames(errors: FieldErrors, unreadable: FieldErrors, parts: DossierFormModel["parts"]): FieldErrors {
  const named: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const part = parts.find((candidate) => key.startsWith(`parts.${candidate.finess}.`));
    const field = key.split(".").slice(2).join(".");
    const label = field === "requested" ? "Montant demandé" : EXPENSE_CATEGORY_LABELS[field.replace("expenses.", "") as ExpenseCategory];
    named[key] = unreadable[key] && part && label ? messages.map((message) => `${label} de ${part.name} : ${message}`) : messages;
  }
  return named;
}

/** The yearly proof deposit of source 003, per EJ of the dossier, with the amounts of lib/funding shown live. */
export function DepositForm({ model }: { model: DossierFormModel }) {
  const deposit = model.deposit as DepositDraft;
  const { register, control, setValue, getValues } = useForm<DepositValues>({ defaultValues: toValues(deposit) });
  const values = useWatch({ control }) as DepositValues;
  const [known, setKnown] = useState<Known>({ assessments: model.knownAssessments, checked: model.checkedNrus });
  const knownRef = useRef(known);
  const { attempted, summaryRef, onBlocked, refused, shownErrors: withRefusal } = useSubmissionAttempt();

  const result = useMemo(() => evaluate(model, values, known), [model, values, known]);
  const draft = useMemo(() => toDraft(values), [values]);
  const notes = useMemo(() => pointsAsNotes(model.openChangeRequest?.points ?? []), [model.openChangeRequest]);

  const save = useCallback((next: DepositDraft, version: number) => saveDepositAction({ dossierId: model.id, version, draft: next }), [model.id]);
  const onSaved = useCallback((data: { nrus: string[]; assessments: KnownSelfAssessment[] }) => {
    const current = knownRef.current;
    const next: Known = {
      assessments: [...current.assessments.filter((assessment) => !data.nrus.includes(assessment.nru)), ...data.assessments],
      checked: [...new Set([...current.checked, ...data.nrus])],
    };
    knownRef.current = next;
    setKnown(next);
  }, []);
  const autosave = useValueAutosave(draft, { initialVersion: model.version, save, enabled: model.editable, onSaved });

  const live = shownErrors(result, attempted);
  const serialized = JSON.stringify(result.draft);
  // A refusal the page's rules did not foresee stays shown until the draft changes.
  const errors = withRefusal(live, serialized);
  const year = model.year;
  const isGht = model.parts.length > 1;
  const targets = model.parts.map((part) => ({ finess: part.finess, name: part.name }));

  return (
    <form className="flex flex-col gap-8" onSubmit={(event) => event.preventDefault()} noValidate>
      {model.editable && <SaveStatus status={autosave.status} onRetry={autosave.retry} />}
      {model.editable && attempted && (
        <ErrorSummary ref={summaryRef} title="Le dossier n'a pas été transmis" groups={summaryGroups(withFieldNames(errors, result.amountErrors, model.parts), targets, "Attestations")} />
      )}
      {model.parts.map((part, index) => {
        const partValues = values.parts?.[index];
        const partDraft = result.draft.parts[index];
        const facts = result.parts[index];
        const key = (field: string) => `parts.${part.finess}.${field}`;
        const state = (field: string) => fieldState(errors[key(field)], notes[key(field)]);
        const amounts =
          partDraft && facts && isMilestoneYear(year)
            ? partAmounts({
                headcount: part.headcount,
                year,
                milestoneComplete: facts.noteDeCadrageCount > 0 && nruProblem(partDraft.nru, facts, year, model.today) === null,
                mandatoryObjectiveMet: partDraft.mandatoryObjectiveMet,
                objectivesReached: partDraft.objectivesReached.length,
                expenses: partDraft.expenses,
              })
            : null;
        const headingId = `ej-${part.finess}`;
        const nruState = result.pendingNrus.has(key("nru")) ? { state: "info" as const, stateRelatedMessage: "Vérification de ce NRU auprès du portail…" } : state("nru");
        const expensesLegendId = `${fieldId(key("expenses"))}-legende`;
        return (
          <section key={part.finess} aria-labelledby={headingId}>
            <h2 id={headingId} className="fr-h3 fr-mb-1w">
              {part.name} <span className="fr-text--lg fr-text--regular">— FINESS EJ {part.finess}</span>
            </h2>
            <p className="fr-text--sm">
              Effectif SAE : {new Intl.NumberFormat("fr-FR").format(part.headcount)} agents ({part.siteCount} EG) — montant plafond annuel :{" "}
              {amounts ? formatEuros(amounts.annualCeiling) : "—"}
            </p>
            {/* The note de cadrage is the 2026 milestone's (source 000): never asked again in 2027 or 2028. */}
            {year === 2026 && (
            <DocumentSlot
              dossierId={model.id}
              kind="NOTE_DE_CADRAGE"
              forFiness={part.finess}
              targets={isGht ? targets : [{ finess: part.finess, name: part.name }]}
              label="Note de cadrage"
              description={`Note de cadrage soumise dans le cadre de l'objectif ${year} (template national).${isGht ? " Une même note de cadrage GHT peut servir pour plusieurs EJ : cochez-les avant de la déposer." : ""}`}
              documents={model.documents}
              editable={model.editable}
              fieldKey={key("noteDeCadrage")}
              errors={errors[key("noteDeCadrage")]}
              notes={notes[key("noteDeCadrage")]}
            />
            )}
            <Input
              label="NRU de l'autoévaluation de maturité IE"
              hintText={`L'autoévaluation de cette EJ, validée depuis le 1er janvier ${year} (par exemple IE-${year}-${part.finess}-000001).`}
              disabled={!model.editable}
              {...nruState}
              nativeInputProps={{
                ...register(`parts.${index}.nru`),
                id: fieldId(key("nru")),
                list: `nru-${part.finess}`,
                autoComplete: "off",
                spellCheck: false,
                "aria-invalid": nruState.state === "error" || undefined,
              }}
            />
            <ValidatedAssessments finess={part.finess} assessments={part.validatedAssessments} />
            <DocumentSlot
              dossierId={model.id}
              kind="EXPENSE_ATTESTATION"
              forFiness={part.finess}
              targets={[{ finess: part.finess, name: part.name }]}
              label="Attestation sur l'honneur des dépenses engagées, signée par la DAF"
              description="Sur le modèle disponible sur la page du programme, signée par la DAF ou un contrôleur financier rattaché à la DAF."
              documents={model.documents}
              editable={model.editable}
              fieldKey={key("expenseAttestation")}
              errors={errors[key("expenseAttestation")]}
              notes={notes[key("expenseAttestation")]}
            />
            <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={expensesLegendId}>
              <legend id={expensesLegendId} className={fr.cx("fr-fieldset__legend")}>
                Dépenses engagées depuis le 19 décembre 2025, par catégorie (en euros)
                <span className="fr-hint-text">
                  Les montants de l&apos;attestation, par exemple 12 500 ou 12 500,50 ; 0 s&apos;il n&apos;y en a pas.
                  {isGht && " Une dépense n'est déclarée que pour une seule EJ, même si sa preuve sert à plusieurs (source : « ne peut être facturée qu'une fois »)."}
                </span>
              </legend>
              {EXPENSE_CATEGORIES.map((category) => {
                const categoryState = state(`expenses.${category}`);
                return (
                  <div key={category} className={fr.cx("fr-fieldset__element")}>
                    <Input
                      label={EXPENSE_CATEGORY_LABELS[category]}
                      hintText={EXPENSE_CATEGORY_SCOPE[category].hopen2}
                      disabled={!model.editable}
                      {...categoryState}
                      nativeInputProps={{
                        ...register(`parts.${index}.expenses.${category}`),
                        id: fieldId(key(`expenses.${category}`)),
                        inputMode: "decimal",
                        autoComplete: "off",
                        "aria-invalid": categoryState.state === "error" || undefined,
                      }}
                    />
                  </div>
                );
              })}
              {(["firstInvoiceOn", "lastInvoiceOn", ...(year === 2028 ? (["lastPaymentOn"] as const) : [])] as const).map((name) => {
                const dateState = state(`expenseDates.${name}`);
                const labels = {
                  firstInvoiceOn: ["Date de la première facture", `Au plus tôt le 19 décembre 2025, date d'application de l'instruction HOP'EN2.${year === 2028 ? "" : " Facultative avant 2028 ; vérifiée si elle est donnée."}`],
                  lastInvoiceOn: ["Date de la dernière facture", year === 2028 ? "Jalon 2028 : au plus tard le 16 juin 2028." : "Facultative avant 2028 ; vérifiée si elle est donnée."],
                  lastPaymentOn: ["Date du dernier paiement", "Jalon 2028 : seules les dépenses payées au 16 juin 2028 sont éligibles."],
                } as const;
                return (
                  <div key={name} className={fr.cx("fr-fieldset__element")}>
                    <Input
                      label={labels[name][0]}
                      hintText={labels[name][1]}
                      disabled={!model.editable}
                      {...dateState}
                      nativeInputProps={{ ...register(`parts.${index}.expenseDates.${name}`), id: fieldId(key(`expenseDates.${name}`)), type: "date", "aria-invalid": dateState.state === "error" || undefined }}
                    />
                  </div>
                );
              })}
            </fieldset>
            {year !== 2026 && <ObjectivesFields index={index} finess={part.finess} register={register} values={partValues} model={model} errors={errors} notes={notes} />}
            <Highlight className="fr-ml-0">
              <span aria-live="polite" className="flex flex-col">
                <span>
                  Montant éligible {year} : <strong>{amounts ? formatEuros(amounts.eligible) : "—"}</strong>
                  {year === 2026 && amounts && amounts.eligible === 0 && " (note de cadrage et NRU d'une autoévaluation validée requis)"}
                </span>
                <span>Dépenses déclarées : {amounts ? formatEuros(amounts.declaredExpenses) : "—"}</span>
                <span>
                  Montant maximal demandable (éligible écrêté aux dépenses) :{" "}
                  <strong data-testid={`plafond-demande-${part.finess}`}>{amounts ? formatEuros(amounts.capped) : "—"}</strong>
                </span>
              </span>
            </Highlight>
            <div className="flex flex-wrap items-end gap-4">
              <RequestedAmount index={index} fieldKey={key("requested")} register={register} editable={model.editable} state={state("requested")} />
              {model.editable && amounts && (
                <Button type="button" priority="secondary" className="fr-mb-3w" onClick={() => setValue(`parts.${index}.requested`, amountText(amounts.capped), { shouldDirty: true })}>
                  Demander le montant maximal
                </Button>
              )}
            </div>
          </section>
        );
      })}
      <section aria-labelledby="attestations">
        <h2 id="attestations" className="fr-h3">
          Attestations
        </h2>
        {(["targetsReached", "expensesTruthful"] as const).map((name) => {
          const attestationState = fieldState(errors[`attestations.${name}`], notes[`attestations.${name}`]);
          return (
            // Each under its own legend, as on source 003's form (« Atteinte des cibles »): one DSFR fieldset in every state.
            <Checkbox
              key={name}
              id={fieldId(`attestations.${name}`)}
              legend={name === "targetsReached" ? `Atteinte des cibles ${year}` : "Dépenses déclarées"}
              disabled={!model.editable}
              {...attestationState}
              options={[{ label: attestationText(name, year, isGht), nativeInputProps: register(`attestations.${name}`) }]}
            />
          );
        })}
      </section>
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          prepare={async () => {
            if (!(await autosave.flush())) return null;
            const now = evaluate(model, getValues(), knownRef.current);
            return { version: autosave.currentVersion(), blocked: now.issues.length > 0 || Object.keys(now.amountErrors).length > 0 };
          }}
          onBlocked={onBlocked}
          onRefused={(serverErrors) => refused(serverErrors, JSON.stringify(normalized(toDraft(getValues()))))}
          recap={() => <DepositRecap model={model} draft={normalized(toDraft(getValues()))} />}
        />
      )}
    </form>
  );
}

/** source 003's attestation wording (GHT: "tous les établissements juridiques (EJ) candidats"). */
function attestationText(name: "targetsReached" | "expensesTruthful", year: number, isGht: boolean): string {
  if (name === "targetsReached") {
    return isGht
      ? `J'atteste que tous les établissements juridiques (EJ) candidats ont atteint les cibles pour l'année ${year}.`
      : `J'atteste que mon établissement a atteint les cibles pour l'année ${year}.`;
  }
  return `J'atteste que les dépenses déclarées concourent aux objectifs HospiConnect/HOP'EN2, ont été engagées à compter du 19 décembre 2025${
    year === 2028 ? ", ont été facturées et payées au 16 juin 2028" : ""
  } et ne sont déclarées que pour une seule entité juridique.`;
}

function RequestedAmount({
  index,
  fieldKey,
  register,
  editable,
  state,
}: {
  index: number;
  fieldKey: string;
  register: UseFormRegister<DepositValues>;
  editable: boolean;
  state: ReturnType<typeof fieldState>;
}) {
  return (
    <Input
      label="Montant demandé (en euros)"
      hintText="Au plus le montant maximal demandable ci-dessus."
      disabled={!editable}
      {...state}
      nativeInputProps={{ ...register(`parts.${index}.requested`), id: fieldId(fieldKey), inputMode: "decimal", autoComplete: "off", "aria-invalid": state.state === "error" || undefined }}
    />
  );
}

function ObjectivesFields({
  index,
  finess,
  register,
  values,
  model,
  errors,
  notes,
}: {
  index: number;
  finess: string;
  register: UseFormRegister<DepositValues>;
  values: PartValues | undefined;
  model: DossierFormModel;
  errors: FieldErrors;
  notes: FieldErrors;
}) {
  const key = (field: string) => `parts.${finess}.${field}`;
  const name = model.parts.find((part) => part.finess === finess)?.name ?? finess;
  const proof = (code: string, label: string) => (
    <DocumentSlot
      key={code}
      dossierId={model.id}
      kind="OBJECTIVE_PROOF"
      objectiveCode={code}
      forFiness={finess}
      // source 000: « une même preuve peut être utilisée pour plusieurs EJ si pertinent » (a GHT's, as its note de cadrage).
      targets={model.parts.length > 1 ? model.parts.map((part) => ({ finess: part.finess, name: part.name })) : [{ finess, name }]}
      label={`Preuve de l'objectif ${code}`}
      description={label}
      documents={model.documents}
      editable={model.editable}
      fieldKey={key(`objectiveProof.${code}`)}
      errors={errors[key(`objectiveProof.${code}`)]}
      notes={notes[key(`objectiveProof.${code}`)]}
    />
  );
  const previous = model.parts.find((part) => part.finess === finess)?.previousValidated ?? null;
  const gaps = previous
    ? carryOverGaps(previous, { mandatoryObjectiveMet: values?.mandatoryObjectiveMet === "oui" ? true : values?.mandatoryObjectiveMet === "non" ? false : null, objectivesReached: values?.objectivesReached ?? [] })
    : [];
  return (
    <>
      {previous && previous.length > 0 && (
        <div className={fr.cx("fr-callout", "fr-mb-2w")}>
          <p className={fr.cx("fr-callout__text", "fr-text--sm")}>
            Objectifs validés par l&apos;ARS en {model.year - 1} : {previous.join(", ")}. Ils doivent être atteints de nouveau en {model.year}, avec les cibles actualisées, pour
            bénéficier du montant maximal.
          </p>
          {gaps.length > 0 && (
            <p className={fr.cx("fr-callout__text", "fr-text--sm", "fr-text--bold")} data-testid={`objectifs-non-reconduits-${finess}`}>
              Validé{gaps.length > 1 ? "s" : ""} en {model.year - 1} et non déclaré{gaps.length > 1 ? "s" : ""} en {model.year} : {gaps.join(", ")}.
            </p>
          )}
        </div>
      )}
      <RadioButtons
        id={fieldId(key("mandatoryObjectiveMet"))}
        legend={`${MANDATORY_OBJECTIVE.label} : atteint en ${model.year} ?`}
        hintText={`Cible ${model.year} : ${objectiveTarget(MANDATORY_OBJECTIVE.code, model.year) ?? "—"}`}
        orientation="horizontal"
        disabled={!model.editable}
        {...fieldState(errors[key("mandatoryObjectiveMet")], notes[key("mandatoryObjectiveMet")])}
        options={[
          { label: "Oui", nativeInputProps: { ...register(`parts.${index}.mandatoryObjectiveMet`), value: "oui" } },
          { label: "Non", nativeInputProps: { ...register(`parts.${index}.mandatoryObjectiveMet`), value: "non" } },
        ]}
      />
      {values?.mandatoryObjectiveMet === "oui" && proof(MANDATORY_OBJECTIVE.code, MANDATORY_OBJECTIVE.label)}
      <Checkbox
        legend={`Objectifs atteints en ${model.year}`}
        hintText="Chaque objectif coché demande sa preuve."
        disabled={!model.editable}
        options={HOSPICONNECT_OBJECTIVES.map((objective) => ({
          label: objective.label,
          nativeInputProps: { ...register(`parts.${index}.objectivesReached`), value: objective.code },
        }))}
      />
      {HOSPICONNECT_OBJECTIVES.filter((objective) => values?.objectivesReached?.includes(objective.code)).map((objective) => {
        const indicator = objectiveIndicator(objective.code);
        const indicatorKey = key(`indicators.${objective.code}`);
        const indicatorState = fieldState(errors[indicatorKey], notes[indicatorKey]);
        return (
          <Fragment key={objective.code}>
            <p className="fr-text--sm fr-mb-1w">
              Cible {model.year} de l&apos;objectif {objective.code} : {objectiveTarget(objective.code, model.year)}
            </p>
            {indicator && (model.year === 2027 || model.year === 2028) && (
              <Input
                label={`${indicator.label} — objectif ${objective.code}`}
                hintText={`En pourcentage, de 0 à 100 ; la cible ${model.year} est de ${indicator.target[model.year]} %.`}
                disabled={!model.editable}
                {...indicatorState}
                nativeInputProps={{
                  ...register(`parts.${index}.indicators.${indicatorField(objective.code as IndicatorCode)}`),
                  id: fieldId(indicatorKey),
                  inputMode: "decimal",
                  autoComplete: "off",
                  "aria-invalid": indicatorState.state === "error" || undefined,
                }}
              />
            )}
            {proof(objective.code, objective.label)}
          </Fragment>
        );
      })}
    </>
  );
}

/** What the confirmation dialog lists: what the ARS will receive, per EJ, as the server will snapshot it. */
function DepositRecap({ model, draft }: { model: DossierFormModel; draft: DepositDraft }) {
  const year = model.year as MilestoneYear;
  const isGht = model.parts.length > 1;
  const names = (kind: string, finess: string, code?: string) =>
    model.documents
      .filter((document) => document.kind === kind && document.legalEntities.includes(finess) && (code === undefined || document.objectiveCode === code))
      .map((document) => document.name)
      .join(", ") || "—";
  const euros = (value: Cents | null) => (value === null ? "—" : formatEuros(value));
  return (
    <>
      <p>
        Vous allez transmettre à l&apos;ARS le dossier n° {model.number} ({model.guichet.label}) :
      </p>
      {model.parts.map((part) => {
        const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.finess);
        const total = EXPENSE_CATEGORIES.reduce((sum, category) => sum + (typed?.expenses[category] ?? 0), 0);
        return (
          <Fragment key={part.finess}>
            <h2 className="fr-h6 fr-mb-1w">
              {part.name} — FINESS EJ {part.finess}
            </h2>
            <ul>
              {year === 2026 && <li>Note de cadrage : {names("NOTE_DE_CADRAGE", part.finess)}</li>}
              <li>NRU de l&apos;autoévaluation : {typed?.nru ?? "—"}</li>
              <li>Attestation des dépenses signée par la DAF : {names("EXPENSE_ATTESTATION", part.finess)}</li>
              <li>
                Dépenses déclarées : {EXPENSE_CATEGORIES.map((category) => `${EXPENSE_CATEGORY_LABELS[category]} ${euros(typed?.expenses[category] ?? null)}`).join(" ; ")} — total{" "}
                {formatEuros(total)}
              </li>
              {year !== 2026 && (
                <li>
                  Objectif 1.0 : {typed?.mandatoryObjectiveMet === null ? "—" : typed?.mandatoryObjectiveMet ? "atteint" : "non atteint"} ; objectifs atteints :{" "}
                  {typed?.objectivesReached.length ? typed.objectivesReached.join(", ") : "aucun"}
                </li>
              )}
              <li>
                Montant demandé : <strong>{euros(typed?.requested ?? null)}</strong>
              </li>
            </ul>
          </Fragment>
        );
      })}
      <p className="fr-mb-1w">Vous attestez :</p>
      <ul>
        <li>{attestationText("targetsReached", year, isGht)}</li>
        <li>{attestationText("expensesTruthful", year, isGht)}</li>
      </ul>
      <p className="fr-mb-0">Après la transmission, le dossier est verrouillé ; un récépissé est disponible sur cette page.</p>
    </>
  );
}
