import { fr } from "@codegouvfr/react-dsfr";
import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import CityHall from "@codegouvfr/react-dsfr/picto/CityHall";
import Hospital from "@codegouvfr/react-dsfr/picto/Hospital";
import MapPicto from "@codegouvfr/react-dsfr/picto/Map";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { GUICHET_PHASE_LABELS, type GuichetPhase } from "@/lib/guichets/guichet-state";
import { listGuichets } from "@/lib/guichets/guichets";
import { GUICHET_KIND_LABELS, PROGRAMME_LABELS } from "@/lib/guichets/labels";

const PHASE_SEVERITY: Record<GuichetPhase, BadgeProps["severity"]> = {
  upcoming: "info",
  open: "success",
  instruction: "new",
  finished: undefined,
};

const ROLES = [
  {
    title: "Établissements de santé",
    pictogram: <Hospital />,
    desc: "Le référent de l'entité juridique, ou de l'établissement support du GHT pour ses membres, candidate, réalise l'autoévaluation de maturité en identification électronique et dépose chaque année les preuves du jalon.",
  },
  {
    title: "Agences régionales de santé",
    pictogram: <MapPicto />,
    desc: "Les instructeurs de l'ARS examinent les dossiers des établissements de leur région, demandent des compléments et arrêtent les montants.",
  },
  {
    title: "Délégation au numérique en santé",
    pictogram: <CityHall />,
    desc: "La DNS ouvre les guichets, tient les données de référence (FINESS, SAE, activité) et suit le programme au niveau national.",
  },
] as const;

/** The public landing page: what the portal is for, who does what, the guichets' calendar. */
export default async function HomePage() {
  const [user, guichets] = await Promise.all([getCurrentUser(), listGuichets(getDb(), parisDate(now()))]);
  // The calendar is public (the programme publishes its dates); a finished guichet is history.
  const calendar = guichets.filter((guichet) => guichet.phase !== "finished");
  return (
    <div>
      <div className={fr.cx("fr-grid-row", "fr-mb-6w")}>
        <div className={fr.cx("fr-col-12", "fr-col-lg-8")}>
          <h1>Guichet HospiConnect</h1>
          <p className={fr.cx("fr-text--lead")}>
            Le portail du programme HospiConnect / HOP&apos;EN2 : sécuriser l&apos;identification électronique des professionnels à
            l&apos;hôpital et rendre effective la consultation du DMP.
          </p>
          <p>
            Les établissements y candidatent et y déposent leurs preuves, les ARS les instruisent, et les financements sont calculés selon les
            règles publiées du programme.
          </p>
          <ButtonsGroup
            inlineLayoutWhen="md and up"
            buttons={[
              user
                ? { children: "Accéder à mon espace", linkProps: { href: "/espace" } }
                : { children: "Se connecter", iconId: "fr-icon-lock-line", linkProps: { href: "/connexion" } },
              { children: "Simuler un financement", priority: "secondary", linkProps: { href: "/simulateur" } },
            ]}
          />
        </div>
      </div>

      <section aria-labelledby="qui-fait-quoi" className={fr.cx("fr-mb-6w")}>
        <h2 id="qui-fait-quoi">Qui fait quoi ?</h2>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {ROLES.map((role) => (
            <div key={role.title} className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile title={role.title} titleAs="h3" desc={role.desc} pictogram={role.pictogram} orientation="vertical" />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="calendrier" className={fr.cx("fr-mb-6w")}>
        <h2 id="calendrier">Calendrier des guichets</h2>
        {calendar.length === 0 ? (
          <p>Aucun guichet n&apos;est ouvert ni annoncé pour le moment.</p>
        ) : (
          <Table
            caption="Guichets ouverts et à venir (dates en heure de Paris)"
            headers={["Guichet", "Programme", "Ouverture", "Clôture des dépôts", "Fin de l'instruction", "État"]}
            data={calendar.map((guichet) => [
              <>
                <strong>{guichet.label}</strong>
                <span className={fr.cx("fr-hint-text")}>{GUICHET_KIND_LABELS[guichet.kind]}</span>
              </>,
              PROGRAMME_LABELS[guichet.programme],
              formatCalendarDate(guichet.opensOn),
              formatCalendarDate(guichet.closesOn),
              formatCalendarDate(guichet.instructionEndsOn),
              <>
                <Badge as="span" small severity={PHASE_SEVERITY[guichet.phase]}>
                  {GUICHET_PHASE_LABELS[guichet.phase]}
                </Badge>
                {guichet.phase === "open" && (
                  <span className={fr.cx("fr-hint-text")}>
                    {guichet.daysLeft} jour{guichet.daysLeft > 1 ? "s" : ""} restant{guichet.daysLeft > 1 ? "s" : ""}
                  </span>
                )}
              </>,
            ])}
          />
        )}
      </section>

      <section aria-labelledby="financement">
        <h2 id="financement">Comment le financement est calculé</h2>
        <ul>
          <li>
            Le montant plafond HospiConnect d&apos;une entité juridique dépend de l&apos;effectif de ses établissements déclaré dans la SAE ; il
            est dû chaque année selon le jalon 2026, puis le nombre d&apos;objectifs atteints en 2027 et 2028, dans la limite des dépenses
            engagées.
          </li>
          <li>
            Les projets de l&apos;appel à projets HOP&apos;EN2 sont plafonnés selon la catégorie d&apos;activité combinée de
            l&apos;établissement.
          </li>
        </ul>
        <p>
          <Link href="/simulateur">Estimer le montant d&apos;un établissement avec le simulateur</Link>
        </p>
      </section>
    </div>
  );
}
