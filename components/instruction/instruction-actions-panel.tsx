"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptDossierAction, refuseDossierAction, requestChangesAction, withdrawChangeRequestAction } from "@/app/ars/dossiers/actions";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions/action-result";
import { CHANGE_REASONS, type ChangeReason } from "@/lib/dossiers/instruction";
import { EURO_MESSAGES, formatEuros, parseEuroAmount } from "@/lib/funding";
import type { InstructionModel } from "@/lib/instruction/instruction-model";

type Panel = "changes" | "accept" | "refuse" | null;
interface PointRow {
  key: string;
  reason: ChangeReason;
  comment: string;
}

const amountText = (cents: number | null) => (cents === null ? "" : formatEuros(cents).replace(/\s?€$/, ""));

/** The ARS's actions on a dossier: request changes (with points), withdraw the request, accept with amounts, refuse. */
export function InstructionActionsPanel({ model, fields }: { model: InstructionModel; fields: InstructionModel["reviewableFields"] }) {
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<{ message: string; fieldErrors?: Record<string, string[]>; ok: boolean } | null>(null);
  const [message, setMessage] = useState("");
  const [points, setPoints] = useState<PointRow[]>([]);
  const [reason, setReason] = useState("");
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(model.parts.map((part) => [part.finess, amountText(part.capped)])));

  function run(action: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      setFeedback(null);
      const result = await action();
      if (result.ok) {
        setFeedback({ message: success, ok: true });
        setPanel(null);
        router.refresh();
      } else {
        setFeedback({ message: result.message, fieldErrors: result.fieldErrors, ok: false });
      }
    });
  }

  // Rendered in both branches: after a decision the refreshed model can no longer act, and the confirmation must stay.
  const feedbackBox = feedback && (
    <div role={feedback.ok ? "status" : "alert"} className={`border-l-4 p-3 font-semibold ${feedback.ok ? "border-succes text-succes" : "border-erreur bg-red-50 text-erreur"}`}>
      <p>{feedback.message}</p>
      {feedback.fieldErrors && (
        <ul className="list-disc pl-6 text-sm">
          {Object.values(feedback.fieldErrors).flat().map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {!feedback.ok && /a changé depuis/.test(feedback.message) && (
        <button type="button" className="mt-1 underline" onClick={() => window.location.reload()}>
          Recharger la page
        </button>
      )}
    </div>
  );

  if (!model.canAct) {
    return (
      <>
        {feedbackBox}
        <p className="border-l-4 border-gris-bordure bg-fond-alt p-3">
          {model.status === "ACCEPTED" || model.status === "REFUSED"
            ? "Ce dossier a fait l'objet d'une décision."
            : model.daysLeft === 0
              ? "L'instruction de ce guichet est close : aucune action n'est plus possible."
              : "Aucune action n'est possible sur ce dossier pour l'instant."}
        </p>
      </>
    );
  }

  const amountErrors = Object.fromEntries(
    model.parts.map((part) => {
      const text = amounts[part.finess] ?? "";
      const parsed = parseEuroAmount(text);
      if (!parsed.ok) return [part.finess, EURO_MESSAGES[parsed.error]];
      if (part.capped !== null && parsed.value > part.capped) return [part.finess, `Le montant accordé ne peut dépasser ${formatEuros(part.capped)}.`];
      return [part.finess, undefined];
    }),
  ) as Record<string, string | undefined>;
  const isDeposit = model.kind === "MILESTONE_DEPOSIT";

  return (
    <section aria-labelledby="actions-instruction" className="space-y-4 border-2 border-bleu-france p-5">
      <h2 id="actions-instruction" className="text-xl font-bold">
        Instruction
      </h2>
      <p className="text-sm">
        {model.daysLeft} jour{model.daysLeft > 1 ? "s" : ""} avant la fin de l&apos;instruction.
      </p>
      {feedbackBox}

      {model.status === "CHANGES_REQUESTED" ? (
        <div className="space-y-2">
          <p>Un complément a été demandé à l&apos;établissement ; il n&apos;a pas encore retransmis son dossier.</p>
          <button
            type="button"
            disabled={pending}
            className="border border-bleu-france px-4 py-2 font-semibold"
            onClick={() => run(() => withdrawChangeRequestAction({ dossierId: model.dossierId, version: model.version }), "La demande de complément a été retirée.")}
          >
            Retirer la demande de complément
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3" role="group" aria-label="Décision">
          {(["changes", "accept", "refuse"] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-expanded={panel === name}
              aria-controls={`panneau-${name}`}
              onClick={() => setPanel(panel === name ? null : name)}
              className={`px-4 py-2 font-semibold ${panel === name ? "bg-bleu-france text-white" : "border border-bleu-france text-bleu-france"}`}
            >
              {name === "changes" ? "Demander un complément" : name === "accept" ? "Accepter" : "Refuser"}
            </button>
          ))}
        </div>
      )}

      {panel === "changes" && (
        <form
          id="panneau-changes"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const labelled = points.map((point) => ({ ...point, label: fields.find((field) => field.key === point.key)?.label ?? point.key }));
            run(() => requestChangesAction({ dossierId: model.dossierId, version: model.version, request: { message, points: labelled } }), "La demande de complément a été envoyée à l'établissement.");
          }}
        >
          <div>
            <label htmlFor="message-complement" className="block font-semibold">
              Message à l&apos;établissement (obligatoire)
            </label>
            <textarea id="message-complement" required rows={4} value={message} onChange={(event) => setMessage(event.target.value)} className="mt-1 block w-full border-b-2 border-gris-texte bg-fond-alt p-2" />
          </div>
          <fieldset className="space-y-2">
            <legend className="font-semibold">Éléments concernés</legend>
            {points.map((point, index) => (
              <div key={index} className="flex flex-wrap items-end gap-2 border border-gris-bordure p-2">
                <div>
                  <label htmlFor={`point-${index}-champ`} className="block text-sm font-semibold">
                    Champ ou document
                  </label>
                  <select
                    id={`point-${index}-champ`}
                    value={point.key}
                    onChange={(event) => setPoints(points.map((row, i) => (i === index ? { ...row, key: event.target.value } : row)))}
                    className="border-b-2 border-gris-texte bg-fond-alt px-2 py-1"
                  >
                    {fields.map((field) => (
                      <option key={field.key} value={field.key}>
                        {field.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`point-${index}-motif`} className="block text-sm font-semibold">
                    Motif
                  </label>
                  <select
                    id={`point-${index}-motif`}
                    value={point.reason}
                    onChange={(event) => setPoints(points.map((row, i) => (i === index ? { ...row, reason: event.target.value as ChangeReason } : row)))}
                    className="border-b-2 border-gris-texte bg-fond-alt px-2 py-1"
                  >
                    {(Object.keys(CHANGE_REASONS) as ChangeReason[]).map((key) => (
                      <option key={key} value={key}>
                        {CHANGE_REASONS[key]}
                      </option>
                    ))}
                  </select>
                </div>
                <TextField label="Précision" value={point.comment} onChange={(event) => setPoints(points.map((row, i) => (i === index ? { ...row, comment: event.target.value } : row)))} />
                <button type="button" className="text-erreur underline" onClick={() => setPoints(points.filter((_, i) => i !== index))}>
                  Retirer ce point
                </button>
              </div>
            ))}
            <button type="button" className="border border-bleu-france px-3 py-1 text-sm font-semibold" onClick={() => setPoints([...points, { key: fields[0]?.key ?? "", reason: "INCORRECT", comment: "" }])}>
              Ajouter un élément concerné
            </button>
          </fieldset>
          <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
            Envoyer la demande de complément
          </button>
        </form>
      )}

      {panel === "accept" && (
        <form
          id="panneau-accept"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (isDeposit && Object.values(amountErrors).some(Boolean)) return;
            const decided = Object.fromEntries(
              model.parts.map((part) => {
                const parsed = parseEuroAmount(amounts[part.finess] ?? "");
                return [part.finess, parsed.ok ? parsed.value : null];
              }),
            );
            run(() => acceptDossierAction({ dossierId: model.dossierId, version: model.version, amounts: isDeposit ? decided : {} }), "Le dossier est accepté ; l'établissement en est informé.");
          }}
        >
          {isDeposit ? (
            model.parts.map((part) => (
              <TextField
                key={part.finess}
                label={`Montant accordé — ${part.name} (en euros)`}
                hint={`Au plus ${part.capped === null ? "—" : formatEuros(part.capped)} (éligible écrêté aux dépenses) ; demandé : ${part.requested === null ? "—" : formatEuros(part.requested)}.`}
                inputMode="decimal"
                value={amounts[part.finess] ?? ""}
                error={amountErrors[part.finess]}
                onChange={(event) => setAmounts({ ...amounts, [part.finess]: event.target.value })}
              />
            ))
          ) : (
            <p>La candidature sera validée.</p>
          )}
          <button type="submit" disabled={pending} className="bg-succes px-4 py-2 font-semibold text-white disabled:opacity-60">
            Confirmer l&apos;acceptation
          </button>
        </form>
      )}

      {panel === "refuse" && (
        <form
          id="panneau-refuse"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => refuseDossierAction({ dossierId: model.dossierId, version: model.version, refusal: { reason } }), "Le dossier est refusé ; l'établissement en est informé.");
          }}
        >
          <div>
            <label htmlFor="motif-refus" className="block font-semibold">
              Motif du refus (obligatoire)
            </label>
            <textarea id="motif-refus" required rows={4} value={reason} onChange={(event) => setReason(event.target.value)} className="mt-1 block w-full border-b-2 border-gris-texte bg-fond-alt p-2" />
          </div>
          <button type="submit" disabled={pending} className="bg-erreur px-4 py-2 font-semibold text-white disabled:opacity-60">
            Confirmer le refus
          </button>
        </form>
      )}
    </section>
  );
}
