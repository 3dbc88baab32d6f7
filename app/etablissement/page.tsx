import type { Metadata } from "next";
import { GuichetTable } from "@/components/guichet-table";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { requireRole } from "@/lib/auth/session";
import { now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { establishmentOverview } from "@/lib/dossiers/establishment-overview";
import { DOSSIER_NEXT_STEP } from "@/lib/dossiers/machine";
import { listDossiersForUser } from "@/lib/dossiers/service";
import { formatEuros } from "@/lib/funding";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Mon espace établissement" };

export default async function EstablishmentDashboard() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement");
  const db = getDb();
  const [entities, guichets, dossiers] = await Promise.all([listLegalEntitiesForUser(db, user), listGuichets(db, parisDate(now())), listDossiersForUser(db, user)]);
  const current = guichets.filter((guichet) => guichet.phase === "open" || guichet.phase === "upcoming");
  const overview = await establishmentOverview(
    db,
    entities.map((entity) => entity.finess),
  );
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
      <section aria-labelledby="mes-dossiers" className="space-y-2">
        <h2 id="mes-dossiers" className="text-lg font-bold">
          Mes dossiers
        </h2>
        {dossiers.length === 0 ? (
          <p>
            Aucun dossier pour l&apos;instant. <Link href="/etablissement/dossiers">Voir les guichets et déposer</Link>
          </p>
        ) : (
          <ul className="space-y-1">
            {dossiers.map((dossier) => (
              <li key={dossier.id}>
                <Link href={`/etablissement/dossiers/${dossier.id}`}>
                  {dossier.guichet.label} — dossier n° {dossier.number}
                </Link>{" "}
                <DossierStatusBadge status={dossier.status} /> <span className="text-sm">{DOSSIER_NEXT_STEP[dossier.status]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {entities.length === 0 ? (
        <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>
      ) : (
        entities.map((entity) => {
          const summary = overview.get(entity.finess);
          return (
            <div key={entity.finess} className="space-y-2">
              <LegalEntityCard entity={entity} detailHref={`/etablissement/ej/${entity.finess}`} />
              <div className="grid gap-4 border border-t-0 border-gris-bordure p-5 text-sm md:grid-cols-2">
                <div>
                  <p className="font-semibold">Autoévaluation de maturité IE</p>
                  <p>
                    {summary?.latestValidated
                      ? `Dernière validée : NRU ${summary.latestValidated.nru}`
                      : "Aucune autoévaluation validée."}
                    {summary && summary.drafts > 0 ? ` — ${summary.drafts} brouillon${summary.drafts > 1 ? "s" : ""} en cours.` : ""}{" "}
                    <Link href="/etablissement/autoevaluations">Autoévaluations</Link>
                  </p>
                </div>
                <div>
                  <p className="font-semibold">Financements HospiConnect 2026–2028</p>
                  {summary && summary.years.length > 0 ? (
                    <ul>
                      {summary.years.map((year) => (
                        <li key={year.dossierId}>
                          {year.year} : demandé {year.requested === null ? "—" : formatEuros(year.requested)}, accordé{" "}
                          {year.decided === null ? "—" : formatEuros(year.decided)} <DossierStatusBadge status={year.status} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p>Aucun dépôt de preuves pour l&apos;instant.</p>
                  )}
                </div>
              </div>
            </div>
          );
        })
      )}
    </div>
  );
}
