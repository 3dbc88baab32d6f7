"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { questionsOf, type QuestionnaireDefinition } from "@/lib/self-assessment/questionnaire-definition";
import {
  completenessOf,
  keepValidAnswers,
  missingQuestionMessage,
  type Answers,
  type QuestionAnswer,
  type SiteRef,
} from "@/lib/self-assessment/scoring";
import type { SaveDraftAction, ValidateSelfAssessmentAction } from "./action-types";
import { questionDomId } from "./format";
import { QuestionFieldset } from "./question-fieldset";
import { SaveStatus } from "./save-status";
import { useAutosave, type AutosaveResult } from "@/components/ui/use-autosave";

/**
 * The answer form of a DRAFT self-assessment: questions by dimension, autosaved (the answers live
 * in the database, so nothing is lost on reload), then "Valider l'autoévaluation" with a
 * confirmation. Completeness is shown live; the server checks it again at validation.
 */
export function SelfAssessmentEditor({
  id,
  initialVersion,
  definition,
  initialAnswers,
  sites,
  legalEntityName,
  saveDraft,
  validate,
}: {
  id: string;
  initialVersion: number;
  definition: QuestionnaireDefinition;
  initialAnswers: Answers;
  sites: SiteRef[];
  legalEntityName: string;
  saveDraft: SaveDraftAction;
  validate: ValidateSelfAssessmentAction;
}) {
  const router = useRouter();
  const siteFinesses = useMemo(() => sites.map((site) => site.finess), [sites]);
  // EG that left the EJ since the last save are dropped (the server would refuse them).
  const [answers, setAnswers] = useState<Answers>(() => keepValidAnswers(definition, initialAnswers, siteFinesses));
  const [showMissing, setShowMissing] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [validating, setValidating] = useState(false);
  const [locked, setLocked] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const save = useCallback(
    async (value: Answers, expectedVersion: number): Promise<AutosaveResult> => {
      const result = await saveDraft({ id, expectedVersion, answers: value });
      if (!result.ok) {
        if (result.fieldErrors) setServerErrors(result.fieldErrors);
        return { ok: false, message: result.message, final: false };
      }
      const outcome = result.data;
      if (outcome.status === "saved") return { ok: true, version: outcome.version, savedAt: outcome.savedAt };
      // Conflict or validated elsewhere: stop writing; the user reloads to see what is stored.
      setLocked(true);
      return { ok: false, message: outcome.message, final: true };
    },
    [id, saveDraft],
  );
  const autosave = useAutosave<Answers>({ initialVersion, save });

  const completeness = useMemo(() => completenessOf(definition, answers, sites), [definition, answers, sites]);
  const missingById = useMemo(() => new Map(completeness.missing.map((missing) => [missing.questionId, missing])), [completeness]);

  function changeAnswer(questionId: string, answer: QuestionAnswer | undefined) {
    const next: Answers = { ...answers };
    if (answer) next[questionId] = answer;
    else delete next[questionId];
    setAnswers(next);
    setServerErrors((previous) => {
      const others = { ...previous };
      delete others[questionId];
      return others;
    });
    autosave.schedule(next);
  }

  function errorFor(questionId: string): string | undefined {
    const server = serverErrors[questionId]?.join(" ");
    if (server) return server;
    const missing = showMissing ? missingById.get(questionId) : undefined;
    return missing ? missingQuestionMessage(missing) : undefined;
  }

  function askValidation() {
    setFormError(null);
    if (!completeness.complete) {
      setShowMissing(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    dialogRef.current?.showModal();
  }

  async function confirmValidation() {
    setValidating(true);
    setFormError(null);
    try {
      // The answers shown are the ones validated: store the last changes first.
      if (!(await autosave.flush())) {
        dialogRef.current?.close();
        setFormError("Les dernières réponses n'ont pas pu être enregistrées : l'autoévaluation n'a pas été validée.");
        return;
      }
      const result = await validate({ id, expectedVersion: autosave.currentVersion() });
      dialogRef.current?.close();
      if (result.ok) {
        setLocked(true);
        router.refresh();
        return;
      }
      setServerErrors(result.fieldErrors ?? {});
      setShowMissing(true);
      setFormError(result.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } catch {
      dialogRef.current?.close();
      setFormError("La validation n'a pas abouti (connexion interrompue ?). Réessayez.");
    } finally {
      setValidating(false);
    }
  }

  const showSummary = formError !== null || (showMissing && !completeness.complete);
  const numberOf = new Map(questionsOf(definition).map(({ question }, index) => [question.id, index + 1]));
  return (
    <div className="space-y-8">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-4 border-b border-gris-bordure bg-white py-3">
        <p className="font-semibold">
          {completeness.answered} / {completeness.total} questions renseignées
        </p>
        <SaveStatus status={autosave.status} onRetry={autosave.retry} />
      </div>

      {showSummary && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="border-l-4 border-erreur bg-fond-alt p-4">
          <p className="font-semibold text-erreur">
            {formError ??
              `L'autoévaluation n'est pas complète : ${completeness.missing.length} ${completeness.missing.length > 1 ? "questions restent" : "question reste"} à renseigner.`}
          </p>
          {completeness.missing.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {completeness.missing.map((missing) => (
                <li key={missing.questionId}>
                  <a href={`#${questionDomId(missing.questionId)}`}>{missing.label}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {definition.dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={`dimension-${dimension.id}`} className="space-y-4">
          <div>
            <h2 id={`dimension-${dimension.id}`} className="text-2xl font-bold">
              {dimension.objectiveCode ? `${dimension.objectiveCode} — ` : ""}
              {dimension.title}
            </h2>
            {dimension.description && <p className="mt-1">{dimension.description}</p>}
          </div>
          {dimension.questions.map((question) => {
            return (
              <QuestionFieldset
                key={question.id}
                number={numberOf.get(question.id) ?? 0}
                question={question}
                answer={answers[question.id]}
                sites={sites}
                error={errorFor(question.id)}
                disabled={locked || validating}
                onChange={(answer) => changeAnswer(question.id, answer)}
              />
            );
          })}
        </section>
      ))}

      <div className="border-t border-gris-bordure pt-6">
        <p className="mb-3">
          Une fois validée, l&apos;autoévaluation ne peut plus être modifiée et reçoit un numéro de référence unique (NRU) à indiquer lors du dépôt
          de votre dossier.
        </p>
        <button
          type="button"
          onClick={askValidation}
          disabled={locked || validating}
          className="bg-bleu-france px-5 py-2 font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60"
        >
          Valider l&apos;autoévaluation
        </button>
      </div>

      <dialog
        ref={dialogRef}
        aria-labelledby="confirmer-validation-titre"
        aria-describedby="confirmer-validation-texte"
        className="m-auto max-w-lg border-2 border-bleu-france p-6 backdrop:bg-black/50"
      >
        <h2 id="confirmer-validation-titre" className="text-xl font-bold">
          Valider l&apos;autoévaluation ?
        </h2>
        <p id="confirmer-validation-texte" className="mt-3">
          Une fois validée, cette autoévaluation ({legalEntityName}) ne pourra plus être modifiée. Elle recevra un numéro de référence unique (NRU)
          à indiquer lors du dépôt du dossier.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => void confirmValidation()}
            disabled={validating}
            className="bg-bleu-france px-4 py-2 font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60"
          >
            {validating ? "Validation…" : "Confirmer la validation"}
          </button>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            disabled={validating}
            className="border border-bleu-france px-4 py-2 font-semibold text-bleu-france hover:bg-bleu-clair"
          >
            Annuler
          </button>
        </div>
      </dialog>
    </div>
  );
}
