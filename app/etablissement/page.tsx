import type { Metadata } from "next";
import { GuichetTable } from "@/components/guichet-table";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { requireRole } from "@/lib/auth/session";
import { now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Mon espace établissement" };

export default async function EstablishmentDashboard() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement");
  const db = getDb();
  const [entities, guichets] = await Promise.all([listLegalEntitiesForUser(db, user), listGuichets(db, parisDate(now()))]);
  const current = guichets.filter((guichet) => guichet.phase === "open" || guichet.phase === "upcoming");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Mon espace établissement</h1>
        <p className="mt-2">
          {entities.length > 1
            ? `Vous agissez pour ${entities.length} entités juridiques.`
            : "Vous agissez pour l'entité juridique ci-dessous."}
        </p>
      </div>
      <GuichetTable guichets={current} caption="Guichets ouverts et à venir" />
      {entities.length === 0 ? (
        <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>
      ) : (
        entities.map((entity) => <LegalEntityCard key={entity.finess} entity={entity} detailHref={`/etablissement/ej/${entity.finess}`} />)
      )}
    </div>
  );
}
