import type { Metadata } from "next";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { StartDossierButton } from "@/components/dossiers/start-dossier-button";
import { GuichetPhaseBadge } from "@/components/guichet-table";
import { requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { DOSSIER_NEXT_STEP } from "@/lib/dossiers/machine";
import { listDossiersForUser } from "@/lib/dossiers/service";
import { datesWithDerogations } from "@/lib/guichets/derogations";
import { daysLeftToDeposit, guichetPhase } from "@/lib/guichets/guichet-state";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Mes dossiers" };

export default async function DossiersPage() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement/dossiers");
  const db = getDb();
  const [guichets, dossiers, entities] = await Promise.all([listGuichets(db, parisDate(now())), listDossiersForUser(db, user), listLegalEntitiesForUser(db, user)]);
  // Carriers: EJ outside any GHT, and GHT support EJ (they deposit for the whole GHT).
  const carriers = entities.filter((entity) => !entity.ght || entity.ght.isSupport);
  const hospiconnect = guichets.filter((guichet) => guichet.programme === "HOSPICONNECT_HOPEN2" && guichet.kind !== "PROJECT_CALL");
  const derogations = await db.guichetDerogation.findMany({ where: { revokedAt: null, guichetId: { in: hospiconnect.map((guichet) => guichet.id) } } });
  const today = parisDate(now());
  // Each EJ sees its own dates: a derogation for its region or for itself extends the guichet.
  const datesFor = (guichet: (typeof hospiconnect)[number], carrier: { finess: string; regionCode: string }) => {
    const dates = datesWithDerogations(guichet, derogations.filter((derogation) => derogation.guichetId === guichet.id), carrier);
    return { ...dates, phase: guichetPhase(dates, today), daysLeft: daysLeftToDeposit(dates, today) };
  };
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Mes dossiers HospiConnect/HOP&apos;EN2</h1>
        <p className="mt-2">
          Candidature au dispositif puis dépôt annuel des preuves, par entité juridique
          {carriers.some((entity) => entity.ght) ? " ; l'établissement support dépose pour toutes les EJ du GHT" : ""}.
        </p>
      </div>
      {hospiconnect.map((guichet) => (
        <section key={guichet.id} aria-labelledby={`guichet-${guichet.id}`} className="border border-gris-bordure p-5">
          <h2 id={`guichet-${guichet.id}`} className="text-xl font-bold">
            {guichet.label}
          </h2>
          <p className="text-sm">
            Du {formatCalendarDate(guichet.opensOn)} au {formatCalendarDate(guichet.closesOn)} — instruction jusqu&apos;au {formatCalendarDate(guichet.instructionEndsOn)}{" "}
            <GuichetPhaseBadge phase={guichet.phase} />
            {guichet.phase === "open" && ` ${guichet.daysLeft} jour${guichet.daysLeft > 1 ? "s" : ""} restant${guichet.daysLeft > 1 ? "s" : ""}`}
          </p>
          <ul className="mt-3 space-y-3">
            {carriers.map((entity) => {
              const dossier = dossiers.find((candidate) => candidate.guichetId === guichet.id && candidate.carrierFiness === entity.finess);
              const own = datesFor(guichet, entity);
              const extended = own.closesOn !== guichet.closesOn;
              return (
                <li key={entity.finess} className="flex flex-wrap items-center justify-between gap-3 border-t border-fond-alt pt-3">
                  <div>
                    <p className="font-semibold">
                      {entity.name} {entity.ght ? `(pour les EJ du ${entity.ght.name})` : ""}
                    </p>
                    {dossier ? (
                      <p className="text-sm">
                        <Link href={`/etablissement/dossiers/${dossier.id}`}>Dossier n° {dossier.number}</Link> <DossierStatusBadge status={dossier.status} /> —{" "}
                        {DOSSIER_NEXT_STEP[dossier.status]}
                      </p>
                    ) : (
                      <p className="text-sm">Aucun dossier.</p>
                    )}
                  </div>
                  {extended && (
                    <p className="w-full text-sm font-semibold text-avertissement">
                      Délai prolongé pour cet établissement jusqu&apos;au {formatCalendarDate(own.closesOn)} —{" "}
                      {own.phase === "open" ? `ouvert, ${own.daysLeft} jour${own.daysLeft > 1 ? "s" : ""} restant${own.daysLeft > 1 ? "s" : ""}` : "fermé"}.
                    </p>
                  )}
                  {!dossier && own.phase === "open" && (
                    <StartDossierButton
                      guichetId={guichet.id}
                      carrierFiness={entity.finess}
                      label={guichet.kind === "CANDIDATURE" ? `Candidater pour ${entity.name}` : `Déposer les preuves de ${entity.name}`}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
