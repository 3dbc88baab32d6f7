import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import type { ReviewChangeRequest, ReviewEvent, ReviewSubmission } from "@/lib/instruction/dossier-review";
import { CHANGE_REQUEST_REASON_LABELS } from "@/lib/instruction/instruction-model";
import { SnapshotDiffView } from "./snapshot-diff-view";

/** DossierEvent.type: the establishment's events, the ARS transitions of lib/dossiers/instruction, and the demo seed's. */
const EVENT_LABELS: Record<string, string> = {
  CREATED: "Dossier créé",
  SUBMITTED: "Dossier transmis à l'ARS",
  RESUBMITTED: "Dossier transmis à nouveau après complément",
  REQUEST_CHANGES: "Complément demandé par l'ARS",
  WITHDRAW_CHANGE_REQUEST: "Demande de complément retirée par l'ARS",
  ACCEPT: "Dossier accepté",
  REFUSE: "Dossier refusé",
  ACCEPTED: "Dossier accepté",
  REFUSED: "Dossier refusé",
};

const CHANGE_REQUEST_STATUS_LABELS = { OPEN: "En attente de l'établissement", ANSWERED: "Répondue", WITHDRAWN: "Retirée" } as const;

function eventLabel(event: ReviewEvent): string {
  return EVENT_LABELS[event.type] ?? (event.toStatus ? `Passage au statut « ${DOSSIER_STATUS_LABELS[event.toStatus]} »` : event.type);
}

/** Each submission (with what changed), each change request, each transition with its author and time. */
export function DossierHistory({
  dossierId,
  submissions,
  changeRequests,
  events,
  nameOf,
}: {
  dossierId: string;
  submissions: ReviewSubmission[];
  changeRequests: ReviewChangeRequest[];
  events: ReviewEvent[];
  nameOf: (finess: string) => string;
}) {
  return (
    <section aria-labelledby="historique" className="space-y-6">
      <h2 id="historique" className="text-2xl font-bold">
        Historique
      </h2>

      <div className="space-y-3">
        <h3 className="text-lg font-bold">Transmissions</h3>
        {submissions.length === 0 ? (
          <p>Aucune transmission enregistrée.</p>
        ) : (
          <ol className="space-y-3">
            {submissions.map((submission) => (
              <li key={submission.sequence} className="border-l-4 border-bleu-france pl-3">
                <p>
                  <span className="font-semibold">Transmission n° {submission.sequence}</span> le {formatParisInstant(submission.submittedAt)} par {submission.submittedBy.name} (
                  {submission.submittedBy.email}) — {submission.snapshot.documents.length} document{submission.snapshot.documents.length > 1 ? "s" : ""} —{" "}
                  <a href={`/api/dossiers/${dossierId}/recepisses/${submission.sequence}`}>récépissé (PDF)</a>
                </p>
                {submission.changes && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-bleu-france underline">
                      Modifications depuis la transmission n° {submission.changes.fromSequence}
                      {submission.changes.unchanged ? " (aucune)" : ""}
                    </summary>
                    <div className="mt-2">
                      <SnapshotDiffView diff={submission.changes} nameOf={nameOf} heading="h4" />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-bold">Demandes de complément</h3>
        {changeRequests.length === 0 ? (
          <p>Aucune demande de complément.</p>
        ) : (
          <ol className="space-y-3">
            {changeRequests.map((request) => (
              <li key={request.id} className="border-l-4 border-avertissement pl-3">
                <p>
                  <span className="font-semibold">Demande du {formatParisInstant(request.createdAt)}</span> par {request.createdBy} —{" "}
                  {CHANGE_REQUEST_STATUS_LABELS[request.status]}
                  {request.closedAt ? ` le ${formatParisInstant(request.closedAt)}` : ""}
                  {request.answeredBy ? ` (transmission n° ${request.answeredBy.sequence})` : ""}
                </p>
                <p className="whitespace-pre-line">{request.message}</p>
                {request.points.length > 0 && (
                  <ul className="list-disc pl-6 text-sm">
                    {request.points.map((point) => (
                      <li key={point.key}>
                        {point.label} — {CHANGE_REQUEST_REASON_LABELS[point.reason]}
                        {point.comment ? ` : ${point.comment}` : ""}
                        {request.answeredBy && (request.answeredBy.touched.includes(point.key) ? " — modifié à la transmission suivante" : " — inchangé à la transmission suivante")}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-bold">Changements de statut</h3>
        <ol className="space-y-1">
          {events.map((event) => (
            <li key={event.id}>
              <span className="font-semibold">{formatParisInstant(event.at)}</span> — {eventLabel(event)} — {event.actor} ({ROLE_LABELS[event.actorRole]})
              {event.message ? <span className="block whitespace-pre-line pl-4 text-sm">« {event.message} »</span> : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
