import type { ChangePoint } from "@/lib/dossiers/instruction";
import { CHANGE_REASONS } from "@/lib/dossiers/instruction";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { fieldId } from "./field-errors";

function pointText(point: ChangePoint): string {
  return `Demande de l'ARS — ${CHANGE_REASONS[point.reason]}${point.comment ? ` : ${point.comment}` : ""}`;
}

/** The ARS's points, keyed like the form's fields, so each shows next to the field it concerns. */
export function pointsAsErrors(points: ChangePoint[], extra: FieldErrors = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const point of points) (errors[point.key] ??= []).push(pointText(point));
  for (const [key, messages] of Object.entries(extra)) (errors[key] ??= []).push(...messages);
  return errors;
}

export function ChangeRequestBanner({ request }: { request: { message: string; createdAt: string; points: ChangePoint[] } }) {
  return (
    <section aria-labelledby="demande-complement" className="space-y-2 border-l-4 border-avertissement bg-orange-50 p-4">
      <h2 id="demande-complement" className="text-lg font-bold text-avertissement">
        Demande de complément de l&apos;ARS du {formatParisInstant(new Date(request.createdAt))}
      </h2>
      <p className="whitespace-pre-line">{request.message}</p>
      {request.points.length > 0 && (
        <ul className="list-disc pl-6 text-sm">
          {request.points.map((point) => (
            <li key={point.key}>
              <a href={`#${fieldId(point.key)}`}>{point.label}</a> — {CHANGE_REASONS[point.reason]}
              {point.comment ? ` : ${point.comment}` : ""}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm">Corrigez les éléments concernés puis transmettez à nouveau le dossier à l&apos;ARS.</p>
    </section>
  );
}
