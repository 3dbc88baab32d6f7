"use client";

import { useSubmissionAttempt } from "@/components/dossiers/use-submission-attempt";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Fragment, useCallback, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { saveCareReleveAction } from "@/app/etablissement/dossiers/care-releve-actions";
import { targetsAttestationText } from "@/lib/dossiers/attestation-wording";
import { ANS_WORDS } from "@/lib/dossiers/instructor-words";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import type { CareExpenseLine, CareReleveDraft } from "@/lib/dossiers/kinds/care-releve/draft-schema";
import { CARE_PRECISIONS_MAX_LENGTH } from "@/lib/dossiers/kinds/care-releve/draft-schema";
import { careReleveIssues, eligibleExpensesOf, type CareReleveFacts } from "@/lib/dossiers/kinds/care-releve/rules";
import { quotedSelfAssessment, type FieldErrors, type KnownSelfAssessment } from "@/lib/dossiers/submission-rules";
import { EURO_MESSAGES, EXPENSE_CATEGORIES, formatEuros, parseEuroAmount, type Cents, type ExpenseCategory } from "@/lib/funding";
import { normalizeNru } from "@/lib/self-assessment/nru";
import { pointsAsNotes } from "../change-request-banner";
import { DocumentSlot } from "../document-slot";
import { ErrorSummary, fieldId, fieldState, summaryGroups } from "../field-errors";
import { SaveStatus } from "../save-status";
import { SubmitPanel } from "../submit-panel";
import { ValidatedAssessments } from "../validated-assessments";
import { useValueAutosave } from "@/components/ui/use-autosave";

/** The form's values: amounts as typed (French text), converted to exact cents on save. */
interface LineValues extends Omit<CareExpenseLine, "amount"> {
  amount: string;
}
interface CareValues {
  targetsReached: boolean;
  parts: { legalEntityFiness: string; nru: string; requested: string }[];
  expenses: LineValues[];
  precisions: string;
}

/** source 003: « Ressources RH internes » and « Dépenses éditeurs » are « Non éligible » to CaRE; said in the choice itself. */
const CATEGORY_CHOICES: Record<ExpenseCategory, string> = {
  prestations_externes: "Prestation externe (MIE, lecteurs…) — éligible",
  rh_internes: "Ressources RH internes — non éligible au CaRE",
  depenses_editeurs: "Dépenses éditeurs (licence, abonnement, déploiement…) — non éligible au CaRE",
};

const amountText = (cents: Cents | null) => (cents === null ? "" : formatEuros(cents).replace(/\s?€$/, ""));
const cents = (text: string | undefined): Cents | null => {
  const parsed = parseEuroAmount(text ?? "");
  return parsed.ok ? parsed.value : null;
};

function toValues(draft: CareReleveDraft): CareValues {
  return {
    targetsReached: draft.targetsReached,
    parts: draft.parts.map((part) => ({ legalEntityFiness: part.legalEntityFiness, nru: part.nru ?? "", requested: amountText(part.requested) })),
    expenses: draft.expenses.map((line) => ({ ...line, amount: amountText(line.amount) })),
    precisions: draft.precisions,
  };
}

function toDraft(values: CareValues): CareReleveDraft {
  return {
    targetsReached: Boolean(values.targetsReached),
    parts: (values.parts ?? []).map((part) => ({ legalEntityFiness: part.legalEntityFiness, nru: part.nru?.trim() ? normalizeNru(part.nru.trim()) : null, requested: cents(part.requested) })),
    expenses: (values.expenses ?? []).map((line) => ({
      id: line.id,
      legalEntityFiness: line.legalEntityFiness,
      category: line.category,
      description: line.description?.trim() ?? "",
      supplier: line.supplier?.trim() ?? "",
      invoiceNumber: line.invoiceNumber?.trim() ?? "",
      invoiceDate: line.invoiceDate ?? "",
      amount: cents(line.amount),
    })),
    precisions: values.precisions ?? "",
  };
}

/** Amounts typed but not readable, keyed like the rules: said at once, never saved as a number. */
function amountErrors(values: CareValues): FieldErrors {
  const errors: FieldErrors = {};
  const check = (key: string, text: string | undefined) => {
    if (!text?.trim()) return;
    const parsed = parseEuroAmount(text);
    if (!parsed.ok) errors[key] = [EURO_MESSAGES[parsed.error]];
  };
  for (const part of values.parts ?? []) check(`parts.${part.legalEntityFiness}.requested`, part.requested);
  for (const line of values.expenses ?? []) check(`expenses.${line.id}.amount`, line.amount);
  return errors;
}

