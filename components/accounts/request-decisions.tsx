"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmAction } from "@/components/admin/confirm-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { RequestToDecide } from "@/lib/accounts/account-requests";
import { REFUSAL_REASON_MIN_LENGTH, type DecideRequestInput } from "@/lib/accounts/request-schemas";

/** A request to decide as the page passes it: its dates already formatted (Paris time). */
export type RequestRow = Omit<RequestToDecide, "emailConfirmedAt" | "createdAt"> & { confirmedAt: string };

type Decide = (input: DecideRequestInput) => Promise<ActionResult<{ status: "APPROVED" | "REFUSED" }>>;

/**
 * The confirmed account requests the user may decide on: accept (after confirmation) or refuse
 * with a reason that is e-mailed to the person. The page passes the server action of its space.
 */
export function RequestDecisions({ requests, decide, headingLevel = 3 }: { requests: RequestRow[]; decide: Decide; headingLevel?: 2 | 3 }) {
  if (requests.length === 0) return <p>Aucune demande de compte n&apos;attend de décision.</p>;
  return (
    <ul className={fr.cx("fr-raw-list")}>
      {requests.map((request) => (
        <li key={request.id} className={fr.cx("fr-mb-4w")}>
          <RequestDecision request={request} decide={decide} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

function RequestDecision({ request, decide, headingLevel }: { request: RequestRow; decide: Decide; headingLevel: 2 | 3 }) {
  const router = useRouter();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const panelId = `refus-${request.id}`;
  const run = (input: DecideRequestInput) =>
    startTransition(async () => {
      const result = await decide(input);
      if (result.ok) {
        setMessage(result.data.status === "APPROVED" ? `Demande acceptée : ${request.email} reçoit un lien pour choisir son mot de passe.` : "Demande refusée : le motif a été envoyé.");
        router.refresh();
      } else {
        setReasonError(result.fieldErrors?.reason?.join(" ") ?? null);
        setMessage(result.message);
      }
    });
  return (
    <section aria-labelledby={`demande-${request.id}`}>
      <Heading id={`demande-${request.id}`} className={fr.cx("fr-h6", "fr-mb-1w")}>
        {request.name} — {request.legalEntityName}
      </Heading>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {request.email} · {request.jobTitle} · FINESS EJ {request.legalEntityFiness}
        {request.requestedFiness !== request.legalEntityFiness && ` (demandé avec le FINESS EG ${request.requestedFiness})`} · adresse confirmée le {request.confirmedAt}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <ConfirmAction
          modalId={`accepter-${request.id}`}
          trigger="Accepter"
          triggerTitle={`Accepter la demande de ${request.name}`}
          title="Accepter cette demande ?"
          confirmLabel="Accepter la demande"
          priority="primary"
          disabled={pending}
          onConfirm={() => run({ requestId: request.id, decision: "approve" })}
        >
          <p>
            {request.name} ({request.email}) pourra agir pour {request.legalEntityName} : voir et compléter ses dossiers. Un lien pour choisir son mot de passe lui est envoyé.
          </p>
        </ConfirmAction>
        <Button
          type="button"
          size="small"
          priority="secondary"
          disabled={pending}
          nativeButtonProps={{ "aria-expanded": refusing, "aria-controls": panelId, "aria-label": `Refuser la demande de ${request.name}` }}
          onClick={() => setRefusing((open) => !open)}
        >
          Refuser…
        </Button>
      </div>
      {refusing && (
        <form
          id={panelId}
          noValidate
          className={fr.cx("fr-mt-2w")}
          onSubmit={(event) => {
            event.preventDefault();
            run({ requestId: request.id, decision: "refuse", reason });
          }}
        >
          <Input
            textArea
            label="Motif du refus"
            hintText={`Envoyé par e-mail à la personne. ${REFUSAL_REASON_MIN_LENGTH} caractères au moins.`}
            state={reasonError ? "error" : "default"}
            stateRelatedMessage={reasonError ?? undefined}
            nativeTextAreaProps={{
              id: `motif-${request.id}`,
              required: true,
              value: reason,
              onChange: (event) => {
                setReason(event.target.value);
                setReasonError(null);
              },
            }}
          />
          <Button type="submit" size="small" disabled={pending}>
            Confirmer le refus
          </Button>
        </form>
      )}
      <p role="status" className={fr.cx("fr-text--sm", "fr-mt-1w")}>
        {message}
      </p>
    </section>
  );
}
