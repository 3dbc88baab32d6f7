import type { Metadata } from "next";
import { LegalEntityReferents } from "@/components/admin/legal-entity-referents";
import { LegalEntityPage } from "@/components/legal-entity-page";
import { referentsOfLegalEntity } from "@/lib/admin/accounts";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossiersOfLegalEntity } from "@/lib/dossiers/legal-entity-dossiers";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Entité juridique — Administration DNS" };

/** The drill-down of the national follow-up into one EJ: reference data, dossiers and amounts, referents. */
export default async function AdminLegalEntityPage({ params }: { params: Promise<{ finess: string }> }) {
  const { finess } = await params;
  const user = await requireRole("DNS_ADMIN", `/admin/ej/${finess}`);
  const db = getDb();
  const entity = await loadForPage(getLegalEntityForUser(db, user, finess));
  const [dossiers, activity, referents] = await Promise.all([
    dossiersOfLegalEntity(db, user, entity.finess),
    combinedActivityOfLegalEntity(db, entity.finess),
    referentsOfLegalEntity(db, user, entity.finess),
  ]);
  return (
    <LegalEntityPage entity={entity} back={{ href: "/admin/suivi", label: "Suivi national" }} dossiers={dossiers} activity={activity} dossierHref={null}>
      {referents && <LegalEntityReferents entity={referents} headingLevel={2} />}
    </LegalEntityPage>
  );
}
