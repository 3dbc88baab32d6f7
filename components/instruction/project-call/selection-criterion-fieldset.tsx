"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { fieldId, fieldState } from "@/components/dossiers/field-errors";
import { SCORE_LEVELS, SELECTION_CRITERIA } from "@/lib/dossiers/kinds/project-call/scoring";
import type { CriterionAnswer } from "@/lib/dossiers/kinds/project-call/selection-form";

type Criterion = (typeof SELECTION_CRITERIA)[number];

const SCALE_HINT = SCORE_LEVELS.map((level) => `${level.score} : ${level.label.toLowerCase()}`).join(" ; ");

/** The answers one criterion offers: oui/non for eligibility, 0 to 3 for the others, « Sans objet » where the source says « le cas échéant ». */
function answersOf(criterion: Criterion): { value: Exclude<CriterionAnswer, null>; label: string }[] {
  if (criterion.scale === "compliance") {
    return [
      { value: "OUI", label: "Oui" },
      { value: "NON", label: "Non" },
    ];
  }
  const scores = SCORE_LEVELS.map((level) => ({ value: String(level.score) as Exclude<CriterionAnswer, null>, label: level.label }));
  return criterion.scale === "optionalScore" ? [...scores, { value: "SANS_OBJET", label: "Sans objet" }] : scores;
}

/** One criterion of the selection grid (source 001): its answer and the required comment, each with its error. */
export function SelectionCriterionFieldset({
  criterion,
  answer,
  comment,
  errors,
  disabled,
  onAnswer,
  onComment,
}: {
  criterion: Criterion;
  answer: CriterionAnswer;
  comment: string;
  errors: Record<string, string>;
  disabled: boolean;
  onAnswer: (answer: Exclude<CriterionAnswer, null>) => void;
  onComment: (comment: string) => void;
}) {
  const answerKey = `grid.${criterion.key}.${criterion.scale === "compliance" ? "compliant" : "score"}`;
  const commentKey = `grid.${criterion.key}.comment`;
  const answerError = errors[answerKey];
  const commentError = errors[commentKey];
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-3w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h6", "fr-mb-1w")}>{criterion.label}</legend>
      <div className={fr.cx("fr-fieldset__element")}>
        <RadioButtons
          id={fieldId(answerKey)}
          name={`grille-${criterion.key}`}
          legend={criterion.scale === "compliance" ? "Respecte les critères d'éligibilité" : "Note"}
          hintText={
            criterion.scale === "compliance"
              ? "Un projet qui ne les respecte pas ne peut être retenu."
              : criterion.scale === "optionalScore"
                ? `${SCALE_HINT}. « Sans objet » lorsque le projet n'associe pas de partenaire industriel : le critère ne compte pas dans le total.`
                : `${SCALE_HINT}.`
          }
          orientation="horizontal"
          disabled={disabled}
          {...fieldState(answerError ? [answerError] : undefined)}
          options={answersOf(criterion).map((option) => ({
            label: option.label,
            nativeInputProps: { value: option.value, checked: answer === option.value, onChange: () => onAnswer(option.value) },
          }))}
        />
      </div>
      <div className={fr.cx("fr-fieldset__element")}>
        <Input
          textArea
          label={
            <>
              Commentaire (obligatoire)<span className={fr.cx("fr-sr-only")}> : {criterion.label}</span>
            </>
          }
          disabled={disabled}
          {...fieldState(commentError ? [commentError] : undefined)}
          nativeTextAreaProps={{
            id: fieldId(commentKey),
            "aria-invalid": commentError ? true : undefined,
            rows: 3,
            maxLength: 2000,
            value: comment,
            onChange: (event) => onComment(event.target.value),
          }}
        />
      </div>
    </fieldset>
  );
}
