import type { ChangePoint } from "@/lib/dossiers/instruction";
import { CHANGE_REASONS } from "@/lib/dossiers/instruction";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { FieldLink } from "./field-errors";
import { StaticAlert } from "./static-alert";

function pointText(point: ChangePoint): string {
  return `Demande de l'ARS — ${CHANGE_REASONS[point.reason]}${point.comment ? ` : ${point.comment}` : ""}`;
}

/** The ARS's open points, keyed like the form's fields, so each shows (as information) next to the field it concerns. */
export function pointsAsNotes(points: readonly ChangePoint[]): FieldErrors {
  const notes: FieldErrors = {};
  for (const point of points) (notes[point.key] ??= []).push(pointText(point));
  return notes;
}

/** The ARS's open request for changes: its message and each point, linking to its field. */
export function ChangeRequestBanner({ request }: { request: { message: string; createdAt: string; points: ChangePoint[] } }) {
  return (
    <StaticAlert
      severity="warning"
      as="h2"
      title={`Demande de complément de l'ARS du ${formatParisInstant(new Date(request.createdAt))}`}
      description={
        <>
          <p className="whitespace-pre-line fr-mb-1w">{request.message}</p>
          {request.points.length > 0 && (
            <>
              <p className="fr-mb-0">Éléments à revoir :</p>
              <ul>
                {request.points.map((point) => (
                  <li key={point.key}>
                    <FieldLink fieldKey={point.key}>{point.label}</FieldLink> — {CHANGE_REASONS[point.reason]}
                    {point.comment ? ` : ${point.comment}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="fr-mt-1w fr-mb-0">Corrigez les éléments concernés puis transmettez à nouveau le dossier à l&apos;ARS.</p>
        </>
      }
    />
  );
}

/** The request the establishment answered by transmitting again: its points read as answered while the ARS instructs. */
export function AnsweredChangeRequest({ request }: { request: { message: string; createdAt: string; answeredAt: string; points: ChangePoint[] } }) {
  return (
    <StaticAlert
      severity="info"
      as="h2"
      title={`Complément transmis à l'ARS le ${formatParisInstant(new Date(request.answeredAt))}`}
      description={
        <>
          <p className="fr-mb-1w">
            En réponse à la demande de l&apos;ARS du {formatParisInstant(new Date(request.createdAt))} : « {request.message} »
          </p>
          {request.points.length > 0 && (
            <>
              <p className="fr-mt-1w fr-mb-0">Points traités dans cette transmission :</p>
              <ul>
                {request.points.map((point) => (
                  <li key={point.key}>
                    {point.label} — {CHANGE_REASONS[point.reason]}
                    {point.comment ? ` : ${point.comment}` : ""} — <strong>répondu</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="fr-mt-1w fr-mb-0">L&apos;ARS instruit votre réponse ; vous serez informé par e-mail de la suite.</p>
        </>
      }
    />
  );
}
