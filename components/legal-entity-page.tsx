import Link from "next/link";
import type { ReactNode } from "react";
import { LegalEntityCard } from "@/components/legal-entity-card";
import type { LegalEntityDossierRow } from "@/lib/dossiers/legal-entity-dossiers";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import { CombinedActivityTable } from "@/components/combined-activity-table";
import { formatEuros, type Cents } from "@/lib/funding";
import type { LegalEntityCombinedActivity } from "@/lib/reference/combined-activity-of";
import type { LegalEntitySummary } from "@/lib/reference/legal-entity-summary";

const euros = (cents: Cents | null) => (cents === null ? "—" : formatEuros(cents));

/**
 * The page of one EJ, the same for the three spaces (establishment, ARS, DNS): its reference
 * data, then the dossiers it takes part in. Each space gives its way back, where a dossier
 * opens (or nothing), and may add sections below.
 */
export function LegalEntityPage({
  entity,
  back,
  dossiers,
  dossierHref,
  activity,
  children,
}: {
  entity: LegalEntitySummary;
  back: { href: string; label: string };
  dossiers: LegalEntityDossierRow[];
  dossierHref: ((dossierId: string) => string) | null;
  activity: LegalEntityCombinedActivity[];
  children?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {entity.name} <span className="text-lg font-normal">(FINESS EJ {entity.finess})</span>
      </h1>
      <LegalEntityCard entity={entity} />
      <section aria-labelledby="dossiers-ej" className="space-y-2">
        <h2 id="dossiers-ej" className="text-xl font-bold">
          Dossiers
        </h2>
        {dossiers.length === 0 ? (
          <p>Aucun dossier pour cette entité juridique.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Dossiers de {entity.name}, guichet le plus récent d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-gris-texte">
                  <th scope="col" className="py-1 pr-3">Dossier</th>
                  <th scope="col" className="py-1 pr-3">Guichet</th>
                  <th scope="col" className="py-1 pr-3">Porté par</th>
                  <th scope="col" className="py-1 pr-3">État</th>
                  <th scope="col" className="py-1 pr-3 text-right">Montant demandé</th>
                  <th scope="col" className="py-1 text-right">Montant accordé</th>
                </tr>
              </thead>
              <tbody>
                {dossiers.map((row) => (
                  <tr key={row.dossierId} className="border-b border-gris-bordure">
                    <th scope="row" className="py-1 pr-3 font-normal">
                      {dossierHref ? <Link href={dossierHref(row.dossierId)}>{row.number}</Link> : row.number}
                    </th>
                    <td className="py-1 pr-3">{row.guichetLabel}</td>
                    <td className="py-1 pr-3">{row.carrierFiness === entity.finess ? "Cette EJ" : `${row.carrierName} (support du GHT)`}</td>
                    <td className="py-1 pr-3">{DOSSIER_STATUS_LABELS[row.status]}</td>
                    <td className="py-1 pr-3 text-right">{euros(row.requested)}</td>
                    <td className="py-1 text-right">{euros(row.decided)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="activite-ej" className="space-y-2">
        <h2 id="activite-ej" className="text-xl font-bold">
          Activité combinée (appel à projets HOP&apos;EN2)
        </h2>
        <CombinedActivityTable activity={activity} />
      </section>
      {children}
    </div>
  );
}
