import { fr } from "@codegouvfr/react-dsfr";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { dossierEventLabel } from "@/lib/dossiers/event-labels";
import type { ReviewChangeRequest, ReviewEvent, ReviewSubmission } from "@/lib/instruction/dossier-review";
import { CHANGE_REQUEST_REASON_LABELS } from "@/lib/instruction/instruction-model";
import { SnapshotDiffView } from "./snapshot-diff-view";

const CHANGE_REQUEST_STATUS_LABELS = { OPEN: "En attente de l'établissement", ANSWERED: "Répondue", WITHDRAWN: "Retirée" } as const;

/** Each submission (with what changed), each change request, each transition with its author and time. */
export function DossierHistory({
  dossierId,
  submissions,
  changeRequests,
  events,
  nameOf,
  instructor = "l'ARS",
}: {
  dossierId: string;
  submissions: ReviewSubmission[];
  changeRequests: ReviewChangeRequest[];
  events: ReviewEvent[];
  nameOf: (finess: string) => string;
  /** Who instructs, with its article: « l'ARS » (default) or « l'ANS ». */
  instructor?: string;
}) {
  const subheading = fr.cx("fr-h4", "fr-mt-4w");
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique</h2>

      <h3 className={subheading}>Transmissions</h3>
      {submissions.length === 0 ? (
        <p>Aucune transmission enregistrée.</p>
      ) : (
        <ol>
          {submissions.map((submission) => (
            <li key={submission.sequence} className={fr.cx("fr-mb-2w")}>
              <p className={fr.cx("fr-mb-1v")}>
                <strong>Transmission n° {submission.sequence}</strong> le {formatParisInstant(submission.submittedAt)} par {submission.submittedBy.name} (
                {submission.submittedBy.email}) — {submission.snapshot.documents.length} document{submission.snapshot.documents.length > 1 ? "s" : ""} —{" "}
                <a href={`/api/dossiers/${dossierId}/recepisses/${submission.sequence}`} className={fr.cx("fr-link")}>
                  récépissé (PDF)<span className={fr.cx("fr-sr-only")}> de la transmission n° {submission.sequence}</span>
                </a>
              </p>
              {submission.changes && (
                <details>
                  <summary className={fr.cx("fr-link")}>
                    Modifications depuis la transmission n° {submission.changes.fromSequence}
                    {submission.changes.unchanged ? " (aucune)" : ""}
                  </summary>
                  <div className={fr.cx("fr-mt-2w")}>
                    <SnapshotDiffView diff={submission.changes} nameOf={nameOf} heading="h4" />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}

      <h3 className={subheading}>Demandes de complément</h3>
      {changeRequests.length === 0 ? (
        <p>Aucune demande de complément.</p>
      ) : (
        <ol>
          {changeRequests.map((request) => (
            <li key={request.id} className={fr.cx("fr-mb-2w")}>
              <p className={fr.cx("fr-mb-1v")}>
                <strong>Demande du {formatParisInstant(request.createdAt)}</strong> par {request.createdBy} — {CHANGE_REQUEST_STATUS_LABELS[request.status]}
                {request.closedAt ? ` le ${formatParisInstant(request.closedAt)}` : ""}
                {request.answeredBy ? ` (transmission n° ${request.answeredBy.sequence})` : ""}
              </p>
              <p className={`${fr.cx("fr-mb-1v")} whitespace-pre-line`}>{request.message}</p>
              {request.points.length > 0 && (
                <ul className={fr.cx("fr-text--sm")}>
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

      <h3 className={subheading}>Changements de statut</h3>
      <ol>
        {events.map((event) => (
          <li key={event.id}>
            <strong>{formatParisInstant(event.at)}</strong> — {dossierEventLabel(event, instructor)} — {event.actor} ({ROLE_LABELS[event.actorRole]})
            {event.message ? (
              <>
                <br />
                <span className={`${fr.cx("fr-text--sm")} whitespace-pre-line`}>« {event.message} »</span>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
