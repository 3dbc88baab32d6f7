"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { ReactNode } from "react";
import type { MaturityLevel, Question } from "@/lib/self-assessment/questionnaire-definition";
import { questionLevel, type QuestionAnswer, type SiteRef } from "@/lib/self-assessment/scoring";
import { formatLevel, questionDomId } from "./format";

/**
 * One question, on DSFR's radio buttons: a group of its maturity levels (native radios: the
 * arrow keys move within a group). A question allowed per EG offers the choice « Même niveau
 * pour tous les EG » / « Un niveau par EG »; per EG, the level retained for the EJ is the mean of
 * the EG levels (source 003) and is shown. The wrapper carries the question's id, so that the
 * list of missing questions can bring the focus to it.
 */
export function QuestionFieldset({
  number,
  question,
  answer,
  sites,
  error,
  disabled,
  onChange,
}: {
  number: number;
  question: Question;
  answer: QuestionAnswer | undefined;
  sites: readonly SiteRef[];
  /** Shown next to the question (missing level, server refusal). */
  error: string | undefined;
  disabled: boolean;
  onChange: (answer: QuestionAnswer | undefined) => void;
}) {
  const domId = questionDomId(question.id);
  const legend = `${number}. ${question.label}`;
  const perSite = answer?.mode === "perSite";
  const canChooseMode = question.perSite && (sites.length > 1 || perSite);

  function chooseMode(mode: "global" | "perSite") {
    if (mode === "perSite" && answer?.mode !== "perSite") {
      // Start every EG from the level given for the EJ, if any.
      const levels = answer?.mode === "global" ? Object.fromEntries(sites.map((site) => [site.finess, answer.level])) : {};
      onChange({ mode: "perSite", levels });
    } else if (mode === "global" && answer?.mode === "perSite") {
      // Back to one level: keep it only if every EG had the same.
      const values = new Set(sites.map((site) => answer.levels[site.finess]));
      const [only] = [...values];
      onChange(values.size === 1 && only !== undefined ? { mode: "global", level: only } : undefined);
    }
  }

  let body: ReactNode;
  if (!canChooseMode) {
    body = (
      <LevelRadios
        name={`${domId}-niveau`}
        legend={legend}
        hintText={question.help}
        levels={question.levels}
        value={answer?.mode === "global" ? answer.level : undefined}
        disabled={disabled}
        error={error}
        onChange={(level) => onChange({ mode: "global", level })}
      />
    );
  } else {
    const retained = perSite ? questionLevel(question, answer, sites.map((site) => site.finess)) : null;
    body = (
      <fieldset className={fr.cx("fr-fieldset", error ? "fr-fieldset--error" : undefined)} aria-labelledby={`${domId}-legende ${domId}-messages`} disabled={disabled}>
        <legend id={`${domId}-legende`} className={fr.cx("fr-fieldset__legend")}>
          {legend}
          {question.help && <span className={fr.cx("fr-hint-text")}>{question.help}</span>}
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <RadioButtons
            legend="Mode de réponse"
            name={`${domId}-mode`}
            orientation="horizontal"
            small
            disabled={disabled}
            options={[
              { label: "Même niveau pour tous les EG", nativeInputProps: { checked: !perSite, disabled, onChange: () => chooseMode("global") } },
              { label: "Un niveau par EG (le niveau retenu est la moyenne)", nativeInputProps: { checked: perSite, disabled, onChange: () => chooseMode("perSite") } },
            ]}
          />
        </div>
        {answer?.mode === "perSite" ? (
          <div className={fr.cx("fr-fieldset__element")}>
            <Accordion label="Description des niveaux" className={fr.cx("fr-mb-2w")}>
              <ul>
                {question.levels.map((level) => (
                  <li key={level.level}>
                    <strong>
                      Niveau {level.level} — {level.label} :
                    </strong>{" "}
                    {level.description}
                  </li>
                ))}
              </ul>
            </Accordion>
            {sites.map((site) => (
              <LevelRadios
                key={site.finess}
                name={`${domId}-${site.finess}`}
                legend={`${site.name} (FINESS EG ${site.finess})`}
                levels={question.levels}
                value={answer.levels[site.finess]}
                disabled={disabled}
                error={error && answer.levels[site.finess] === undefined ? "Choisissez un niveau pour cet EG." : undefined}
                compact
                onChange={(level) => onChange({ mode: "perSite", levels: { ...answer.levels, [site.finess]: level } })}
              />
            ))}
            <p>
              Niveau retenu pour l&apos;entité juridique (moyenne des EG) :{" "}
              <strong>{retained ? `${formatLevel(retained)} sur ${question.levels.length - 1}` : "à compléter"}</strong>
            </p>
          </div>
        ) : (
          <div className={fr.cx("fr-fieldset__element")}>
            <LevelRadios
              name={`${domId}-niveau`}
              legend="Niveau de maturité de l'entité juridique"
              levels={question.levels}
              value={answer?.level}
              disabled={disabled}
              error={undefined}
              onChange={(level) => onChange({ mode: "global", level })}
            />
          </div>
        )}
        <div id={`${domId}-messages`} className={fr.cx("fr-messages-group")} aria-live="polite">
          {error && <p className={fr.cx("fr-message", "fr-message--error")}>{error}</p>}
        </div>
      </fieldset>
    );
  }
  return (
    <div id={domId} tabIndex={-1} data-question-id={question.id} className={fr.cx("fr-mb-4w")}>
      {body}
    </div>
  );
}

function LevelRadios({
  name,
  legend,
  hintText,
  levels,
  value,
  disabled,
  error,
  compact = false,
  onChange,
}: {
  name: string;
  legend: string;
  hintText?: string;
  levels: readonly MaturityLevel[];
  value: number | undefined;
  disabled: boolean;
  error: string | undefined;
  compact?: boolean;
  onChange: (level: number) => void;
}) {
  return (
    <RadioButtons
      name={name}
      legend={legend}
      hintText={hintText}
      orientation={compact ? "horizontal" : "vertical"}
      small={compact}
      disabled={disabled}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      options={levels.map((level) => ({
        label: `Niveau ${level.level} — ${level.label}`,
        hintText: compact ? undefined : level.description,
        nativeInputProps: { value: level.level, checked: value === level.level, disabled, onChange: () => onChange(level.level) },
      }))}
    />
  );
}
