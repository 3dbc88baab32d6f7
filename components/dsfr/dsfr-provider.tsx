"use client";

import { DsfrProviderBase, StartDsfrOnHydration, type DsfrProviderProps } from "@codegouvfr/react-dsfr/next-app-router";
import Link from "next/link";
import { defaultColorScheme } from "./default-color-scheme";

declare module "@codegouvfr/react-dsfr/next-app-router" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/** Starts DSFR's JavaScript in the browser, with next/link for every DSFR link. */
export function DsfrProvider(props: DsfrProviderProps) {
  return <DsfrProviderBase {...props} Link={Link} defaultColorScheme={defaultColorScheme} />;
}

export { StartDsfrOnHydration };
