import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const NAVIGATION: Record<Role, { href: string; label: string }[]> = {
  ESTABLISHMENT_REFERENT: [
    { href: "/etablissement", label: "Mon espace établissement" },
    { href: "/etablissement/dossiers", label: "Mes dossiers" },
    { href: "/etablissement/autoevaluations", label: "Autoévaluations IE" },
  ],
  ARS_INSTRUCTOR: [
    { href: "/ars", label: "Établissements de la région" },
    { href: "/ars/dossiers", label: "Dossiers à instruire" },
  ],
  DNS_ADMIN: [
    { href: "/admin", label: "Administration DNS" },
    { href: "/admin/guichets", label: "Guichets et jalons" },
    { href: "/admin/suivi", label: "Suivi national" },
    { href: "/admin/imports", label: "Données de référence" },
    { href: "/admin/comptes", label: "Comptes" },
    { href: "/admin/courriels", label: "Courriels envoyés" },
  ],
};

export async function SiteHeader() {
  const user = await getCurrentUser();
  const links = [...(user ? NAVIGATION[user.role] : []), { href: "/simulateur", label: "Simulateur" }];
  return (
    <header className="border-b border-gris-bordure bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <div className="flex items-center gap-4">
          <p className="border-r border-gris-bordure pr-4 text-xs font-bold uppercase leading-tight tracking-wide" aria-hidden="true">
            République
            <br />
            Française
          </p>
          <div>
            <Link href="/" className="text-xl font-bold text-bleu-france no-underline">
              Guichet HospiConnect
            </Link>
            <p className="text-sm">Programme HospiConnect / HOP&apos;EN2</p>
          </div>
        </div>
        <div className="text-sm">
          {user ? (
            <p>
              <span className="font-semibold">{user.name}</span> — {ROLE_LABELS[user.role]}
              {" · "}
              <Link href="/deconnexion">Se déconnecter</Link>
            </p>
          ) : (
            <Link href="/connexion" className="font-semibold">
              Se connecter
            </Link>
          )}
        </div>
      </div>
      <nav aria-label="Navigation principale" className="border-t border-fond-alt">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-2 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
