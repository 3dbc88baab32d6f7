"use client";

import type { MaturityLevel, Question } from "@/lib/self-assessment/questionnaire-definition";
import { questionLevel, type QuestionAnswer, type SiteRef } from "@/lib/self-assessment/scoring";
import { formatLevel, questionDomId } from "./format";

/**
 * One question: a fieldset whose legend is the question, radio groups of its maturity levels
 * (native radios: arrow keys move within a group). A question allowed per EG offers the choice
 * "Même niveau pour tous les EG" / "Un niveau par EG"; per EG, the level retained for the EJ is
 * the mean of the EG levels (source 003) and is shown.
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
  const helpId = question.help ? `${domId}-aide` : undefined;
  const errorId = error ? `${domId}-erreur` : undefined;
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

  const retained = perSite ? questionLevel(question, answer, sites.map((site) => site.finess)) : null;
  return (
    <fieldset
      id={domId}
      tabIndex={-1}
      data-question-id={question.id}
      aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
      className={`scroll-mt-20 border p-4 ${error ? "border-l-4 border-erreur" : "border-gris-bordure"}`}
    >
      <legend className="px-1 font-semibold">
        {number}. {question.label}
      </legend>
      {question.help && (
        <p id={helpId} className="mb-2 text-sm">
          {question.help}
        </p>
      )}
      {error && (
        <p id={errorId} className="mb-2 text-sm font-semibold text-erreur">
          {error}
        </p>
      )}
      {canChooseMode && (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-semibold">Mode de réponse</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="radio" name={`${domId}-mode`} checked={!perSite} disabled={disabled} onChange={() => chooseMode("global")} className="h-4 w-4" />
              Même niveau pour tous les EG
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name={`${domId}-mode`} checked={perSite} disabled={disabled} onChange={() => chooseMode("perSite")} className="h-4 w-4" />
              Un niveau par EG (le niveau retenu est la moyenne)
            </label>
          </div>
        </fieldset>
      )}
      {answer?.mode === "perSite" ? (
        <div className="space-y-3">
          <details className="text-sm">
            <summary className="cursor-pointer font-semibold">Description des niveaux</summary>
            <dl className="mt-2 space-y-1">
              {question.levels.map((level) => (
                <div key={level.level}>
                  <dt className="inline font-semibold">
                    Niveau {level.level} — {level.label} :{" "}
                  </dt>
                  <dd className="inline">{level.description}</dd>
                </div>
              ))}
            </dl>
          </details>
          {sites.map((site) => (
            <fieldset key={site.finess} className="border-l-2 border-gris-bordure pl-3">
              <legend className="text-sm font-semibold">
                {site.name} (FINESS EG {site.finess})
              </legend>
              <LevelRadios
                name={`${domId}-${site.finess}`}
                levels={question.levels}
                value={answer.levels[site.finess]}
                disabled={disabled}
                compact
                onChange={(level) => onChange({ mode: "perSite", levels: { ...answer.levels, [site.finess]: level } })}
              />
            </fieldset>
          ))}
          <p className="text-sm">
            Niveau retenu pour l&apos;entité juridique (moyenne des EG) :{" "}
            <strong>{retained ? `${formatLevel(retained)} sur ${question.levels.length - 1}` : "à compléter"}</strong>
          </p>
        </div>
      ) : (
        <LevelRadios
          name={`${domId}-niveau`}
          levels={question.levels}
          value={answer?.level}
          disabled={disabled}
          onChange={(level) => onChange({ mode: "global", level })}
        />
      )}
    </fieldset>
  );
}

function LevelRadios({
  name,
  levels,
  value,
  disabled,
  compact = false,
  onChange,
}: {
  name: string;
  levels: readonly MaturityLevel[];
  value: number | undefined;
  disabled: boolean;
  compact?: boolean;
  onChange: (level: number) => void;
}) {
  return (
    <div className={compact ? "flex flex-wrap gap-2" : "space-y-2"}>
      {levels.map((level) => (
        <label
          key={level.level}
          className={`flex cursor-pointer items-start gap-3 border border-gris-bordure p-2 has-[:checked]:border-bleu-france has-[:checked]:bg-bleu-clair ${compact ? "text-sm" : ""}`}
        >
          <input
            type="radio"
            name={name}
            value={level.level}
            checked={value === level.level}
            disabled={disabled}
            onChange={() => onChange(level.level)}
            className="mt-1 h-4 w-4 shrink-0"
          />
          <span>
            <span className="font-semibold">
              Niveau {level.level} — {level.label}
            </span>
            {!compact && <span className="block text-sm">{level.description}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
