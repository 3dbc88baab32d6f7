import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Card } from "@codegouvfr/react-dsfr/Card";
import type { Metadata } from "next";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { NextActionView } from "@/components/establishment/next-action";
import { GuichetPhaseBadge, daysLeftText } from "@/components/guichet-table";
import { requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { guichetsOfEntities } from "@/lib/dossiers/establishment-guichets";
import { listGuichets } from "@/lib/guichets/guichets";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Mes dossiers" };

export default async function DossiersPage() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement/dossiers");
  const db = getDb();
  const today = parisDate(now());
  const [guichets, entities] = await Promise.all([listGuichets(db, today), listLegalEntitiesForUser(db, user)]);
  const rows = await guichetsOfEntities(db, user, entities, guichets, today);
  const offered = rows[0]?.guichets.map((row) => row.guichet) ?? [];
  return (
    <>
      <Breadcrumb segments={[{ label: "Mon espace établissement", linkProps: { href: "/etablissement" } }]} currentPageLabel="Mes dossiers" />
      <h1>Mes dossiers HospiConnect/HOP&apos;EN2</h1>
      <p className="fr-text--lead">
        Candidature au dispositif puis dépôt annuel des preuves, par entité juridique, et projets de l&apos;appel à projets HOP&apos;EN2
        {rows.some((entity) => entity.ghtName) ? " ; l'établissement support dépose pour toutes les EJ du GHT" : ""}.
      </p>
      {rows.length === 0 && <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>}
      {offered.map((guichet, index) => (
        <section key={guichet.id} id={`guichet-${guichet.id}`} aria-labelledby={`guichet-titre-${guichet.id}`} className={fr.cx("fr-mt-6w")}>
          <h2 id={`guichet-titre-${guichet.id}`}>{guichet.label}</h2>
          <p>
            Du {formatCalendarDate(guichet.opensOn)} au {formatCalendarDate(guichet.closesOn)} — instruction jusqu&apos;au {formatCalendarDate(guichet.instructionEndsOn)}{" "}
            <GuichetPhaseBadge phase={guichet.phase} />
            {guichet.phase === "open" && ` ${daysLeftText(guichet.daysLeft)}`}
          </p>
          <ul className={fr.cx("fr-raw-list", "fr-grid-row", "fr-grid-row--gutters")}>
            {rows.map((entity) => {
              const row = entity.guichets[index]!;
              return (
                <li key={entity.finess} className={fr.cx("fr-col-12", "fr-col-lg-6")}>
                  <Card
                    titleAs="h3"
                    size="small"
                    title={entity.ghtName ? `${entity.name} (pour les EJ du ${entity.ghtName})` : entity.name}
                    desc={
                      row.dossiers.length === 0 ? (
                        "Aucun dossier."
                      ) : (
                        // The card's description is a <p>: one line per dossier, phrasing content only.
                        row.dossiers.map((dossier) => (
                          <span key={dossier.id} className="block">
                            <Link href={`/etablissement/dossiers/${dossier.id}`}>Dossier n° {dossier.number}</Link> <DossierStatusBadge status={dossier.status} kind={guichet.kind} />
                          </span>
                        ))
                      )
                    }
                    end={
                      row.own.extended ? (
                        <p className={fr.cx("fr-text--sm", "fr-text--bold", "fr-mb-0")}>
                          Délai prolongé pour cet établissement jusqu&apos;au {formatCalendarDate(row.own.closesOn)} —{" "}
                          {row.own.phase === "open" ? `ouvert, ${daysLeftText(row.own.daysLeft)}` : "fermé"}.
                        </p>
                      ) : undefined
                    }
                    footer={<NextActionView next={row.next} />}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
