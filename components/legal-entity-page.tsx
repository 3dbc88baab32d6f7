import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Table } from "@codegouvfr/react-dsfr/Table";
import Link from "next/link";
import type { ReactNode } from "react";
import { CombinedActivityTable } from "@/components/combined-activity-table";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { LegalEntityCard } from "@/components/legal-entity-card";
import type { LegalEntityDossierRow } from "@/lib/dossiers/legal-entity-dossiers";
import { formatEuros, type Cents } from "@/lib/funding";
import type { LegalEntityCombinedActivity } from "@/lib/reference/combined-activity-of";
import type { LegalEntitySummary } from "@/lib/reference/legal-entity-summary";

const euros = (cents: Cents | null) => (cents === null ? "—" : formatEuros(cents));

/**
 * The page of one EJ, the same for the three spaces (establishment, ARS, DNS): its reference
 * data (EG and SAE staff counts), then the dossiers it takes part in and its activité combinée.
 * Each space gives the page its place in the breadcrumb (`back`), where a dossier opens (or
 * nothing), and may add sections below.
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
    <>
      <Breadcrumb segments={[{ label: back.label, linkProps: { href: back.href } }]} currentPageLabel={entity.name} />
      <h1>
        {entity.name} <span className={fr.cx("fr-text--lead")}>(FINESS EJ {entity.finess})</span>
      </h1>
      <LegalEntityCard entity={entity} heading="Établissements géographiques et effectifs SAE" />
      <section aria-labelledby="dossiers-ej" className={fr.cx("fr-mb-4w")}>
        <h2 id="dossiers-ej" className={fr.cx("fr-h4")}>
          Dossiers
        </h2>
        {dossiers.length === 0 ? (
          <p>Aucun dossier pour cette entité juridique.</p>
        ) : (
          <Table
            noCaption
            caption={`Dossiers de ${entity.name}, guichet le plus récent d'abord`}
            headers={["Dossier", "Guichet", "Porté par", "État", "Montant demandé", "Montant accordé"]}
            data={dossiers.map((row) => [
              dossierHref && row.readable ? <Link key="numero" href={dossierHref(row.dossierId)}>{row.number}</Link> : row.number,
              row.guichetLabel,
              row.role === "party"
                ? `${row.carrierName} — projet dont cette EJ est partie prenante`
                : row.carrierFiness === entity.finess
                  ? "Cette EJ"
                  : `${row.carrierName} (support du GHT)`,
              <DossierStatusBadge key="etat" status={row.status} kind={row.guichetKind} />,
              euros(row.requested),
              euros(row.decided),
            ])}
          />
        )}
      </section>
      <section aria-labelledby="activite-ej" className={fr.cx("fr-mb-4w")}>
        <h2 id="activite-ej" className={fr.cx("fr-h4")}>
          Activité combinée (appel à projets HOP&apos;EN2)
        </h2>
        <CombinedActivityTable activity={activity} />
      </section>
      {children}
    </>
  );
}
