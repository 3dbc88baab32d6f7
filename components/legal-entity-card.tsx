import Link from "next/link";
import { formatEuros, hospiconnectProgrammeCeiling } from "@/lib/funding";
import { LEGAL_STATUS_LABELS, type LegalEntitySummary } from "@/lib/reference/legal-entity-summary";

const numberFr = new Intl.NumberFormat("fr-FR");

/** An EJ with its EG, the SAE staff counts retained and the HospiConnect ceiling. */
export function LegalEntityCard({ entity, detailHref }: { entity: LegalEntitySummary; detailHref?: string }) {
  const headingId = `ej-${entity.finess}`;
  return (
    <section aria-labelledby={headingId} className="border border-gris-bordure p-5">
      <h2 id={headingId} className="text-xl font-bold">
        {detailHref ? <Link href={detailHref}>{entity.name}</Link> : entity.name}
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline font-semibold">FINESS EJ : </dt>
          <dd className="inline">{entity.finess}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Statut : </dt>
          <dd className="inline">{LEGAL_STATUS_LABELS[entity.legalStatus]}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Région (ARS) : </dt>
          <dd className="inline">{entity.regionName}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">GHT : </dt>
          <dd className="inline">
            {entity.ght ? `${entity.ght.name}${entity.ght.isSupport ? " — établissement support" : ""}` : "Hors GHT"}
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">Effectif SAE retenu : </dt>
          <dd className="inline">{numberFr.format(entity.headcount)} agents</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Montant plafond annuel HospiConnect : </dt>
          <dd className="inline">
            {formatEuros(entity.annualCeiling)} (sur 3 ans : {formatEuros(hospiconnectProgrammeCeiling(entity.headcount))})
          </dd>
        </div>
      </dl>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">Établissements géographiques (EG) et effectifs SAE</caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-1 pr-3">FINESS EG</th>
              <th scope="col" className="py-1 pr-3">Nom</th>
              <th scope="col" className="py-1 pr-3">Catégorie</th>
              <th scope="col" className="py-1 pr-3">Année SAE retenue</th>
              <th scope="col" className="py-1 pr-3 text-right">Salariés</th>
              <th scope="col" className="py-1 pr-3 text-right">Libéraux</th>
              <th scope="col" className="py-1 text-right">Effectif</th>
            </tr>
          </thead>
          <tbody>
            {entity.sites.map((site) => {
              const retained = site.staffCounts.find((count) => count.year === site.saeYear);
              return (
                <tr key={site.finess} className="border-b border-gris-bordure">
                  <td className="py-1 pr-3">{site.finess}</td>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {site.name}
                    {site.city ? ` (${site.city})` : ""}
                  </th>
                  <td className="py-1 pr-3">{site.categoryLabel ?? site.category}</td>
                  <td className="py-1 pr-3">{site.saeYear ?? "Aucune déclaration"}</td>
                  <td className="py-1 pr-3 text-right">{retained ? numberFr.format(retained.salaried) : "—"}</td>
                  <td className="py-1 pr-3 text-right">{retained ? numberFr.format(retained.liberal) : "—"}</td>
                  <td className="py-1 text-right">{numberFr.format(site.headcount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