function factsOf(model: DossierFormModel, draft: CareReleveDraft, assessments: readonly KnownSelfAssessment[]): CareReleveFacts {
  const care = model.care!;
  return {
    year: model.year,
    today: model.today,
    parts: model.parts.map((part) => {
      const state = care.parts.find((candidate) => candidate.finess === part.finess);
      const ofPart = model.documents.filter((document) => document.legalEntities.includes(part.finess));
      return {
        legalEntityFiness: part.finess,
        legalEntityName: part.name,
        selfAssessment: quotedSelfAssessment(draft.parts.find((candidate) => candidate.legalEntityFiness === part.finess)?.nru ?? null, assessments),
        noteDeCadrageRequired: state?.noteDeCadrageRequired ?? true,
        noteDeCadrageCount: ofPart.filter((document) => document.kind === "NOTE_DE_CADRAGE").length,
        financialStatementCount: ofPart.filter((document) => document.kind === "CARE_FINANCIAL_STATEMENT").length,
        envelope: state?.envelope ?? null,
        remaining: state?.remaining ?? null,
      };
    }),
  };
}

function evaluate(model: DossierFormModel, values: CareValues, known: { assessments: KnownSelfAssessment[]; checked: string[] }) {
  const draft = toDraft(values);
  const facts = factsOf(model, draft, known.assessments);
  const pending = new Set(draft.parts.filter((part) => part.nru && !known.checked.includes(part.nru)).map((part) => `parts.${part.legalEntityFiness}.nru`));
  return { draft, facts, issues: careReleveIssues(draft, facts), pending, amountErrors: amountErrors(values) };
}

/** Errors shown: wrong values at once, missing items once the user asked to transmit; an unreadable amount says so in its place. */
function shownErrors(result: ReturnType<typeof evaluate>, attempted: boolean): FieldErrors {
  const shown: FieldErrors = {};
  for (const issue of result.issues) {
    if (result.amountErrors[issue.key] || result.pending.has(issue.key) || (issue.missing && !attempted)) continue;
    (shown[issue.key] ??= []).push(issue.message);
  }
  for (const [key, messages] of Object.entries(result.amountErrors)) shown[key] = messages;
  return shown;
}

