import type { FieldErrors } from "@/lib/dossiers/submission-rules";

/** The DOM id of the field a server error key points at ("parts.998400402.nru" → "champ-parts-998400402-nru"). */
export function fieldId(key: string): string {
  return `champ-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

export function FieldErrorText({ errors, name }: { errors: FieldErrors; name: string }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p id={`${fieldId(name)}-erreur`} className="mt-1 text-sm font-semibold text-erreur">
      {messages.join(" ")}
    </p>
  );
}

/** The list of every problem, each linking to its field, focused after a refused submission. */
export function ErrorSummary({ errors, message }: { errors: FieldErrors; message: string }) {
  const entries = Object.entries(errors);
  return (
    <div role="alert" tabIndex={-1} id="resume-erreurs" className="border-l-4 border-erreur bg-red-50 p-4">
      <p className="font-semibold text-erreur">{message}</p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6 text-sm">
          {entries.map(([key, messages]) => (
            <li key={key}>
              <a href={`#${fieldId(key)}`}>{messages.join(" ")}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
