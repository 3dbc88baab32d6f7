"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useAutosave, type AutosaveResult } from "@/components/ui/use-autosave";
import { questionsOf, type Dimension, type QuestionnaireDefinition } from "@/lib/self-assessment/questionnaire-definition";
import { completenessOf, keepValidAnswers, missingQuestionMessage, type Answers, type QuestionAnswer, type SiteRef } from "@/lib/self-assessment/scoring";
import type { SaveDraftAction, ValidateSelfAssessmentAction } from "./action-types";
import { questionDomId } from "./format";
import { QuestionFieldset } from "./question-fieldset";
import { SaveStatus } from "./save-status";

const confirmModal = createModal({ id: "confirmer-validation-autoevaluation", isOpenedByDefault: false });

const dimensionTitle = (dimension: Dimension) => `${dimension.objectiveCode ? `${dimension.objectiveCode} — ` : ""}${dimension.title}`;

/**
 * The answer form of a DRAFT self-assessment, one step per dimension of the questionnaire (DSFR
 * Stepper), then a last step to check and validate. Autosaved: the answers live in the database,
 * so nothing is lost on reload or between steps. Completeness is shown live; validating an
 * incomplete one lists each missing question with a link that opens its step; the server
 * checks it again at validation.
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
  const dimensions = definition.dimensions;
  const stepCount = dimensions.length + 1;
  // Resuming a draft: the first dimension still incomplete (the first one when all are answered).
  const [step, setStep] = useState(() => {
    const missing = completenessOf(definition, keepValidAnswers(definition, initialAnswers, siteFinesses), sites).missing[0];
    const index = missing ? dimensions.findIndex((dimension) => dimension.id === missing.dimensionId) : 0;
    return Math.max(0, index) + 1;
  });
  /** Where the focus goes once the step is rendered: the step's title, a question, or the summary. */
  const focusTargetRef = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const setFocusTarget = (target: string) => {
    focusTargetRef.current = target;
    setFocusRequest((count) => count + 1);
  };
  const stepTopRef = useRef<HTMLDivElement>(null);
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
  const numberOf = useMemo(() => new Map(questionsOf(definition).map(({ question }, index) => [question.id, index + 1])), [definition]);

  // After a step change or a refused validation, once rendered.
  useEffect(() => {
    const wanted = focusTargetRef.current;
    if (!wanted) return;
    focusTargetRef.current = null;
    const target = wanted === "etape" ? stepTopRef.current : wanted === "resume" ? summaryRef.current : document.getElementById(wanted);
    target?.focus();
    target?.scrollIntoView({ block: "start" });
  }, [focusRequest]);

  function goTo(next: number, focus = "etape") {
    setStep(next);
    setFocusTarget(focus);
  }

  function openQuestion(questionId: string) {
    const dimensionId = completeness.missing.find((missing) => missing.questionId === questionId)?.dimensionId ?? questionsOf(definition).find(({ question }) => question.id === questionId)?.dimension.id;
    goTo(dimensions.findIndex((dimension) => dimension.id === dimensionId) + 1, questionDomId(questionId));
  }

  function changeAnswer(questionId: string, answer: QuestionAnswer | undefined) {
    const next: Answers = { ...answers };
    if (answer) next[questionId] = answer;
    else delete next[questionId];
    setAnswers(next);
    // A fixed question loses its error at once; the summary follows the live completeness.
    setServerErrors((previous) => {
      const others = { ...previous };
      delete others[questionId];
      return others;
    });
    setFormError(null);
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
      setFocusTarget("resume");
      return;
    }
    confirmModal.open();
  }

  async function confirmValidation() {
    setValidating(true);
    setFormError(null);
    try {
      // The answers shown are the ones validated: store the last changes first.
      if (!(await autosave.flush())) {
        confirmModal.close();
        setFormError("Les dernières réponses n'ont pas pu être enregistrées : l'autoévaluation n'a pas été validée.");
        setFocusTarget("resume");
        return;
      }
      const result = await validate({ id, expectedVersion: autosave.currentVersion() });
      confirmModal.close();
      if (result.ok) {
        setLocked(true);
        router.refresh();
        return;
      }
      setServerErrors(result.fieldErrors ?? {});
      setShowMissing(true);
      setFormError(result.message);
      setFocusTarget("resume");
    } catch {
      confirmModal.close();
      setFormError("La validation n'a pas abouti (connexion interrompue ?). Réessayez.");
      setFocusTarget("resume");
    } finally {
      setValidating(false);
    }
  }

  const onValidationStep = step === stepCount;
  const dimension = onValidationStep ? null : dimensions[step - 1]!;
  const missingCount = completeness.missing.length;
  const showSummary = formError !== null || (showMissing && missingCount > 0);
  const answeredIn = (candidate: Dimension) => candidate.questions.filter((question) => !missingById.has(question.id)).length;

  return (
    <div>
      <div className={`${fr.cx("fr-mb-3w")} flex flex-wrap items-start justify-between gap-4`}>
        <p className={fr.cx("fr-text--bold", "fr-mb-0")}>
          {completeness.answered} / {completeness.total} questions renseignées
        </p>
        <SaveStatus status={autosave.status} onRetry={autosave.retry} />
      </div>

      {showSummary && (
        <div ref={summaryRef} tabIndex={-1} className={fr.cx("fr-mb-4w")}>
          <Alert
            severity="error"
            role="alert"
            title={formError ?? `L'autoévaluation n'est pas complète : ${missingCount} ${missingCount > 1 ? "questions restent" : "question reste"} à renseigner.`}
            description={
              missingCount > 0 ? (
                <ul>
                  {completeness.missing.map((missing) => (
                    <li key={missing.questionId}>
                      <a
                        href={`#${questionDomId(missing.questionId)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          openQuestion(missing.questionId);
                        }}
                      >
                        {numberOf.get(missing.questionId)}. {missing.label}
                      </a>{" "}
                      ({dimensionTitle(dimensions.find((candidate) => candidate.id === missing.dimensionId)!)})
                    </li>
                  ))}
                </ul>
              ) : (
                "Corrigez les questions signalées puis validez à nouveau."
              )
            }
          />
        </div>
      )}

      <div ref={stepTopRef} tabIndex={-1}>
        <Stepper
          currentStep={step}
          stepCount={stepCount}
          title={dimension ? dimensionTitle(dimension) : "Vérification et validation"}
          nextTitle={step < dimensions.length ? dimensionTitle(dimensions[step]!) : step === dimensions.length ? "Vérification et validation" : undefined}
        />
      </div>

      {dimension ? (
        <section aria-label={`Étape ${step} : ${dimensionTitle(dimension)}`}>
          {dimension.description && <p>{dimension.description}</p>}
          {dimension.questions.map((question) => (
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
          ))}
        </section>
      ) : (
        <section aria-label={`Étape ${step} : vérification et validation`}>
          <Table
            caption="Questions renseignées par dimension"
            headers={["Étape", "Dimension", "Questions renseignées", <span key="action" className={fr.cx("fr-sr-only")}>Action</span>]}
            data={dimensions.map((candidate, index) => [
              index + 1,
              dimensionTitle(candidate),
              `${answeredIn(candidate)} / ${candidate.questions.length}`,
              <Button key="aller" priority="tertiary" size="small" onClick={() => goTo(index + 1)} nativeButtonProps={{ "aria-label": `Aller à l'étape ${index + 1} : ${dimensionTitle(candidate)}` }}>
                Aller à l&apos;étape
              </Button>,
            ])}
          />
          <p>
            Une fois validée, l&apos;autoévaluation ne peut plus être modifiée et reçoit un numéro de référence unique (NRU) à indiquer lors du dépôt de votre dossier.
          </p>
          <Button onClick={askValidation} disabled={locked || validating}>
            Valider l&apos;autoévaluation
          </Button>
        </section>
      )}

      <ButtonsGroup
        className={fr.cx("fr-mt-4w")}
        inlineLayoutWhen="sm and up"
        buttonsSize="medium"
        buttons={[
          {
            children: "Étape précédente",
            priority: "secondary",
            iconId: "fr-icon-arrow-left-line",
            disabled: step === 1,
            onClick: () => goTo(step - 1),
          },
          {
            children: step === dimensions.length ? "Vérifier et valider" : "Étape suivante",
            priority: onValidationStep ? "secondary" : "primary",
            iconId: "fr-icon-arrow-right-line",
            iconPosition: "right",
            disabled: onValidationStep,
            onClick: () => goTo(step + 1),
          },
        ]}
      />

      <confirmModal.Component
        title="Valider l'autoévaluation ?"
        titleAs="h2"
        buttons={[
          { children: "Annuler", priority: "secondary", disabled: validating },
          { children: validating ? "Validation…" : "Confirmer la validation", doClosesModal: false, disabled: validating, onClick: () => void confirmValidation() },
        ]}
      >
        <p>
          Une fois validée, cette autoévaluation ({legalEntityName}) ne pourra plus être modifiée. Elle recevra un numéro de référence unique (NRU) à indiquer lors du dépôt du dossier.
        </p>
      </confirmModal.Component>
    </div>
  );
}
