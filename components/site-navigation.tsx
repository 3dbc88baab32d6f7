"use client";

import { MainNavigation } from "@codegouvfr/react-dsfr/MainNavigation";
import { usePathname } from "next/navigation";
import type { NavigationLink } from "./site-navigation-links";

/** The role's main navigation; the entry whose address is the longest prefix of the current one is marked current. */
export function SiteNavigation({ links }: { links: NavigationLink[] }) {
  const pathname = usePathname() ?? "/";
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <MainNavigation
      id="navigation-principale"
      items={links.map((link) => ({ text: link.label, linkProps: { href: link.href }, isActive: link.href === current?.href }))}
    />
  );
}
