import { fr } from "@codegouvfr/react-dsfr";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { Metadata } from "next";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { NextActionView } from "@/components/establishment/next-action";
import { GuichetTable, daysLeftText } from "@/components/guichet-table";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { establishmentOverview } from "@/lib/dossiers/establishment-overview";
import { currentGuichets, guichetsOfEntities, type GuichetOfEntity } from "@/lib/dossiers/establishment-guichets";
import { dossierNextStep } from "@/lib/dossiers/machine";
import { listDossiersForUser } from "@/lib/dossiers/service";
import { formatEuros } from "@/lib/funding";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Mon espace établissement" };

/** « Jalon juin 2026 — ouvert jusqu'au 26 juin 2026 (26 jours restants) », with this EJ's own dates. */
function guichetLine(row: GuichetOfEntity): string {
  const { own } = row;
  switch (own.phase) {
    case "open":
      return `ouvert jusqu'au ${formatCalendarDate(own.closesOn)} inclus (${daysLeftText(own.daysLeft)})${own.extended ? ", délai prolongé pour cet établissement" : ""}`;
    case "instruction":
      return `fermé aux dépôts, instruction jusqu'au ${formatCalendarDate(own.instructionEndsOn)}`;
    case "upcoming":
      return `ouvre le ${formatCalendarDate(own.opensOn)}`;
    case "finished":
      return "terminé";
  }
}

export default async function EstablishmentDashboard() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement");
  const db = getDb();
  const today = parisDate(now());
  const [entities, guichets, dossiers] = await Promise.all([listLegalEntitiesForUser(db, user), listGuichets(db, today), listDossiersForUser(db, user)]);
  const [actions, overview] = await Promise.all([
    guichetsOfEntities(db, user, entities, guichets, today),
    establishmentOverview(
      db,
      entities.map((entity) => entity.finess),
    ),
  ]);
  const current = guichets.filter((guichet) => guichet.phase === "open" || guichet.phase === "upcoming");
  return (
    <>
      <h1>Mon espace établissement</h1>
      <p className={fr.cx("fr-text--lead")}>
        {entities.length > 1 ? `Vous agissez pour ${entities.length} entités juridiques.` : "Vous agissez pour l'entité juridique ci-dessous."}
      </p>

      {actions.length > 0 && (
        <section aria-labelledby="a-faire" className={fr.cx("fr-mb-6w")}>
          <h2 id="a-faire">À faire maintenant</h2>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            {actions.map((entity) => {
              const { current: open, upcoming } = currentGuichets(entity);
              return (
                <div key={entity.finess} className={fr.cx("fr-col-12", actions.length > 1 ? "fr-col-lg-6" : "fr-col-12")}>
                  <CallOut title={entity.ghtName ? `${entity.name} (pour les EJ du ${entity.ghtName})` : entity.name} titleAs="h3" bodyAs="div" className={fr.cx("fr-mb-0")}>
                    {open.map((row) => (
                      <div key={row.guichet.id} className={fr.cx("fr-mb-3w")}>
                        <p className={fr.cx("fr-text--md", "fr-mb-1w")}>
                          <strong>{row.guichet.label}</strong> — {guichetLine(row)}
                        </p>
                        <NextActionView next={row.next} />
                      </div>
                    ))}
                    {upcoming && (
                      <div>
                        <p className={fr.cx("fr-text--md", "fr-mb-1w")}>
                          Aucun guichet ouvert pour l&apos;instant. Prochain guichet : <strong>{upcoming.guichet.label}</strong>, {guichetLine(upcoming)}.
                        </p>
                        {upcoming.dossier && <NextActionView next={upcoming.next} />}
                      </div>
                    )}
                    {open.length === 0 && !upcoming && <p className={fr.cx("fr-text--md")}>Aucun guichet ouvert ni à venir pour cet établissement.</p>}
                  </CallOut>
                </div>
              );
            })}
          </div>
        </section>
      )}

      <GuichetTable guichets={current} caption="Guichets ouverts et à venir" />

      <section aria-labelledby="mes-dossiers" className={fr.cx("fr-mb-6w")}>
        <h2 id="mes-dossiers">Mes dossiers</h2>
        {dossiers.length === 0 ? (
          <p>
            Aucun dossier pour l&apos;instant. <Link href="/etablissement/dossiers">Voir les guichets</Link>
          </p>
        ) : (
          <Table
            noCaption
            caption="Mes dossiers, guichet le plus récent d'abord"
            headers={["Dossier", "Guichet", "Porté par", "État", "Étape suivante"]}
            data={dossiers.map((dossier) => [
              <Link key="numero" href={`/etablissement/dossiers/${dossier.id}`}>
                Dossier n° {dossier.number}
              </Link>,
              dossier.guichet.label,
              dossier.carrier.name,
              <DossierStatusBadge key="etat" status={dossier.status} kind={dossier.guichet.kind} />,
              dossierNextStep(dossier.status, dossier.guichet.kind),
            ])}
          />
        )}
      </section>

      {entities.length === 0 ? (
        <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>
      ) : (
        entities.map((entity) => {
          const summary = overview.get(entity.finess);
          return (
            <div key={entity.finess} className={fr.cx("fr-mb-6w")}>
              <LegalEntityCard entity={entity} detailHref={`/etablissement/ej/${entity.finess}`} />
              <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
                <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
                  <Card
                    titleAs="h3"
                    size="small"
                    title="Autoévaluation de maturité IE"
                    linkProps={{ href: "/etablissement/autoevaluations" }}
                    desc={
                      <>
                        {summary?.latestValidated ? `Dernière validée : NRU ${summary.latestValidated.nru}` : "Aucune autoévaluation validée."}
                        {summary && summary.drafts > 0 ? ` — ${summary.drafts} brouillon${summary.drafts > 1 ? "s" : ""} en cours.` : ""}
                      </>
                    }
                  />
                </div>
                <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
                  <Card
                    titleAs="h3"
                    size="small"
                    title="Financements HospiConnect 2026–2028"
                    end={
                      summary && summary.years.length > 0 ? (
                        <ul>
                          {summary.years.map((year) => (
                            <li key={year.dossierId}>
                              {year.year} : demandé {year.requested === null ? "—" : formatEuros(year.requested)}, accordé {year.decided === null ? "—" : formatEuros(year.decided)}{" "}
                              <DossierStatusBadge status={year.status} />
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className={fr.cx("fr-mb-0")}>Aucun dépôt de preuves pour l&apos;instant.</p>
                      )
                    }
                  />
                </div>
              </div>
            </div>
          );
        })
      )}
    </>
  );
}
