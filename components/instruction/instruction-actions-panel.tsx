"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { acceptDossierAction, refuseDossierAction, requestChangesAction, withdrawChangeRequestAction } from "@/app/ars/dossiers/actions";
import type { ActionResult } from "@/lib/actions/action-result";
import { CHANGE_REASONS, type ChangeReason } from "@/lib/dossiers/instruction";
import { EURO_MESSAGES, formatEuros, parseEuroAmount } from "@/lib/funding";
import { checkAward, isPartialAward } from "@/lib/instruction/award";
import { checkVerdicts } from "@/lib/dossiers/kinds/milestone-deposit/objective-verdicts";
import { MANDATORY_OBJECTIVE } from "@/lib/dossiers/objectives";
import { partAmounts } from "@/lib/dossiers/part-amounts";
import { ObjectiveVerdictFields, verdictFieldId, verdictKey, type VerdictDraft } from "./objective-verdict-fields";
import type { InstructionModel, InstructionModelPart } from "@/lib/instruction/instruction-model";

type Panel = "changes" | "accept" | "refuse" | null;
interface PointRow {
  key: string;
  reason: ChangeReason;
  comment: string;
}

/** Field keys of the panel (the server's keys, without the action's envelope) → the id of their input. */
const amountKey = (finess: string) => `amounts.${finess}`;
const reasonKey = (finess: string) => `reasons.${finess}`;
const FIELD_IDS: Record<string, string> = { reason: "motif-refus", message: "message-complement" };
function fieldId(key: string): string {
  if (key.startsWith("amounts.")) return `montant-${key.slice("amounts.".length)}`;
  // objectives.<FINESS (9 characters)>.<code>
  if (key.startsWith("objectives.")) return verdictFieldId(key.slice(11, 20), key.slice(21));
  if (key.startsWith("reasons.")) return `motif-partiel-${key.slice("reasons.".length)}`;
  return FIELD_IDS[key] ?? "actions-instruction";
}

/** The server names a field `reasons.<FINESS>` (domain) or `acceptance.reasons.<FINESS>` (the action's schema): one key for both. */
function serverFieldErrors(fieldErrors: Record<string, string[]> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => (messages[0] ? [[key.replace(/^(acceptance|refusal|request)\./, ""), messages[0]]] : [])));
}

const amountText = (cents: number | null) => (cents === null ? "" : formatEuros(cents).replace(/\s?€$/, ""));
const REFUSAL_REASON_MISSING = "Indiquez le motif du refus : il est communiqué à l'établissement.";
const MESSAGE_MISSING = "Rédigez le message de la demande de complément.";

// DSFR modals (dialog elements driven by DSFR's script): one per decision to confirm.
const acceptModal = createModal({ id: "modale-acceptation", isOpenedByDefault: false });
const refuseModal = createModal({ id: "modale-refus", isOpenedByDefault: false });

/**
 * The ARS's actions on a dossier: request changes (with points), withdraw the
 * request, accept with amounts (below an EJ's maximum, with the reason the
 * server requires), refuse with its reason. Accepting and refusing are
 * confirmed in a modal that restates the decision. The panel only says the
 * rules early (lib/instruction/award.ts); the server decides.
 */
