import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatEuros } from "@/lib/funding/money";
import type { ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";
import { formatActivity } from "./format";

const UNKNOWN = "inconnu du référentiel";

/** The porteur, the perimeter's EG with their EJ, FINESS PMSI and activité combinée, and the category the cumulated activity gives. */
export function ProjectPerimeter({ review }: { review: Pick<ProjectCallReview, "porteur" | "perimeter" | "combinedActivity" | "category"> }) {
  const { porteur, perimeter, combinedActivity, category } = review;
  return (
    <section aria-labelledby="projet-perimetre" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-perimetre">Porteur et périmètre</h2>
      <p>
        Établissement porteur (chef de file) : <strong>{porteur.name ?? UNKNOWN}</strong> — FINESS PMSI {porteur.finessPmsi || "non renseigné"}
      </p>
      {perimeter.length === 0 ? (
        <p>Aucun établissement géographique dans le périmètre transmis.</p>
      ) : (
        <Table
          caption="Établissements géographiques du périmètre"
          headers={["Établissement géographique (FINESS EG)", "Entité juridique (FINESS EJ)", "FINESS PMSI", "Activité combinée"]}
          data={perimeter.map((site) => [
            <>
              {site.siteName ?? UNKNOWN}
              <br />
              <span className={fr.cx("fr-text--xs")}>{site.siteFiness}</span>
            </>,
            <>
              {site.legalEntityName ?? UNKNOWN}
              <br />
              <span className={fr.cx("fr-text--xs")}>{site.legalEntityFiness || "—"}</span>
            </>,
            site.finessPmsi ?? "—",
            site.activity && site.activity.value !== null ? (
              <>
                {formatActivity(site.activity.value)}
                {site.activity.year !== null ? ` (${site.activity.year})` : ""}
                {site.activity.isEstimate && (
                  <>
                    {" "}
                    <Badge as="span" small severity="info" noIcon>
                      estimation SAE
                    </Badge>
                  </>
                )}
              </>
            ) : (
              "inconnue"
            ),
          ])}
        />
      )}
      <p className={fr.cx("fr-mb-1v")}>
        Activité combinée cumulée des FINESS PMSI du périmètre : <strong>{combinedActivity === null ? "inconnue" : formatActivity(combinedActivity)}</strong>
        {perimeter.some((site) => site.activity?.isEstimate) ? " (dont des estimations SAE)" : ""}
      </p>
      <p>
        {category.known ? (
          <>
            Catégorie <strong>{category.category}</strong> — plafond de la catégorie {category.category} : <strong>{formatEuros(category.capCents)}</strong>
          </>
        ) : (
          <>Catégorie indéterminée : activité combinée inconnue pour {category.missingFinessPmsi.length > 0 ? `le FINESS PMSI ${category.missingFinessPmsi.join(", ")}` : "le périmètre"}.</>
        )}
      </p>
    </section>
  );
}
