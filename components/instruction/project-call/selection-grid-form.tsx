"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useRef, useState, useTransition } from "react";
import { decideProjectSelectionAction } from "@/app/ars/dossiers/project-call-actions";
import { fieldId, fieldState } from "@/components/dossiers/field-errors";
import { SELECTION_CRITERIA, type SelectionCriterionKey } from "@/lib/dossiers/kinds/project-call/scoring";
import { aapPayments, type AapCategory } from "@/lib/funding/aap";
import { formatEuros, type Cents } from "@/lib/funding/money";
import {
  initialSelectionForm,
  orderedErrors,
  parsedAmount,
  runningTotal,
  selectionFormErrors,
  selectionPayload,
  type CriterionAnswer,
  type SelectionFormState,
} from "@/lib/dossiers/kinds/project-call/selection-form";
import { FormErrorSummary } from "./form-error-summary";
import { SelectionAwardFields } from "./selection-award-fields";
import { SelectionCriterionFieldset } from "./selection-criterion-fieldset";

const FORM_ERROR = "La décision n'a pas été enregistrée : corrigez les éléments signalés.";

// A DSFR modal (a dialog driven by DSFR's script) restates the decision before it is recorded.
const decisionModal = createModal({ id: "modale-decision-selection", isOpenedByDefault: false });

export interface SelectionGridModel {
  dossierId: string;
  number: string;
  version: number;
  category: AapCategory;
  capCents: Cents;
}

/** The first message of each key the server sent back. */
function firstOf(fieldErrors: Record<string, string[]> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => (messages[0] ? [[key, messages[0]]] : [])));
}

/**
 * The ARS selection of an AAP project (source 001): the grid, criterion by criterion, with its
 * running total, then the decision — retained with the amount (the category's cap by default), its
 * justification and, below the cap, the factors weighed; or not retained, with the reason. Checked
 * with the server's schema as it is typed once a first attempt was made; confirmed in a modal;
 * whatever the server refuses is shown next to its field, and nothing typed is lost.
 */
