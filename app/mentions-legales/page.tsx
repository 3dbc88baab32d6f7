import type { Metadata } from "next";
import Link from "next/link";
import { PUBLISHER, hostingProvider } from "@/lib/site/publisher";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalNoticePage() {
  const host = hostingProvider();
  return (
    <div className="fr-col-lg-9">
      <h1>Mentions légales</h1>

      <h2>Éditeur</h2>
      <p>
        {PUBLISHER.name}
        <br />
        {PUBLISHER.address}
      </p>
      <p>Directeur de la publication : le délégué au numérique en santé.</p>

      <h2>Hébergement</h2>
      <p>{host ?? "L'exploitant de cette instance du portail n'a pas déclaré son hébergeur (variable GUICHET_HOSTING_PROVIDER)."}</p>

      <h2>Objet du portail</h2>
      <p>
        Le Guichet HospiConnect permet aux établissements de santé de candidater au programme HospiConnect / HOP&apos;EN2, de réaliser
        l&apos;autoévaluation de maturité en identification électronique et de déposer leurs preuves ; aux agences régionales de santé (ARS)
        d&apos;instruire les dossiers de leur région ; à la Délégation au numérique en santé de configurer les guichets et de suivre le programme.
      </p>
      <p>
        Les montants affichés (plafonds, montants éligibles, simulateur) sont calculés selon les règles publiées du programme ; seule la décision
        de l&apos;ARS fixe le montant accordé.
      </p>

      <h2>Données de référence réutilisées</h2>
      <ul>
        <li>
          Répertoire FINESS (fichier des établissements) : Ministère chargé de la santé, publié sur data.gouv.fr sous Licence Ouverte / Etalab.
        </li>
        <li>Statistique annuelle des établissements de santé (SAE) : DREES, bases statistiques publiées en données ouvertes.</li>
      </ul>

      <h2>Propriété intellectuelle</h2>
      <p>
        Le portail utilise le Système de Design de l&apos;État (DSFR) et la police Marianne, dont l&apos;usage est réservé aux sites des services
        de l&apos;État (<Link href="https://www.systeme-de-design.gouv.fr/cgu">conditions générales d&apos;utilisation du DSFR</Link>).
      </p>

      <h2>Données personnelles et accessibilité</h2>
      <p>
        Voir la page <Link href="/donnees-personnelles">Données personnelles</Link> et la{" "}
        <Link href="/accessibilite">déclaration d&apos;accessibilité</Link>.
      </p>
    </div>
  );
}