/** A new expense line's key: unique enough within one dossier, and what the server's schema accepts. */
const newLineId = () => `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * The form of a HospiConnect/CaRE relève (source 003, « HospiConnect – CaRE – Relève 2026 »), per EJ:
 * note de cadrage, NRU, the envelope (read-only) and what remains of it, the expenses, the amount
 * asked and the financial template; the attestation and « précisions » once.
 */
export function CareReleveForm({ model }: { model: DossierFormModel }) {
  const care = model.care!;
  const { register, control, setValue, getValues } = useForm<CareValues>({ defaultValues: toValues(care.draft) });
  const lines = useFieldArray({ control, name: "expenses", keyName: "rowKey" });
  const values = useWatch({ control }) as CareValues;
  const [known, setKnown] = useState({ assessments: model.knownAssessments, checked: model.checkedNrus });
  const knownRef = useRef(known);
  const { attempted, summaryRef, onBlocked, refused, shownErrors: withRefusal } = useSubmissionAttempt();

  const result = useMemo(() => evaluate(model, values, known), [model, values, known]);
  const notes = useMemo(() => pointsAsNotes(model.openChangeRequest?.points ?? [], ANS_WORDS), [model.openChangeRequest]);
  const save = useCallback((next: CareReleveDraft, version: number) => saveCareReleveAction({ dossierId: model.id, version, draft: next }), [model.id]);
  const onSaved = useCallback((data: { nrus: string[]; assessments: KnownSelfAssessment[] }) => {
    const current = knownRef.current;
    const next = {
      assessments: [...current.assessments.filter((assessment) => !data.nrus.includes(assessment.nru)), ...data.assessments],
      checked: [...new Set([...current.checked, ...data.nrus])],
    };
    knownRef.current = next;
    setKnown(next);
  }, []);
  const autosave = useValueAutosave(result.draft, { initialVersion: model.version, save, enabled: model.editable, onSaved });

  const live = shownErrors(result, attempted);
  const serialized = JSON.stringify(result.draft);
  const errors = withRefusal(live, serialized);
  const year = model.year;
  const isGht = model.parts.length > 1;
  const targets = model.parts.map((part) => ({ finess: part.finess, name: part.name }));
  const attestation = fieldState(errors.targetsReached, notes.targetsReached);

  return (
    <form className="flex flex-col gap-8" onSubmit={(event) => event.preventDefault()} noValidate>
      {model.editable && <SaveStatus status={autosave.status} onRetry={autosave.retry} instructor={ANS_WORDS} />}
      {model.editable && attempted && (
        <ErrorSummary ref={summaryRef} title="Le dossier n'a pas été transmis" groups={summaryGroups(errors, targets, "Attestation et dépenses")} />
      )}
      <section aria-labelledby="atteinte-cibles">
        <h2 id="atteinte-cibles" className="fr-h3">
          Atteinte des cibles pour l&apos;année {year}
        </h2>
        <Checkbox
          id={fieldId("targetsReached")}
          legend="Atteinte des cibles"
          disabled={!model.editable}
          {...attestation}
          options={[{ label: targetsAttestationText(year, isGht), nativeInputProps: register("targetsReached") }]}
        />
      </section>
      <CareEligibilityNotice />
      {model.parts.map((part, index) => {
        const state = care.parts.find((candidate) => candidate.finess === part.finess);
        const key = (field: string) => `parts.${part.finess}.${field}`;
        const fieldOf = (field: string) => fieldState(errors[key(field)], notes[key(field)]);
        const nruState = result.pending.has(key("nru")) ? { state: "info" as const, stateRelatedMessage: "Vérification de ce NRU auprès du portail…" } : fieldOf("nru");
        const requestedState = fieldOf("requested");
        const eligible = eligibleExpensesOf(result.draft, part.finess, year, model.today);
        const maximum = state?.remaining === null || state?.remaining === undefined ? null : Math.min(eligible, state.remaining);
        const headingId = `ej-${part.finess}`;
        const partLines = lines.fields.map((line, lineIndex) => ({ line, lineIndex })).filter(({ line }) => line.legalEntityFiness === part.finess);
        return (
          <section key={part.finess} aria-labelledby={headingId} className="flex flex-col gap-4">
            <h2 id={headingId} className="fr-h3 fr-mb-0">
              {part.name} <span className="fr-text--lg fr-text--regular">— FINESS EJ {part.finess}</span>
            </h2>
            {state?.noteDeCadrageRequired === false ? (
              <p className="fr-text--sm fr-mb-0" id={fieldId(key("noteDeCadrage"))}>
                Note de cadrage : déjà remise avec une relève précédente, elle n&apos;est pas redemandée (source : relèves suivantes, vérification de la note de cadrage pour les seuls
                candidats qui n&apos;ont pas déposé de dossier en 2026).
              </p>
            ) : (
              <DocumentSlot
                dossierId={model.id}
                kind="NOTE_DE_CADRAGE"
                forFiness={part.finess}
                targets={[{ finess: part.finess, name: part.name }]}
                label={`Dépôt de la note de cadrage soumise dans le cadre de l'objectif ${year} du dispositif HospiConnect HOP'EN 2`}
                description="Le justificatif doit être remis pour chaque EJ indépendamment. Taille < 100 Mo ; formats pdf, zip ; 20 fichiers au maximum (au-delà, déposez une archive zip)."
                documents={model.documents}
                editable={model.editable}
                fieldKey={key("noteDeCadrage")}
                errors={errors[key("noteDeCadrage")]}
                notes={notes[key("noteDeCadrage")]}
              />
            )}
            <Input
              label="NRU de l'autoévaluation de maturité proposé dans le cadre du programme HospiConnect"
              hintText={`Le justificatif doit être remis pour chaque EJ indépendamment : une autoévaluation de cette EJ validée entre le 1er janvier ${year} et le dépôt.`}
              disabled={!model.editable}
              {...nruState}
              nativeInputProps={{ ...register(`parts.${index}.nru`), id: fieldId(key("nru")), list: `nru-${part.finess}`, autoComplete: "off", spellCheck: false, "aria-invalid": nruState.state === "error" || undefined }}
            />
            <ValidatedAssessments finess={part.finess} assessments={part.validatedAssessments} />

            <h3 className="fr-h5 fr-mb-0">HospiConnect CaRE – Relève {year} : section financière</h3>
            <Input
              label="Montant plafond au titre du domaine HospiConnect CaRE"
              hintText="L'enveloppe de cette EJ pour 2026–2028, publiée par la DNS : non modifiable."
              nativeInputProps={{ id: fieldId(key("envelope")), readOnly: true, value: state?.envelope === null || state?.envelope === undefined ? "Aucune enveloppe publiée" : formatEuros(state.envelope) }}
            />
            <EnvelopeBalance state={state} year={year} />
            <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={`depenses-${part.finess}`}>
              <legend id={`depenses-${part.finess}`} className={fr.cx("fr-fieldset__legend")}>
                Dépenses engagées pour atteindre les cibles {year}
                <span className="fr-hint-text">Une ligne par facture (ou bon de commande) : elles forment les dépenses éligibles de l&apos;EJ. Montants en euros, par exemple 12 500,50.</span>
              </legend>
              {partLines.length === 0 && <p className="fr-text--sm fr-ml-2w">Aucune dépense déclarée pour cette EJ.</p>}
              {partLines.map(({ line, lineIndex }, position) => (
                <ExpenseLineFields
                  key={line.rowKey}
                  number={position + 1}
                  id={line.id}
                  index={lineIndex}
                  register={register}
                  errors={errors}
                  editable={model.editable}
                  onRemove={() => {
                    lines.remove(lineIndex);
                    // The focus goes back to the EJ's add button, never lost on a removed row.
                    requestAnimationFrame(() => document.getElementById(`ajouter-depense-${part.finess}`)?.focus());
                  }}
                />
              ))}
              {model.editable && (
                <div className={fr.cx("fr-fieldset__element")}>
                  <Button
                    type="button"
                    priority="secondary"
                    iconId="fr-icon-add-line"
                    nativeButtonProps={{ id: `ajouter-depense-${part.finess}` }}
                    onClick={() => lines.append({ id: newLineId(), legalEntityFiness: part.finess, category: "prestations_externes", description: "", supplier: "", invoiceNumber: "", invoiceDate: "", amount: "" })}
                  >
                    Ajouter une dépense<span className="fr-sr-only"> pour {part.name}</span>
                  </Button>
                </div>
              )}
            </fieldset>
            <Highlight className="fr-ml-0">
              <span aria-live="polite" className="flex flex-col">
                <span>
                  Dépenses éligibles déclarées : <strong data-testid={`depenses-eligibles-${part.finess}`}>{formatEuros(eligible)}</strong>
                </span>
                <span>
                  Montant maximal demandable (dépenses éligibles, dans la limite de ce qui reste de l&apos;enveloppe) :{" "}
                  <strong data-testid={`maximum-care-${part.finess}`}>{maximum === null ? "—" : formatEuros(maximum)}</strong>
                </span>
              </span>
            </Highlight>
            <div className="flex flex-wrap items-end gap-4">
              <Input
                label={`Montant de financement demandé au titre de l'atteinte des cibles ${year} (en euros)`}
                hintText="Au plus le montant maximal demandable ci-dessus ; 0 si cette EJ ne demande rien à cette relève."
                disabled={!model.editable}
                {...requestedState}
                nativeInputProps={{ ...register(`parts.${index}.requested`), id: fieldId(key("requested")), inputMode: "decimal", autoComplete: "off", "aria-invalid": requestedState.state === "error" || undefined }}
              />
              {model.editable && maximum !== null && (
                <Button type="button" priority="secondary" className="fr-mb-3w" onClick={() => setValue(`parts.${index}.requested`, amountText(maximum), { shouldDirty: true })}>
                  Demander le montant maximal<span className="fr-sr-only"> pour {part.name}</span>
                </Button>
              )}
            </div>
            <DocumentSlot
              dossierId={model.id}
              kind="CARE_FINANCIAL_STATEMENT"
              forFiness={part.finess}
              targets={[{ finess: part.finess, name: part.name }]}
              label={`Trame financière et pièces justificatives des dépenses engagées pour atteindre les cibles ${year}`}
              description="La trame financière signée par l'ordonnateur et le trésorier payeur / agent comptable, avec les bons de commande et les factures. Taille < 100 Mo ; formats xls, xlsx, pdf, zip ; 10 fichiers au maximum (au-delà, déposez une archive zip)."
              documents={model.documents}
              editable={model.editable}
              fieldKey={key("financialStatement")}
              errors={errors[key("financialStatement")]}
              notes={notes[key("financialStatement")]}
            />
          </section>
        );
      })}
      <Input
        textArea
        label="Avez-vous des précisions supplémentaires à apporter ?"
        hintText={`Facultatif, ${new Intl.NumberFormat("fr-FR").format(CARE_PRECISIONS_MAX_LENGTH)} caractères au maximum.`}
        disabled={!model.editable}
        {...fieldState(errors.precisions, notes.precisions)}
        nativeTextAreaProps={{ ...register("precisions"), id: fieldId("precisions"), rows: 4, maxLength: CARE_PRECISIONS_MAX_LENGTH }}
      />
      {model.editable && (
        <SubmitPanel
          dossierId={model.id}
          resubmission={model.status === "CHANGES_REQUESTED"}
          wording={ANS_WORDING}
          prepare={async () => {
            if (!(await autosave.flush())) return null;
            const now = evaluate(model, getValues(), knownRef.current);
            return { version: autosave.currentVersion(), blocked: now.issues.length > 0 || Object.keys(now.amountErrors).length > 0 };
          }}
          onBlocked={onBlocked}
          onRefused={(serverErrors) => refused(serverErrors, JSON.stringify(toDraft(getValues())))}
          recap={() => <CareRecap model={model} draft={toDraft(getValues())} />}
        />
      )}
    </form>
  );
}

