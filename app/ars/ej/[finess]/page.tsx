import type { Metadata } from "next";
import Link from "next/link";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Entité juridique — instruction" };

export default async function InstructorLegalEntityPage({ params }: { params: Promise<{ finess: string }> }) {
  const { finess } = await params;
  const user = await requireRole("ARS_INSTRUCTOR", `/ars/ej/${finess}`);
  const entity = await loadForPage(getLegalEntityForUser(getDb(), user, finess));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/ars">← Établissements de la région</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {entity.name} <span className="text-lg font-normal">(FINESS EJ {entity.finess})</span>
      </h1>
      <LegalEntityCard entity={entity} />
    </div>
  );
}
