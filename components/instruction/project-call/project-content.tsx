import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatEuros } from "@/lib/funding/money";
import type { ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";

const cents = (value: number | null) => (value === null ? "non renseigné" : formatEuros(value));

/** The theme and the objectives retained, each with the source's expected results and what the porteur wrote. */
export function ProjectTheme({ theme, objectives }: Pick<ProjectCallReview, "theme" | "objectives">) {
  return (
    <section aria-labelledby="projet-thematique" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-thematique">Thématique et objectifs</h2>
      <p>
        Thématique : <strong>{theme?.label ?? "non choisie"}</strong>
      </p>
      {objectives.length === 0 ? (
        <p>Aucun objectif retenu.</p>
      ) : (
        objectives.map((objective) => (
          <div key={objective.code} className={fr.cx("fr-mb-3w")}>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>
              {objective.code} — {objective.label}
            </h3>
            {objective.expectedResults.length > 0 && (
              <>
                <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>Résultats attendus (cahier des charges) :</p>
                <ul className={fr.cx("fr-text--sm")}>
                  {objective.expectedResults.map((result) => (
                    <li key={result}>{result}</li>
                  ))}
                </ul>
              </>
            )}
            <p className={fr.cx("fr-mb-1v")}>Description par le porteur :</p>
            <p className="whitespace-pre-line">{objective.description || "—"}</p>
          </div>
        ))
      )}
    </section>
  );
}

/** Stakes, operational objectives and SI workstreams, the targets of June 2027 and the forecast expenses. */
export function ProjectPlan({ review }: { review: Pick<ProjectCallReview, "businessStakes" | "operationalObjectives" | "siWorkstreams" | "targets" | "forecast"> }) {
  const { forecast } = review;
  const total = forecast["2026"] !== null && forecast["2027"] !== null ? formatEuros(forecast["2026"] + forecast["2027"]) : "—";
  const subheading = fr.cx("fr-h5", "fr-mt-3w");
  return (
    <section aria-labelledby="projet-contenu" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-contenu">Contenu du projet</h2>
      <h3 className={subheading}>Enjeux métiers</h3>
      <p className="whitespace-pre-line">{review.businessStakes || "—"}</p>
      <h3 className={subheading}>Objectifs opérationnels</h3>
      <p className="whitespace-pre-line">{review.operationalObjectives || "—"}</p>
      <h3 className={subheading}>Chantiers SI envisagés</h3>
      <p className="whitespace-pre-line">{review.siWorkstreams || "—"}</p>

      <h3 className={subheading}>Cibles quantitatives et qualitatives (juin 2027)</h3>
      {review.targets.length === 0 ? (
        <p>Aucune cible.</p>
      ) : (
        <ol>
          {review.targets.map((target) => (
            <li key={target.id} className="whitespace-pre-line">
              {target.kindLabel ? <strong>{target.kindLabel} : </strong> : null}
              {target.description || "—"}
            </li>
          ))}
        </ol>
      )}

      <h3 className={subheading}>Prévisionnel de dépenses</h3>
      <Table caption="Prévisionnel de dépenses 2026 et 2027" noCaption headers={["Exercice 2026", "Exercice 2027", "Total"]} data={[[cents(forecast["2026"]), cents(forecast["2027"]), total]]} />
    </section>
  );
}
