import { formatParisInstant } from "@/lib/clock/paris-date";

/** Every transmission of a dossier with its récépissé (a yearly deposit, a candidature, an AAP project and its proofs). */
export function TransmissionsList({ dossierId, submissions }: { dossierId: string; submissions: readonly { sequence: number; submittedAt: string }[] }) {
  if (submissions.length === 0) return null;
  return (
    <section aria-labelledby="transmissions">
      <h2 id="transmissions" className="fr-h3">
        Transmissions et récépissés
      </h2>
      <ul>
        {submissions.map((submission) => (
          <li key={submission.sequence}>
            Transmission n° {submission.sequence} du {formatParisInstant(new Date(submission.submittedAt))} —{" "}
            <a href={`/api/dossiers/${dossierId}/recepisses/${submission.sequence}`}>Télécharger le récépissé (PDF)</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
