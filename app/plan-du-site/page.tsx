import type { Metadata } from "next";
import Link from "next/link";
import { navigationFor } from "@/components/site-navigation-links";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Plan du site" };

const PUBLIC_PAGES = [
  { href: "/", label: "Accueil" },
  { href: "/simulateur", label: "Simulateur de financement" },
  { href: "/connexion", label: "Connexion" },
  { href: "/inscription", label: "Demander un compte établissement" },
];

const LEGAL_PAGES = [
  { href: "/accessibilite", label: "Accessibilité" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/plan-du-site", label: "Plan du site" },
];

/** The pages a visitor can reach, and those of the signed-in user's space. */
export default async function SiteMapPage() {
  const user = await getCurrentUser();
  const space = user ? navigationFor(user.role).filter((link) => !PUBLIC_PAGES.some((page) => page.href === link.href)) : [];
  return (
    <div className="fr-col-lg-9">
      <h1>Plan du site</h1>
      <h2>Pages publiques</h2>
      <ul>
        {PUBLIC_PAGES.map((page) => (
          <li key={page.href}>
            <Link href={page.href}>{page.label}</Link>
          </li>
        ))}
      </ul>
      {user ? (
        <>
          <h2>Mon espace</h2>
          <ul>
            {space.map((page) => (
              <li key={page.href}>
                <Link href={page.href}>{page.label}</Link>
              </li>
            ))}
            <li>
              <Link href="/deconnexion">Déconnexion</Link>
            </li>
          </ul>
        </>
      ) : (
        <p>Les espaces des établissements, des ARS et de la DNS sont accessibles après connexion.</p>
      )}
      <h2>Informations</h2>
      <ul>
        {LEGAL_PAGES.map((page) => (
          <li key={page.href}>
            <Link href={page.href}>{page.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
