import type { Metadata } from "next";
import Link from "next/link";
import { PUBLISHER } from "@/lib/site/publisher";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalDataPage() {
  return (
    <div className="fr-col-lg-9">
      <h1>Données personnelles</h1>

      <h2>Responsable du traitement</h2>
      <p>
        {PUBLISHER.name}, {PUBLISHER.address}.
      </p>

      <h2>Finalité et base légale</h2>
      <p>
        Le portail traite des données personnelles pour gérer les comptes des personnes qui agissent pour un établissement, une ARS ou la DNS, et
        pour instruire les dossiers de financement du programme HospiConnect / HOP&apos;EN2. Ce traitement relève de l&apos;exécution d&apos;une
        mission d&apos;intérêt public (article 6-1-e du règlement général sur la protection des données).
      </p>

      <h2>Données traitées</h2>
      <ul>
        <li>Compte : nom, adresse e-mail professionnelle, rôle, établissements ou région pour lesquels la personne agit, empreinte du mot de passe.</li>
        <li>
          Dossiers : les informations et documents déposés (notes de cadrage, attestations, preuves), qui peuvent porter le nom de leurs
          signataires ; l&apos;historique des actions sur chaque dossier, avec leur auteur et leur date.
        </li>
        <li>Sécurité : le nombre de connexions échouées par compte et par adresse IP, pour bloquer les tentatives répétées.</li>
        <li>Courriels : les notifications envoyées à chaque étape d&apos;un dossier (destinataire, objet, texte).</li>
      </ul>

      <h2>Destinataires</h2>
      <p>
        Les référents de l&apos;établissement concerné (et de l&apos;établissement support de son GHT), les instructeurs de l&apos;ARS de sa région
        et les administrateurs de la DNS. Aucune donnée n&apos;est transmise à un tiers ni utilisée à des fins commerciales.
      </p>

      <h2>Durées de conservation</h2>
      <ul>
        <li>Les comptes sont conservés tant qu&apos;ils sont actifs ; un compte désactivé ne permet plus aucune connexion.</li>
        <li>Les dossiers transmis, leurs documents et leur historique sont conservés pour la durée du programme et de son contrôle.</li>
        <li>Un fichier déposé mais jamais rattaché à un dossier est supprimé au bout de 24 heures.</li>
        <li>Les compteurs de connexions échouées par adresse expirent au bout de 10 minutes.</li>
      </ul>

      <h2>Cookies et stockage local</h2>
      <p>
        Le portail n&apos;utilise qu&apos;un cookie de session, strictement nécessaire à la connexion, et mémorise dans votre navigateur le thème
        d&apos;affichage choisi (clair ou sombre). Aucun cookie de mesure d&apos;audience ni de publicité : aucun consentement n&apos;est donc
        demandé.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous disposez d&apos;un droit d&apos;accès, de rectification, de limitation et d&apos;opposition sur les données qui vous concernent. Pour
        les exercer, écrivez au {PUBLISHER.dataProtectionOfficer}. Si vous estimez, après nous avoir contactés, que vos droits ne sont pas
        respectés, vous pouvez adresser une réclamation à la <Link href="https://www.cnil.fr/fr/plaintes">CNIL</Link>.
      </p>
    </div>
  );
}
