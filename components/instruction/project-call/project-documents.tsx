import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";
import { DocumentList } from "../document-list";

/** The industrial partners with their commitment letters, the GHT validations, and any other document of the transmission. */
export function ProjectDocuments({ review }: { review: Pick<ProjectCallReview, "partners" | "ghtValidations" | "otherDocuments"> }) {
  const subheading = fr.cx("fr-h5", "fr-mt-3w");
  return (
    <section aria-labelledby="projet-pieces" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-pieces">Partenaires et pièces</h2>
      <h3 className={subheading}>Partenaires industriels et lettres d&apos;engagement</h3>
      {review.partners.length === 0 ? (
        <p>Aucun partenaire industriel.</p>
      ) : (
        review.partners.map((partner, index) => (
          <div key={partner.id} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>{partner.name || `Partenaire n° ${index + 1}`}</p>
            <DocumentList documents={partner.letters} />
          </div>
        ))
      )}

      <h3 className={subheading}>Validation du projet à l&apos;échelle du GHT</h3>
      {review.ghtValidations.length === 0 ? (
        <p>Aucun établissement public membre d&apos;un GHT dans le périmètre : pas de validation attendue.</p>
      ) : (
        review.ghtValidations.map((ght) => (
          <div key={ght.ghtId} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>
              {ght.name}
              {!ght.required && (
                <>
                  {" "}
                  <Badge as="span" small noIcon>
                    non requise à ce jour
                  </Badge>
                </>
              )}
            </p>
            <DocumentList documents={ght.documents} />
          </div>
        ))
      )}

      {review.otherDocuments.length > 0 && (
        <>
          <h3 className={subheading}>Autres pièces transmises</h3>
          <DocumentList documents={review.otherDocuments} />
        </>
      )}
    </section>
  );
}