const ANS_WORDING = {
  heading: "Transmettre à l'ANS",
  resubmitHeading: "Transmettre à nouveau à l'ANS",
  action: "Transmettre le dossier à l'ANS",
  resubmitAction: "Transmettre à nouveau à l'ANS",
  modalTitle: "Transmettre le dossier à l'ANS ?",
  resubmitModalTitle: "Transmettre à nouveau le dossier à l'ANS ?",
  notice: (
    <>
      Tant que vous n&apos;avez pas confirmé la transmission, votre dossier n&apos;est <strong>pas transmis</strong> à l&apos;ANS, qui instruit les relèves CaRE. Après la transmission, il est
      verrouillé ; un récépissé est disponible.
    </>
  ),
};

/** source 003, comparison HOP'EN2 / CaRE: what CaRE funds, from when, and on which proofs. */
function CareEligibilityNotice() {
  return (
    <div className={fr.cx("fr-callout")}>
      <h2 className={fr.cx("fr-callout__title", "fr-h5")}>Dépenses éligibles au financement CaRE</h2>
      <ul className={fr.cx("fr-callout__text", "fr-text--md")}>
        <li>Seules les prestations externes sont éligibles : moyens d&apos;identification électronique (MIE), lecteurs (liste à venir).</li>
        <li>Les ressources RH internes et les dépenses éditeurs ne sont pas éligibles : le portail refuse leurs lignes.</li>
        <li>Seules les dépenses engagées à compter du 30 janvier 2026, date de publication de l&apos;arrêté CaRE, sont éligibles.</li>
        <li>Justificatifs : la trame financière signée par l&apos;ordonnateur et le trésorier payeur / agent comptable, les bons de commande et les factures.</li>
        <li>L&apos;enveloppe est unique pour 2026–2028 : ce qui n&apos;est pas consommé à une relève reste disponible aux suivantes.</li>
      </ul>
    </div>
  );
}

