import type { Metadata } from "next";
import Link from "next/link";
import { ACCESSIBILITY_DECLARATION_DATE, PUBLISHER } from "@/lib/site/publisher";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  return (
    <div className="fr-col-lg-9">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        Le {PUBLISHER.name} s&apos;engage à rendre ses services numériques accessibles, conformément à l&apos;article 47 de la loi n° 2005-102 du 11
        février 2005.
      </p>
      <p>Cette déclaration d&apos;accessibilité s&apos;applique au Guichet HospiConnect.</p>

      <h2>État de conformité</h2>
      <p>
        Le Guichet HospiConnect est <strong>non conforme</strong> avec le référentiel général d&apos;amélioration de l&apos;accessibilité (RGAA)
        version 4.1 : aucun audit de conformité n&apos;a encore été réalisé. Cette mention changera après l&apos;audit.
      </p>

      <h2>Ce qui est vérifié aujourd&apos;hui</h2>
      <ul>
        <li>
          Le portail est construit avec le Système de Design de l&apos;État (DSFR), dont les composants sont conçus pour l&apos;accessibilité.
        </li>
        <li>
          À chaque version, des tests automatisés (axe-core) parcourent toutes les pages de chaque profil, y compris les formulaires affichant
          leurs erreurs, selon les critères WCAG 2.1 de niveaux A et AA : aucune erreur n&apos;est tolérée.
        </li>
        <li>Le formulaire de dépôt des preuves est testé en ne se servant que du clavier.</li>
      </ul>

      <h2>Contenus non accessibles connus</h2>
      <ul>
        <li>
          Les récépissés de dépôt (PDF) ne sont pas des PDF balisés : leur contenu est repris en clair sur la page du dossier (pièces, tailles et
          empreintes).
        </li>
        <li>Les documents déposés par les établissements (notes de cadrage, attestations) relèvent de leurs auteurs.</li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le {ACCESSIBILITY_DECLARATION_DATE}.</p>
      <p>Technologies utilisées : HTML, CSS, JavaScript (Next.js, React, DSFR).</p>
      <p>Environnement des tests automatisés : Chromium, axe-core.</p>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, écrivez au {PUBLISHER.name}, {PUBLISHER.address}, pour être orienté vers
        une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une fonctionnalité du portail, que vous
        nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une
        demande de saisine au Défenseur des droits :
      </p>
      <ul>
        <li>
          par le formulaire en ligne du Défenseur des droits : <Link href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</Link>
        </li>
        <li>par téléphone : 09 69 39 00 00 ;</li>
        <li>par courrier (gratuit, sans affranchissement) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
      </ul>
    </div>
  );
}
