import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { BRAND_TOP, HOME_LINK_PROPS } from "./site-brand";
import { navigationFor } from "./site-navigation-links";
import { SiteNavigation } from "./site-navigation";

/** DSFR's official header: bloc-marque, service name, the role's navigation, the account and sign-out. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  const quickAccessItems: HeaderProps.QuickAccessItem[] = user
    ? [
        { iconId: "fr-icon-account-circle-line", text: `${user.name} — ${ROLE_LABELS[user.role]}`, linkProps: { href: "/espace" } },
        { iconId: "fr-icon-shield-line", text: "Sécurité du compte", linkProps: { href: "/compte/securite" } },
        { iconId: "fr-icon-logout-box-r-line", text: "Se déconnecter", linkProps: { href: "/deconnexion" } },
        headerFooterDisplayItem,
      ]
    : [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { href: "/connexion" } }, headerFooterDisplayItem];
  return (
    <Header
      id="en-tete"
      brandTop={BRAND_TOP}
      serviceTitle="Guichet HospiConnect"
      serviceTagline="Programme HospiConnect / HOP'EN2 — ministère chargé de la santé"
      homeLinkProps={HOME_LINK_PROPS}
      quickAccessItems={quickAccessItems}
      navigation={<SiteNavigation links={navigationFor(user?.role ?? null)} />}
    />
  );
}
