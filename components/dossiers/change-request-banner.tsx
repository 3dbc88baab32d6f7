import type { ChangePoint } from "@/lib/dossiers/instruction";
import { CHANGE_REASONS } from "@/lib/dossiers/instruction";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { ARS_WORDS, type InstructorWords } from "@/lib/dossiers/instructor-words";
import { FieldLink } from "./field-errors";
import { StaticAlert } from "./static-alert";

function pointText(point: ChangePoint, w: InstructorWords): string {
  return `Demande de ${w.the} — ${CHANGE_REASONS[point.reason]}${point.comment ? ` : ${point.comment}` : ""}`;
}

/** The ARS's open points, keyed like the form's fields, so each shows (as information) next to the field it concerns. */
export function pointsAsNotes(points: readonly ChangePoint[], instructor: InstructorWords = ARS_WORDS): FieldErrors {
  const notes: FieldErrors = {};
  for (const point of points) (notes[point.key] ??= []).push(pointText(point, instructor));
  return notes;
}

/** The ARS's open request for changes: its message and each point, linking to its field. */
export function ChangeRequestBanner({ request, instructor: w = ARS_WORDS }: { request: { message: string; createdAt: string; points: ChangePoint[] }; instructor?: InstructorWords }) {
  return (
    <StaticAlert
      severity="warning"
      as="h2"
      title={`Demande de complément de ${w.the} du ${formatParisInstant(new Date(request.createdAt))}`}
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
          <p className="fr-mt-1w fr-mb-0">Corrigez les éléments concernés puis transmettez à nouveau le dossier à {w.the}.</p>
        </>
      }
    />
  );
}

/** The request the establishment answered by transmitting again: its points read as answered while the ARS instructs. */
export function AnsweredChangeRequest({ request, instructor: w = ARS_WORDS }: { request: { message: string; createdAt: string; answeredAt: string; points: ChangePoint[] }; instructor?: InstructorWords }) {
  return (
    <StaticAlert
      severity="info"
      as="h2"
      title={`Complément transmis à ${w.the} le ${formatParisInstant(new Date(request.answeredAt))}`}
      description={
        <>
          <p className="fr-mb-1w">
            En réponse à la demande de {w.the} du {formatParisInstant(new Date(request.createdAt))} : « {request.message} »
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
          <p className="fr-mt-1w fr-mb-0">{w.the.charAt(0).toUpperCase() + w.the.slice(1)} instruit votre réponse ; vous serez informé par e-mail de la suite.</p>
        </>
      }
    />
  );
}