export function InstructionActionsPanel({ model, fields }: { model: InstructionModel; fields: InstructionModel["reviewableFields"] }) {
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<{ message: string; ok: boolean } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState<Panel>(null);
  const [message, setMessage] = useState("");
  const [points, setPoints] = useState<PointRow[]>([]);
  const [refusalReason, setRefusalReason] = useState("");
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(model.parts.map((part) => [part.finess, amountText(part.capped)])));
  const [partialReasons, setPartialReasons] = useState<Record<string, string>>({});
  const [verdicts, setVerdicts] = useState<Record<string, Record<string, VerdictDraft>>>({});
  const [amountEdited, setAmountEdited] = useState<Record<string, boolean>>({});

  const withAmounts = model.withAmounts;
  // 2027–2028: the cap follows the objectives the ARS validates (source 000), recomputed as it validates them.
  const liveCap = (part: InstructionModelPart & { capped: number }, given: Record<string, VerdictDraft> = verdicts[part.finess] ?? {}): number => {
    const review = part.objectiveReview;
    if (!review) return part.capped;
    const reached = (code: string) => given[code]?.reached === true;
    return partAmounts({
      headcount: review.headcount,
      year: review.year,
      milestoneComplete: false,
      mandatoryObjectiveMet: reached(MANDATORY_OBJECTIVE.code),
      objectivesReached: review.declared.filter((objective) => objective.code !== MANDATORY_OBJECTIVE.code && reached(objective.code)).length,
      expenses: review.expenses,
    }).capped;
  };
  const awardParts = withAmounts
    ? model.parts.filter((part): part is InstructionModelPart & { capped: number } => part.capped !== null).map((part) => ({ ...part, capped: liveCap(part) }))
    : [];

  function setVerdict(part: InstructionModelPart & { capped: number }, code: string, verdict: VerdictDraft) {
    const next = { ...(verdicts[part.finess] ?? {}), [code]: verdict };
    setVerdicts({ ...verdicts, [part.finess]: next });
    edited(verdictKey(part.finess, code));
    // The amount follows the cap until the ARS types its own.
    if (!amountEdited[part.finess]) setAmounts((current) => ({ ...current, [part.finess]: amountText(liveCap(part, next)) }));
  }

  /** The verdicts as the server takes them (an objective not answered is left out, and said missing). */
  const verdictsInput = Object.fromEntries(
    Object.entries(verdicts).map(([finess, byCode]) => [
      finess,
      Object.fromEntries(Object.entries(byCode).flatMap(([code, verdict]) => (verdict.reached === null ? [] : [[code, { reached: verdict.reached, reason: verdict.reason }]]))),
    ]),
  );
  const verdictErrors: Record<string, string> = {};
  for (const part of awardParts) {
    if (!part.objectiveReview) continue;
    const check = checkVerdicts(part.objectiveReview.declared, verdictsInput[part.finess]);
    if (check.ok) continue;
    // A missing verdict, or a « not reached » without its reason, is said once the ARS tries to accept.
    if (attempted === "accept") for (const [code, message] of Object.entries(check.errors)) verdictErrors[verdictKey(part.finess, code)] = message;
  }

  /** A field changed: its server error is stale, and goes. */
  function edited(key: string) {
    if (!serverErrors[key]) return;
    const remaining = Object.fromEntries(Object.entries(serverErrors).filter(([other]) => other !== key));
    setServerErrors(remaining);
    // The server's refusal was about the fields now fixed: its message goes with their errors.
    if (Object.keys(remaining).length === 0 && feedback && !feedback.ok) setFeedback(null);
  }

  function focusSummary() {
    // After React has rendered the summary.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function run(action: () => Promise<ActionResult<unknown>>, success: string, modal?: { close: () => void }) {
    startTransition(async () => {
      setFeedback(null);
      const result = await action();
      modal?.close();
      if (result.ok) {
        setFeedback({ message: success, ok: true });
        setServerErrors({});
        setAttempted(null);
        setPanel(null);
        router.refresh();
      } else {
        setFeedback({ message: result.message, ok: false });
        setServerErrors(serverFieldErrors(result.fieldErrors));
        focusSummary();
      }
    });
  }

  // ---------------------------------------------------------------- the accept form's state, checked as it is typed
  const parsedAmounts = Object.fromEntries(awardParts.map((part) => [part.finess, parseEuroAmount(amounts[part.finess] ?? "")]));
  const acceptErrors: Record<string, string> = {};
  Object.assign(acceptErrors, verdictErrors);
  for (const part of awardParts) {
    const parsed = parsedAmounts[part.finess];
    if (!parsed) continue;
    if (!parsed.ok) {
      acceptErrors[amountKey(part.finess)] = parsed.error === "EMPTY" ? "Saisissez le montant accordé en euros." : EURO_MESSAGES[parsed.error];
      continue;
    }
    const check = checkAward({ cap: part.capped, amount: parsed.value, reason: partialReasons[part.finess] });
    if (!check.ok && check.amountError) acceptErrors[amountKey(part.finess)] = check.amountError;
    // A missing reason is said once the ARS tries to accept, not while it is still typing the amount.
    if (!check.ok && check.reasonError && (attempted === "accept" || (partialReasons[part.finess] ?? "").length > 0)) acceptErrors[reasonKey(part.finess)] = check.reasonError;
  }
  const refuseErrors: Record<string, string> = attempted === "refuse" && refusalReason.trim() === "" ? { reason: REFUSAL_REASON_MISSING } : {};
  const changesErrors: Record<string, string> = attempted === "changes" && message.trim() === "" ? { message: MESSAGE_MISSING } : {};
  const errors: Record<string, string> = { ...(panel === "accept" ? acceptErrors : panel === "refuse" ? refuseErrors : panel === "changes" ? changesErrors : {}), ...serverErrors };

  const isPartial = (part: InstructionModelPart & { capped: number }) => {
    const parsed = parsedAmounts[part.finess];
    return Boolean(parsed?.ok && isPartialAward(parsed.value, part.capped));
  };

  // Rendered in both branches: after a decision the refreshed model can no longer act, and the confirmation must stay.
  const errorList = Object.entries(errors);
  const feedbackBox = feedback?.ok ? (
    <Alert severity="success" small role="status" className={fr.cx("fr-mb-3w")} description={feedback.message} />
  ) : feedback || (attempted && errorList.length > 0) ? (
    <div ref={summaryRef} tabIndex={-1} className={fr.cx("fr-mb-3w")}>
      <Alert
        severity="error"
        role="alert"
        title={feedback?.message ?? "Le formulaire comporte des erreurs : corrigez les champs signalés."}
        description={
          <>
            {errorList.length > 0 && (
              <ul>
                {errorList.map(([key, text]) => (
                  <li key={key}>
                    <a href={`#${fieldId(key)}`}>{text}</a>
                  </li>
                ))}
              </ul>
            )}
            {feedback && /a changé depuis/.test(feedback.message) && (
              <Button type="button" priority="secondary" size="small" onClick={() => window.location.reload()}>
                Recharger la page
              </Button>
            )}
          </>
        }
      />
    </div>
  ) : null;

  if (!model.canAct) {
    return (
      <section aria-labelledby="actions-instruction" className={fr.cx("fr-mb-4w")}>
        <h2 id="actions-instruction" className={fr.cx("fr-h4")}>
          Instruction
        </h2>
        {feedbackBox}
        <p>
          {model.status === "ACCEPTED" || model.status === "REFUSED"
            ? "Ce dossier a fait l'objet d'une décision."
            : model.daysLeft === 0
              ? "L'instruction de ce guichet est close : aucune action n'est plus possible."
              : "Aucune action n'est possible sur ce dossier pour l'instant."}
        </p>
      </section>
    );
  }

  function open(name: Exclude<Panel, null>) {
    setPanel(panel === name ? null : name);
    setAttempted(null);
    setServerErrors({});
    setFeedback(null);
  }

  const decision = (name: Exclude<Panel, null>, label: string, iconId: "fr-icon-edit-line" | "fr-icon-check-line" | "fr-icon-close-line") => ({
    children: label,
    iconId,
    type: "button" as const,
    priority: panel === name ? ("primary" as const) : ("secondary" as const),
    onClick: () => open(name),
    // aria-controls only names the form while it is shown.
    nativeButtonProps: panel === name ? { "aria-expanded": true, "aria-controls": `panneau-${name}` } : { "aria-expanded": false },
  });

  const awardSummary: ReactNode = (
    <ul>
      {awardParts.map((part) => {
        const parsed = parsedAmounts[part.finess];
        const amount = parsed?.ok ? parsed.value : part.capped;
        return (
          <li key={part.finess}>
            {part.objectiveReview && (
              <>
                Objectifs validés :{" "}
                {part.objectiveReview.declared.filter((objective) => verdicts[part.finess]?.[objective.code]?.reached === true).length} sur {part.objectiveReview.declared.length} déclarés.{" "}
              </>
            )}
            {part.name} : <strong>{formatEuros(amount)}</strong> accordés
            {isPartialAward(amount, part.capped) ? (
              <>
                {" "}
                sur un montant maximal de {formatEuros(part.capped)}.
                <br />
                Motif communiqué à l&apos;établissement : « {(partialReasons[part.finess] ?? "").trim()} »
              </>
            ) : (
              " (le montant maximal)."
            )}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section aria-labelledby="actions-instruction" id="actions-instruction-panneau" className={fr.cx("fr-mb-4w")}>
      <h2 id="actions-instruction" className={fr.cx("fr-h4")}>
        Instruction
      </h2>
      <p>
        {model.daysLeft} jour{model.daysLeft > 1 ? "s" : ""} avant la fin de l&apos;instruction.
      </p>
      {feedbackBox}

      {model.status === "CHANGES_REQUESTED" ? (
        <>
          <p>Un complément a été demandé à l&apos;établissement ; il n&apos;a pas encore retransmis son dossier.</p>
          <Button
            type="button"
            priority="secondary"
            disabled={pending}
            onClick={() => run(() => withdrawChangeRequestAction({ dossierId: model.dossierId, version: model.version }), "La demande de complément a été retirée.")}
          >
            Retirer la demande de complément
          </Button>
        </>
      ) : (
        <div role="group" aria-label="Décision">
          <ButtonsGroup
            inlineLayoutWhen="md and up"
            buttons={
              // An AAP project is accepted or refused with its selection grid (components/instruction/project-call).
              model.decidedWithSelectionGrid
                ? [decision("changes", "Demander un complément", "fr-icon-edit-line")]
                : [decision("changes", "Demander un complément", "fr-icon-edit-line"), decision("accept", "Accepter", "fr-icon-check-line"), decision("refuse", "Refuser", "fr-icon-close-line")]
            }
          />
        </div>
      )}

      {panel === "changes" && (
        <form
          id="panneau-changes"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setAttempted("changes");
            if (message.trim() === "") {
              focusSummary();
              return;
            }
            const labelled = points.map((point) => ({ ...point, label: fields.find((field) => field.key === point.key)?.label ?? point.key }));
            run(() => requestChangesAction({ dossierId: model.dossierId, version: model.version, request: { message, points: labelled } }), "La demande de complément a été envoyée à l'établissement.");
          }}
        >
          <Input
            textArea
            label="Message à l'établissement (obligatoire)"
            hintText="Il est envoyé par e-mail au référent qui complète le dossier et affiché sur son dossier."
            state={errors.message ? "error" : "default"}
            stateRelatedMessage={errors.message}
            nativeTextAreaProps={{
              id: "message-complement",
              "aria-invalid": errors.message ? true : undefined,
              rows: 4,
              value: message,
              maxLength: 5000,
              onChange: (event) => {
                setMessage(event.target.value);
                edited("message");
              },
            }}
          />
          <fieldset className={fr.cx("fr-fieldset")}>
            <legend className={fr.cx("fr-fieldset__legend")}>Éléments concernés</legend>
            {points.map((point, index) => (
              <div key={index} className={`${fr.cx("fr-fieldset__element", "fr-mb-2w")} flex flex-wrap items-end gap-4`}>
                <Select
                  label="Champ ou document"
                  nativeSelectProps={{ id: `point-${index}-champ`, value: point.key, onChange: (event) => setPoints(points.map((row, i) => (i === index ? { ...row, key: event.target.value } : row))) }}
                >
                  {fields.map((field) => (
                    <option key={field.key} value={field.key}>
                      {field.label}
                    </option>
                  ))}
                </Select>
                <Select
                  label="Motif"
                  nativeSelectProps={{
                    id: `point-${index}-motif`,
                    value: point.reason,
                    onChange: (event) => setPoints(points.map((row, i) => (i === index ? { ...row, reason: event.target.value as ChangeReason } : row))),
                  }}
                >
                  {(Object.keys(CHANGE_REASONS) as ChangeReason[]).map((key) => (
                    <option key={key} value={key}>
                      {CHANGE_REASONS[key]}
                    </option>
                  ))}
                </Select>
                <Input
                  label="Précision"
                  nativeInputProps={{ id: `point-${index}-precision`, value: point.comment, maxLength: 1000, onChange: (event) => setPoints(points.map((row, i) => (i === index ? { ...row, comment: event.target.value } : row))) }}
                />
                <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setPoints(points.filter((_, i) => i !== index))}>
                  Retirer ce point
                </Button>
              </div>
            ))}
            <div className={fr.cx("fr-fieldset__element")}>
              <Button
                type="button"
                priority="secondary"
                size="small"
                iconId="fr-icon-add-line"
                onClick={() => setPoints([...points, { key: fields[0]?.key ?? "", reason: "INCORRECT", comment: "" }])}
              >
                Ajouter un élément concerné
              </Button>
            </div>
          </fieldset>
          <Button type="submit" disabled={pending}>
            Envoyer la demande de complément
          </Button>
        </form>
      )}

      {panel === "accept" && (
        <form
          id="panneau-accept"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setAttempted("accept");
            setFeedback(null);
            const blocking =
              awardParts.some((part) => part.objectiveReview && !checkVerdicts(part.objectiveReview.declared, verdictsInput[part.finess]).ok) ||
              awardParts.some((part) => {
                const parsed = parsedAmounts[part.finess];
                return !parsed?.ok || !checkAward({ cap: part.capped, amount: parsed.value, reason: partialReasons[part.finess] }).ok;
              });
            if (blocking || Object.keys(serverErrors).length > 0) {
              focusSummary();
              return;
            }
            acceptModal.open();
          }}
        >
          {withAmounts ? (
            awardParts.map((part) => (
              <div key={part.finess} className={fr.cx("fr-mb-3w")}>
                {part.objectiveReview && (
                  <ObjectiveVerdictFields
                    finess={part.finess}
                    name={part.name}
                    declared={part.objectiveReview.declared}
                    previous={{ year: part.objectiveReview.year - 1, validated: part.objectiveReview.previousValidated, notDeclaredAgain: part.objectiveReview.notDeclaredAgain }}
                    verdicts={verdicts[part.finess] ?? {}}
                    errors={errors}
                    onChange={(code, verdict) => setVerdict(part, code, verdict)}
                  />
                )}
                <Input
                  label={`Montant accordé — ${part.name} (en euros)`}
                  hintText={`Au plus ${formatEuros(part.capped)} (montant maximal : ${model.capRule}) ; demandé : ${part.requested === null ? "—" : formatEuros(part.requested)}.`}
                  state={errors[amountKey(part.finess)] ? "error" : "default"}
                  stateRelatedMessage={errors[amountKey(part.finess)]}
                  nativeInputProps={{
                    id: fieldId(amountKey(part.finess)),
                    "aria-invalid": errors[amountKey(part.finess)] ? true : undefined,
                    inputMode: "decimal",
                    autoComplete: "off",
                    value: amounts[part.finess] ?? "",
                    onChange: (event) => {
                      setAmounts({ ...amounts, [part.finess]: event.target.value });
                      setAmountEdited({ ...amountEdited, [part.finess]: true });
                      edited(amountKey(part.finess));
                    },
                  }}
                />
                {(isPartial(part) || errors[reasonKey(part.finess)]) && (
                  <Input
                    textArea
                    label={`Motif du montant inférieur au maximal — ${part.name} (obligatoire)`}
                    hintText={`Le montant accordé est inférieur au montant maximal de ${formatEuros(part.capped)} : dites pourquoi. Ce motif est communiqué à l'établissement, sur son dossier et dans l'e-mail de décision.`}
                    state={errors[reasonKey(part.finess)] ? "error" : "default"}
                    stateRelatedMessage={errors[reasonKey(part.finess)]}
                    nativeTextAreaProps={{
                      id: fieldId(reasonKey(part.finess)),
                      "aria-invalid": errors[reasonKey(part.finess)] ? true : undefined,
                      rows: 3,
                      value: partialReasons[part.finess] ?? "",
                      onChange: (event) => {
                        setPartialReasons({ ...partialReasons, [part.finess]: event.target.value });
                        edited(reasonKey(part.finess));
                      },
                    }}
                  />
                )}
              </div>
            ))
          ) : (
            <p>La candidature sera validée.</p>
          )}
          <Button type="submit" disabled={pending} iconId="fr-icon-check-line">
            Accepter le dossier
          </Button>
        </form>
      )}

      {panel === "refuse" && (
        <form
          id="panneau-refuse"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setAttempted("refuse");
            setFeedback(null);
            if (refusalReason.trim() === "") {
              focusSummary();
              return;
            }
            refuseModal.open();
          }}
        >
          <Input
            textArea
            label="Motif du refus (obligatoire)"
            hintText="Il est communiqué à l'établissement, sur son dossier et dans l'e-mail de décision."
            state={errors.reason ? "error" : "default"}
            stateRelatedMessage={errors.reason}
            nativeTextAreaProps={{
              id: "motif-refus",
              "aria-invalid": errors.reason ? true : undefined,
              rows: 4,
              value: refusalReason,
              maxLength: 5000,
              onChange: (event) => {
                setRefusalReason(event.target.value);
                edited("reason");
              },
            }}
          />
          <Button type="submit" disabled={pending} iconId="fr-icon-close-line">
            Refuser le dossier
          </Button>
        </form>
      )}

      <acceptModal.Component
        titleAs="h2"
        title={`Accepter le dossier n° ${model.number} ?`}
        buttons={[
          { children: "Annuler", priority: "secondary" },
          {
            children: "Confirmer l'acceptation",
            doClosesModal: false,
            disabled: pending,
            onClick: () => {
              const decided = Object.fromEntries(awardParts.map((part) => [part.finess, parsedAmounts[part.finess]?.ok ? (parsedAmounts[part.finess] as { value: number }).value : null]));
              const reasons = Object.fromEntries(awardParts.filter(isPartial).map((part) => [part.finess, partialReasons[part.finess] ?? ""]));
              run(
                () => acceptDossierAction({ dossierId: model.dossierId, version: model.version, acceptance: { amounts: withAmounts ? decided : {}, reasons: withAmounts ? reasons : {}, objectives: withAmounts ? verdictsInput : {} } }),
                "Le dossier est accepté ; l'établissement en est informé.",
                acceptModal,
              );
            },
          },
        ]}
      >
        <p>
          {model.guichetLabel}. {withAmounts ? "Montants accordés :" : "La candidature sera validée."}
        </p>
        {withAmounts && awardSummary}
        <p>L&apos;établissement en est informé par e-mail. La décision est définitive.</p>
      </acceptModal.Component>

      <refuseModal.Component
        titleAs="h2"
        title={`Refuser le dossier n° ${model.number} ?`}
        buttons={[
          { children: "Annuler", priority: "secondary" },
          {
            children: "Confirmer le refus",
            doClosesModal: false,
            disabled: pending,
            onClick: () => run(() => refuseDossierAction({ dossierId: model.dossierId, version: model.version, refusal: { reason: refusalReason } }), "Le dossier est refusé ; l'établissement en est informé.", refuseModal),
          },
        ]}
      >
        <p>Motif communiqué à l&apos;établissement :</p>
        <blockquote className="whitespace-pre-line">{refusalReason.trim()}</blockquote>
        <p>L&apos;établissement en est informé par e-mail. La décision est définitive.</p>
      </refuseModal.Component>
    </section>
  );
}
