"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef, useState, useTransition } from "react";
import { decideObjectivesAction, requestProofChangesAction } from "@/app/ars/dossiers/project-call-actions";
import { fieldId, fieldState } from "@/components/dossiers/field-errors";
import type { ActionResult } from "@/lib/actions/action-result";
import { formatEuros, type Cents } from "@/lib/funding/money";
import { FormErrorSummary } from "./form-error-summary";

type Panel = "validate" | "notMet" | "changes";

/** Per panel: the server's key of its text (decideObjectives: `comment`; requestProofChanges: `message`) and the copy. */
const PANELS: Record<Panel, { toggle: string; serverKey: string; label: string; hint: string; required: boolean; submit: string }> = {
  validate: {
    toggle: "Valider l'atteinte des objectifs",
    serverKey: "comment",
    label: "Commentaire (facultatif)",
    hint: "Communiqué à l'établissement, sur son dossier et dans l'e-mail de décision.",
    required: false,
    submit: "Confirmer la validation des objectifs",
  },
  notMet: {
    toggle: "Objectifs non atteints",
    serverKey: "comment",
    label: "Motif (obligatoire)",
    hint: "Pourquoi les objectifs ne sont pas atteints : communiqué à l'établissement, sur son dossier et dans l'e-mail de décision.",
    required: true,
    submit: "Confirmer : objectifs non atteints",
  },
  changes: {
    toggle: "Demander un complément sur les preuves",
    serverKey: "message",
    label: "Message à l'établissement (obligatoire)",
    hint: "Ce qui manque ou ne convient pas dans les preuves. Envoyé par e-mail au référent et affiché sur son dossier ; il complète puis transmet à nouveau ses preuves.",
    required: true,
    submit: "Envoyer la demande de complément",
  },
};

/** The form key of a panel's text field (its DOM id through field-errors.tsx `fieldId`). */
const keyOf = (panel: Panel) => `preuves.${panel}`;

/**
 * The ARS's three answers to the June-2027 proofs of a retained project: the objectives validated
 * (the 2027 payment, optional comment), not met (no second payment, a required reason), or a
 * request for more proofs (required message). One form open at a time; the server checks.
 */
export function ProofDecisionPanel({
  model,
  onDone,
}: {
  model: { dossierId: string; version: number; secondPaymentCents: Cents | null };
  onDone: (message: string) => void;
}) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [texts, setTexts] = useState<Record<Panel, string>>({ validate: "", notMet: "", changes: "" });
  const [failure, setFailure] = useState<{ message: string; errors: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();

  function open(name: Panel) {
    setPanel(panel === name ? null : name);
    setFailure(null);
  }

  function run(action: () => Promise<ActionResult<unknown>>, current: Panel, success: string) {
    startTransition(async () => {
      setFailure(null);
      const result = await action();
      if (result.ok) {
        onDone(success);
        return;
      }
      // The server names the text `comment` or `message`: shown on the open panel's field.
      const errors: Record<string, string> = {};
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages[0]) errors[key === PANELS[current].serverKey ? keyOf(current) : key] ??= messages[0];
      }
      setFailure({ message: result.message, errors });
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  function submit(current: Panel) {
    const text = texts[current];
    const target = { dossierId: model.dossierId, version: model.version };
    if (current === "changes") run(() => requestProofChangesAction({ ...target, request: { message: text } }), current, "La demande de complément sur les preuves a été envoyée à l'établissement.");
    else if (current === "validate") run(() => decideObjectivesAction({ ...target, decision: { outcome: "VALIDATED", comment: text } }), current, "L'atteinte des objectifs est validée ; l'établissement en est informé par e-mail.");
    else run(() => decideObjectivesAction({ ...target, decision: { outcome: "NOT_MET", comment: text } }), current, "Les objectifs sont déclarés non atteints ; l'établissement en est informé par e-mail.");
  }

  const toggle = (name: Panel, iconId: "fr-icon-check-line" | "fr-icon-close-line" | "fr-icon-edit-line") => ({
    children: PANELS[name].toggle,
    iconId,
    type: "button" as const,
    priority: panel === name ? ("primary" as const) : ("secondary" as const),
    onClick: () => open(name),
    // aria-controls only names the form while it is shown.
    nativeButtonProps: panel === name ? { "aria-expanded": true, "aria-controls": `panneau-preuves-${name}` } : { "aria-expanded": false },
  });

  const listed = failure ? Object.entries(failure.errors) : [];
  return (
    <section aria-labelledby="decision-preuves" className={fr.cx("fr-mb-6w")}>
      <h3 id="decision-preuves" className={fr.cx("fr-h4")}>
        Décision sur les preuves
      </h3>
      {failure && <FormErrorSummary ref={summaryRef} title={failure.message} errors={listed} />}
      <div role="group" aria-label="Décision sur les preuves">
        <ButtonsGroup
          inlineLayoutWhen="md and up"
          buttons={[toggle("validate", "fr-icon-check-line"), toggle("notMet", "fr-icon-close-line"), toggle("changes", "fr-icon-edit-line")]}
        />
      </div>
      {panel && (
        <form
          id={`panneau-preuves-${panel}`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(panel);
          }}
        >
          {panel === "validate" && (
            <p>
              Le solde de 50 %{model.secondPaymentCents === null ? "" : ` (${formatEuros(model.secondPaymentCents)})`} sera versé en 2027. La décision est définitive.
            </p>
          )}
          {panel === "notMet" && <p>Le solde de 50 % ne sera pas versé. La décision est définitive.</p>}
          <Input
            textArea
            label={PANELS[panel].label}
            hintText={PANELS[panel].hint}
            disabled={pending}
            {...fieldState(failure?.errors[keyOf(panel)] ? [failure.errors[keyOf(panel)] as string] : undefined)}
            nativeTextAreaProps={{
              id: fieldId(keyOf(panel)),
              "aria-invalid": failure?.errors[keyOf(panel)] ? true : undefined,
              "aria-required": PANELS[panel].required || undefined,
              rows: 4,
              maxLength: panel === "changes" ? 5000 : 4000,
              value: texts[panel],
              onChange: (event) => {
                setTexts({ ...texts, [panel]: event.target.value });
                if (failure?.errors[keyOf(panel)]) setFailure(null);
              },
            }}
          />
          <Button type="submit" disabled={pending}>
            {PANELS[panel].submit}
          </Button>
        </form>
      )}
    </section>
  );
}
