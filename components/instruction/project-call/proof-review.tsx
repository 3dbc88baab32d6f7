import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { formatParisInstant } from "@/lib/clock/paris-date";
import type { ProjectProofTargetView } from "@/lib/dossiers/kinds/project-call/review";
import { DocumentList } from "../document-list";

function Reached({ reached }: { reached: boolean | null }) {
  if (reached === null) return <Badge as="span" small>Non renseignée</Badge>;
  return reached ? (
    <Badge as="span" small severity="success">
      Cible atteinte
    </Badge>
  ) : (
    <Badge as="span" small severity="error">
      Cible non atteinte
    </Badge>
  );
}

/** The proofs of June 2027 as transmitted: per target, reached or not, the porteur's comment and its proof documents. */
export function ProofReview({ targets, transmission }: { targets: ProjectProofTargetView[]; transmission: { sequence: number; submittedAt: string } | null }) {
  const reached = targets.filter((target) => target.reached === true).length;
  return (
    <section aria-labelledby="preuves-cibles" className={fr.cx("fr-mb-4w")}>
      <h2 id="preuves-cibles">Preuves d&apos;atteinte des cibles</h2>
      <p>
        {transmission ? `Transmission n° ${transmission.sequence} du ${formatParisInstant(new Date(transmission.submittedAt))} : ` : ""}
        {reached} cible{reached > 1 ? "s" : ""} atteinte{reached > 1 ? "s" : ""} sur {targets.length}.
      </p>
      {targets.length === 0 ? (
        <p>Aucune cible n&apos;a été transmise avec le projet.</p>
      ) : (
        <ol>
          {targets.map((target, index) => (
            <li key={target.id} className={fr.cx("fr-mb-3w")}>
              <h3 className={fr.cx("fr-h6", "fr-mb-1v")}>
                Cible n° {index + 1}
                {target.kindLabel ? ` — ${target.kindLabel.toLowerCase()}` : ""}
              </h3>
              <p className={`${fr.cx("fr-mb-1v")} whitespace-pre-line`}>{target.description || "—"}</p>
              <p className={fr.cx("fr-mb-1v")}>
                <Reached reached={target.reached} />
              </p>
              <p className={`${fr.cx("fr-mb-1v")} whitespace-pre-line`}>Commentaire du porteur : {target.comment || "aucun"}</p>
              <DocumentList documents={target.documents} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
