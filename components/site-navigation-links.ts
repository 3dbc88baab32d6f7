import type { Role } from "@/lib/generated/prisma/enums";

export interface NavigationLink {
  href: string;
  label: string;
}

const NAVIGATION: Record<Role, NavigationLink[]> = {
  ESTABLISHMENT_REFERENT: [
    { href: "/etablissement", label: "Mon espace établissement" },
    { href: "/etablissement/dossiers", label: "Mes dossiers" },
    { href: "/etablissement/autoevaluations", label: "Autoévaluations IE" },
    { href: "/etablissement/equipe", label: "Équipe" },
  ],
  ARS_INSTRUCTOR: [
    { href: "/ars", label: "Établissements de la région" },
    { href: "/ars/dossiers", label: "Dossiers à instruire" },
    { href: "/ars/demandes-de-compte", label: "Demandes de compte" },
  ],
  ANS_INSTRUCTOR: [{ href: "/ans/dossiers", label: "Relèves CaRE à instruire" }],
  DNS_ADMIN: [
    { href: "/admin", label: "Administration DNS" },
    { href: "/admin/guichets", label: "Guichets et jalons" },
    { href: "/admin/suivi", label: "Suivi national" },
    { href: "/admin/imports", label: "Données de référence" },
    { href: "/admin/comptes", label: "Comptes" },
    { href: "/admin/courriels", label: "Courriels envoyés" },
    { href: "/admin/audit", label: "Journal d'audit" },
  ],
};

const SIMULATOR_LINK: NavigationLink = { href: "/simulateur", label: "Simulateur" };

/** The links of the main navigation for a role (or a visitor): the plan du site lists the same. */
export function navigationFor(role: Role | null): NavigationLink[] {
  return [...(role ? NAVIGATION[role] : []), SIMULATOR_LINK];
}

