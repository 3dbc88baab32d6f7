import { Table } from "@codegouvfr/react-dsfr/Table";
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
    <Table
      noCaption
      caption="Activité combinée par FINESS PMSI et par année"
      headers={["FINESS PMSI", "Année", "Activité combinée", "Source", "Catégorie AAP"]}
      data={activity.map((row) => [
        `${row.finessPmsi} ${row.level === "EJ" ? "(EJ)" : `(EG${row.siteName ? ` ${row.siteName}` : ""})`}`,
        row.year,
        `${activityFr.format(row.value)} journées`,
        row.isEstimate ? <strong key="source">Estimation à partir de la SAE — non officielle</strong> : "Chiffre officiel",
        row.aapCategory ? `${row.aapCategory} (plafond ${formatEuros(aapCategory(row.value).cap)})` : "—",
      ])}
    />
  );
}