function EnvelopeBalance({ state, year }: { state: NonNullable<DossierFormModel["care"]>["parts"][number] | undefined; year: number }) {
  if (!state || state.envelope === null) {
    return <p className="fr-text--sm fr-mb-0">Aucune enveloppe CaRE n&apos;est publiée pour cette EJ : contactez la DNS.</p>;
  }
  const earlier = state.releves.filter((releve) => releve.year !== year || releve.status !== "DRAFT");
  return (
    <div>
      <p className="fr-text--sm fr-mb-1w">
        Déjà accordé aux relèves précédentes : {formatEuros(state.granted)}
        {state.reserved > 0 ? ` — réservé par une relève en cours d'instruction : ${formatEuros(state.reserved)}` : ""} — reste disponible pour cette relève :{" "}
        <strong data-testid="reste-enveloppe">{formatEuros(state.remaining ?? 0)}</strong>
      </p>
      {earlier.length > 0 && (
        <ul className="fr-text--sm">
          {earlier.map((releve) => (
            <li key={releve.dossierId}>
              Relève {releve.year} (dossier n° {releve.number}) :{" "}
              {releve.status === "ACCEPTED" ? `accordé ${formatEuros(releve.decided ?? 0)}` : releve.status === "REFUSED" ? "refusée, rien n'a été consommé" : releve.status === "DRAFT" ? "non transmise" : `en instruction, ${formatEuros(releve.requested ?? 0)} demandés`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ExpenseLineFields({
  number,
  id,
  index,
  register,
  errors,
  editable,
  onRemove,
}: {
  number: number;
  id: string;
  index: number;
  register: ReturnType<typeof useForm<CareValues>>["register"];
  errors: FieldErrors;
  editable: boolean;
  onRemove: () => void;
}) {
  const key = (field: string) => `expenses.${id}.${field}`;
  const state = (field: string) => fieldState(errors[key(field)]);
  const input = (field: "description" | "supplier" | "invoiceNumber" | "invoiceDate" | "amount", label: string, extra: Record<string, unknown> = {}) => {
    const fieldStateOf = state(field);
    return (
      <Input
        label={label}
        disabled={!editable}
        {...fieldStateOf}
        nativeInputProps={{ ...register(`expenses.${index}.${field}`), id: fieldId(key(field)), autoComplete: "off", "aria-invalid": fieldStateOf.state === "error" || undefined, ...extra }}
      />
    );
  };
  const category = state("category");
  return (
    <div className={`${fr.cx("fr-fieldset__element")} fr-p-2w`} style={{ border: "1px solid var(--border-default-grey)" }} role="group" aria-label={`Dépense n° ${number}`}>
      <p className="fr-text--bold fr-mb-1w">Dépense n° {number}</p>
      <div className="grid gap-x-4 md:grid-cols-2">
        <Select
          label="Catégorie"
          disabled={!editable}
          {...category}
          nativeSelectProps={{ ...register(`expenses.${index}.category`), id: fieldId(key("category")), "aria-invalid": category.state === "error" || undefined }}
        >
          {EXPENSE_CATEGORIES.map((choice) => (
            <option key={choice} value={choice}>
              {CATEGORY_CHOICES[choice]}
            </option>
          ))}
        </Select>
        {input("description", "Nature de la dépense (par exemple : lecteurs de cartes CPS)")}
        {input("supplier", "Fournisseur")}
        {input("invoiceNumber", "N° de facture ou de bon de commande")}
        {input("invoiceDate", "Date de la facture", { type: "date", min: "2026-01-30" })}
        {input("amount", "Montant (en euros)", { inputMode: "decimal" })}
      </div>
      {editable && (
        <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={onRemove}>
          Retirer la dépense n° {number}
        </Button>
      )}
    </div>
  );
}

/** What the confirmation dialog lists: what the ANS will receive, per EJ. */
function CareRecap({ model, draft }: { model: DossierFormModel; draft: CareReleveDraft }) {
  const names = (kind: string, finess: string) =>
    model.documents
      .filter((document) => document.kind === kind && document.legalEntities.includes(finess))
      .map((document) => document.name)
      .join(", ") || "—";
  return (
    <>
      <p>
        Vous allez transmettre à l&apos;ANS le dossier n° {model.number} ({model.guichet.label}) :
      </p>
      {model.parts.map((part) => {
        const typed = draft.parts.find((candidate) => candidate.legalEntityFiness === part.finess);
        return (
          <Fragment key={part.finess}>
            <h2 className="fr-h6 fr-mb-1w">
              {part.name} — FINESS EJ {part.finess}
            </h2>
            <ul>
              <li>Note de cadrage : {names("NOTE_DE_CADRAGE", part.finess)}</li>
              <li>NRU de l&apos;autoévaluation : {typed?.nru ?? "—"}</li>
              <li>Dépenses éligibles déclarées : {formatEuros(eligibleExpensesOf(draft, part.finess, model.year, model.today))}</li>
              <li>Trame financière et pièces justificatives : {names("CARE_FINANCIAL_STATEMENT", part.finess)}</li>
              <li>
                Montant demandé : <strong>{typed?.requested === null || typed?.requested === undefined ? "—" : formatEuros(typed.requested)}</strong>
              </li>
            </ul>
          </Fragment>
        );
      })}
      <p className="fr-mb-1w">Vous attestez :</p>
      <ul>
        <li>{targetsAttestationText(model.year, model.parts.length > 1)}</li>
      </ul>
      <p className="fr-mb-0">Après la transmission, le dossier est verrouillé ; un récépissé est disponible sur cette page.</p>
    </>
  );
}
