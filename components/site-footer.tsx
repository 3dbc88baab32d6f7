import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { BRAND_TOP, HOME_LINK_PROPS } from "./site-brand";

/** DSFR's official footer with its mandatory links, each to a page of this portal. */
export function SiteFooter() {
  return (
    <Footer
      id="pied-de-page"
      brandTop={BRAND_TOP}
      homeLinkProps={HOME_LINK_PROPS}
      accessibility="non compliant"
      accessibilityLinkProps={{ href: "/accessibilite" }}
      termsLinkProps={{ href: "/mentions-legales" }}
      websiteMapLinkProps={{ href: "/plan-du-site" }}
      contentDescription="Guichet HospiConnect — le portail du programme HospiConnect / HOP'EN2 du ministère chargé de la santé (Délégation au numérique en santé) : candidatures, autoévaluations de maturité en identification électronique, dépôts de preuves et instruction par les ARS. Les montants affichés sont calculés selon les règles publiées du programme."
      bottomItems={[{ text: "Données personnelles", linkProps: { href: "/donnees-personnelles" } }, headerFooterDisplayItem]}
    />
  );
}