export function SelectionGridForm({ model, onDone }: { model: SelectionGridModel; onDone: (message: string) => void }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<SelectionFormState>(() => initialSelectionForm(model.capCents));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const cap = { category: model.category, cap: model.capCents };

  const errors = { ...(attempted ? selectionFormErrors(state, cap) : {}), ...serverErrors };
  const listed = orderedErrors(errors);
  const total = runningTotal(state.answers);

  function focusSummary() {
    // After React has rendered the summary.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  /** A field changed: its server error is stale and goes (with the server's message once none is left). */
  function update(patch: Partial<SelectionFormState>, key: string) {
    setState((current) => ({ ...current, ...patch }));
    if (!serverErrors[key]) return;
    const remaining = Object.fromEntries(Object.entries(serverErrors).filter(([other]) => other !== key));
    setServerErrors(remaining);
    if (Object.keys(remaining).length === 0) setFailure(null);
  }

  const setAnswer = (key: SelectionCriterionKey, scale: string) => (answer: Exclude<CriterionAnswer, null>) =>
    update({ answers: { ...state.answers, [key]: answer } }, `grid.${key}.${scale === "compliance" ? "compliant" : "score"}`);
  const setComment = (key: SelectionCriterionKey) => (comment: string) => update({ comments: { ...state.comments, [key]: comment } }, `grid.${key}.comment`);

  function confirm() {
    const payload = selectionPayload(state);
    if (!payload) return;
    startTransition(async () => {
      const result = await decideProjectSelectionAction({ dossierId: model.dossierId, version: model.version, decision: payload });
      decisionModal.close();
      if (result.ok) {
        setServerErrors({});
        setFailure(null);
        onDone(payload.decision === "ACCEPT" ? "Le projet est retenu ; l'établissement en est informé par e-mail." : "Le projet n'est pas retenu ; l'établissement en est informé par e-mail.");
        return;
      }
      setFailure(result.message);
      setServerErrors(firstOf(result.fieldErrors));
      focusSummary();
    });
  }

  const amount = parsedAmount(state.amountText);
  const payments = amount.ok && amount.cents > 0 ? aapPayments(amount.cents) : null;

  return (
    <section aria-labelledby="grille-selection" className={fr.cx("fr-mb-6w")}>
      <h2 id="grille-selection">Grille de sélection</h2>
      <p>
        Critères de sélection de l&apos;appel à projets. Chaque critère est commenté ; le total éclaire la décision, il ne la détermine pas. Le projet transmis est présenté plus
        bas, onglet « Projet et pièces ».
      </p>
      {(failure || (attempted && listed.length > 0)) && <FormErrorSummary ref={summaryRef} title={failure ?? FORM_ERROR} errors={listed} />}
      <form
        noValidate
        aria-labelledby="grille-selection"
        onSubmit={(event) => {
          event.preventDefault();
          setAttempted(true);
          setFailure(null);
          if (Object.keys(selectionFormErrors(state, cap)).length > 0 || Object.keys(serverErrors).length > 0) {
            focusSummary();
            return;
          }
          decisionModal.open();
        }}
      >
        {SELECTION_CRITERIA.map((criterion) => (
          <SelectionCriterionFieldset
            key={criterion.key}
            criterion={criterion}
            answer={state.answers[criterion.key]}
            comment={state.comments[criterion.key]}
            errors={errors}
            disabled={pending}
            onAnswer={setAnswer(criterion.key, criterion.scale)}
            onComment={setComment(criterion.key)}
          />
        ))}

        <p className={fr.cx("fr-text--lg")} aria-live="polite" aria-atomic="true">
          <strong>
            Total : {total.total} / {total.max}
          </strong>
          {total.unanswered > 0 ? ` — ${total.unanswered} critère${total.unanswered > 1 ? "s" : ""} à noter` : ""}
        </p>

        <RadioButtons
          id={fieldId("decision")}
          name="decision-selection"
          legend="Décision"
          disabled={pending}
          {...fieldState(errors.decision ? [errors.decision] : undefined)}
          options={[
            { label: "Retenir le projet", nativeInputProps: { value: "ACCEPT", checked: state.decision === "ACCEPT", onChange: () => update({ decision: "ACCEPT" }, "decision") } },
            { label: "Ne pas retenir le projet", nativeInputProps: { value: "REFUSE", checked: state.decision === "REFUSE", onChange: () => update({ decision: "REFUSE" }, "decision") } },
          ]}
        />

        {state.decision === "ACCEPT" && (
          <SelectionAwardFields
            category={model.category}
            capCents={model.capCents}
            amountText={state.amountText}
            justification={state.justification}
            factors={state.factors}
            errors={errors}
            disabled={pending}
            onAmount={(text) => update({ amountText: text }, "grantedCents")}
            onJustification={(text) => update({ justification: text }, "justification")}
            onFactors={(factors) => update({ factors }, "factors")}
          />
        )}
        {state.decision === "REFUSE" && (
          <Input
            textArea
            className={fr.cx("fr-mt-2w")}
            label="Motif du refus (obligatoire)"
            hintText="Il est communiqué à l'établissement, sur son dossier et dans l'e-mail de décision."
            disabled={pending}
            {...fieldState(errors.reason ? [errors.reason] : undefined)}
            nativeTextAreaProps={{
              id: fieldId("reason"),
              "aria-invalid": errors.reason ? true : undefined,
              rows: 4,
              maxLength: 4000,
              value: state.reason,
              onChange: (event) => update({ reason: event.target.value }, "reason"),
            }}
          />
        )}

        <Button type="submit" disabled={pending} iconId="fr-icon-save-line" className={fr.cx("fr-mt-2w")}>
          Enregistrer la décision
        </Button>
      </form>

      <decisionModal.Component
        titleAs="h2"
        title={`Enregistrer la décision sur le projet n° ${model.number} ?`}
        buttons={[
          { children: "Annuler", priority: "secondary" },
          { children: "Confirmer la décision", doClosesModal: false, disabled: pending, onClick: confirm },
        ]}
      >
        {state.decision === "ACCEPT" ? (
          <>
            <p>
              <strong>Projet retenu</strong> : {amount.ok ? formatEuros(amount.cents) : "—"} accordés (plafond de la catégorie {model.category} : {formatEuros(model.capCents)}).
            </p>
            {payments && (
              <ul>
                <li>50 % en 2026 : {formatEuros(payments.onAcceptance)}</li>
                <li>50 % en 2027 : {formatEuros(payments.onObjectives)}, après validation de l&apos;atteinte des objectifs</li>
              </ul>
            )}
          </>
        ) : state.decision === "REFUSE" ? (
          <>
            <p>
              <strong>Projet non retenu.</strong> Motif communiqué à l&apos;établissement :
            </p>
            <blockquote className="whitespace-pre-line">{state.reason.trim()}</blockquote>
          </>
        ) : null}
        <p>
          Total de la grille : {total.total} / {total.max}.
        </p>
        <p>L&apos;établissement en est informé par e-mail. La décision est définitive.</p>
      </decisionModal.Component>
    </section>
  );
}
