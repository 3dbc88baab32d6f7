import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import Link from "next/link";
import { formatEuros, hospiconnectProgrammeCeiling } from "@/lib/funding";
import { LEGAL_STATUS_LABELS, type LegalEntitySummary } from "@/lib/reference/legal-entity-summary";

const numberFr = new Intl.NumberFormat("fr-FR");

/**
 * An EJ with its EG, the SAE staff counts retained and the HospiConnect ceiling (source 000).
 * A region named by its heading: the EJ's name, or `heading` where the page's title already
 * names the EJ.
 */
export function LegalEntityCard({ entity, detailHref, heading }: { entity: LegalEntitySummary; detailHref?: string; heading?: string }) {
  const headingId = `ej-${entity.finess}`;
  const facts: [string, string][] = [
    ["FINESS EJ", entity.finess],
    ["Statut", LEGAL_STATUS_LABELS[entity.legalStatus]],
    ["Région (ARS)", entity.regionName],
    ["GHT", entity.ght ? `${entity.ght.name}${entity.ght.isSupport ? " — établissement support" : ""}` : "Hors GHT"],
    ["Effectif SAE retenu", `${numberFr.format(entity.headcount)} agents`],
    ["Montant plafond annuel HospiConnect", `${formatEuros(entity.annualCeiling)} (sur 3 ans : ${formatEuros(hospiconnectProgrammeCeiling(entity.headcount))})`],
  ];
  return (
    <section aria-labelledby={headingId} className={fr.cx("fr-mb-4w")}>
      <h2 id={headingId} className={fr.cx("fr-h4")}>
        {detailHref ? <Link href={detailHref}>{heading ?? entity.name}</Link> : (heading ?? entity.name)}
      </h2>
      <dl className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}>
        {facts.map(([term, value]) => (
          <div key={term} className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <dt className={`${fr.cx("fr-text--bold", "fr-text--sm")} inline`}>{term} : </dt>
            <dd className={`${fr.cx("fr-text--sm")} inline`}>{value}</dd>
          </div>
        ))}
      </dl>
      <Table
        className={fr.cx("fr-mb-0")}
        caption="Établissements géographiques (EG) et effectifs SAE"
        headers={["FINESS EG", "Nom", "Catégorie", "Année SAE retenue", "Salariés", "Libéraux", "Effectif"]}
        data={entity.sites.map((site) => {
          const retained = site.staffCounts.find((count) => count.year === site.saeYear);
          return [
            site.finess,
            `${site.name}${site.city ? ` (${site.city})` : ""}`,
            site.listedInFiness ? (site.categoryLabel ?? site.category) : "Non répertoriée",
            site.saeYear ?? "Aucune déclaration",
            retained ? numberFr.format(retained.salaried) : "—",
            retained ? numberFr.format(retained.liberal) : "—",
            numberFr.format(site.headcount),
          ];
        })}
      />
    </section>
  );
}
