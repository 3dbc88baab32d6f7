import type { Metadata } from "next";
import Link from "next/link";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Entité juridique" };

export default async function EstablishmentLegalEntityPage({ params }: { params: Promise<{ finess: string }> }) {
  const { finess } = await params;
  const user = await requireRole("ESTABLISHMENT_REFERENT", `/etablissement/ej/${finess}`);
  const entity = await loadForPage(getLegalEntityForUser(getDb(), user, finess));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/etablissement">← Mon espace établissement</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {entity.name} <span className="text-lg font-normal">(FINESS EJ {entity.finess})</span>
      </h1>
      <LegalEntityCard entity={entity} />
    </div>
  );
}
