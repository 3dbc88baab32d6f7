import type { Metadata } from "next";
import { LegalEntityPage } from "@/components/legal-entity-page";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossiersOfLegalEntity } from "@/lib/dossiers/legal-entity-dossiers";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Entité juridique" };

export default async function EstablishmentLegalEntityPage({ params }: { params: Promise<{ finess: string }> }) {
  const { finess } = await params;
  const user = await requireRole("ESTABLISHMENT_REFERENT", `/etablissement/ej/${finess}`);
  const db = getDb();
  const entity = await loadForPage(getLegalEntityForUser(db, user, finess));
  const [dossiers, activity] = await Promise.all([dossiersOfLegalEntity(db, user, entity.finess), combinedActivityOfLegalEntity(db, entity.finess)]);
  return (
    <LegalEntityPage entity={entity} back={{ href: "/etablissement", label: "Mon espace établissement" }} dossiers={dossiers} activity={activity} dossierHref={(id) => `/etablissement/dossiers/${id}`} />
  );
}
