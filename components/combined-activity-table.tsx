import { aapCategory, formatEuros } from "@/lib/funding";
import type { LegalEntityCombinedActivity } from "@/lib/reference/combined-activity-of";

const activityFr = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/**
 * Activité combinée of an EJ's FINESS PMSI, per year (sources 001, 002), with its AAP category:
 * the official figure, or an SAE estimate said as such. Used by the EJ pages and the simulator.
 */
export function CombinedActivityTable({ activity }: { activity: LegalEntityCombinedActivity[] }) {
  return activity.length === 0 ? (
    <p>Aucune activité combinée connue pour cet établissement (ni chiffre officiel, ni estimation SAE importée).</p>
  ) : (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Activité combinée par FINESS PMSI et par année</caption>
        <thead>
          <tr className="border-b-2 border-gris-texte">
            <th scope="col" className="py-1 pr-3">FINESS PMSI</th>
            <th scope="col" className="py-1 pr-3">Année</th>
            <th scope="col" className="py-1 pr-3 text-right">Activité combinée</th>
            <th scope="col" className="py-1 pr-3">Source</th>
            <th scope="col" className="py-1">Catégorie AAP</th>
          </tr>
        </thead>
        <tbody>
          {activity.map((row) => (
            <tr key={`${row.finessPmsi}/${row.year}`} className="border-b border-gris-bordure">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.finessPmsi} {row.level === "EJ" ? "(EJ)" : `(EG${row.siteName ? ` ${row.siteName}` : ""})`}
              </th>
              <td className="py-1 pr-3">{row.year}</td>
              <td className="py-1 pr-3 text-right">{activityFr.format(row.value)} journées</td>
              <td className="py-1 pr-3">{row.isEstimate ? <strong>Estimation à partir de la SAE — non officielle</strong> : "Chiffre officiel"}</td>
              <td className="py-1">{row.aapCategory ? `${row.aapCategory} (plafond ${formatEuros(aapCategory(row.value).cap)})` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
