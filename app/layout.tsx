import { fr } from "@codegouvfr/react-dsfr";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { nonce as requestNonce } from "@nosecone/next";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { DsfrHead, getHtmlAttributes } from "@/components/dsfr/dsfr-head";
import { DsfrProvider, StartDsfrOnHydration } from "@/components/dsfr/dsfr-provider";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Guichet HospiConnect", template: "%s — Guichet HospiConnect" },
  description: "Portail du programme HospiConnect / HOP'EN2 pour les établissements de santé, les ARS et la DNS.",
};

const LANG = "fr";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts's CSP nonce for this request: DSFR's inline colour-scheme script must carry it.
  const nonce = await requestNonce();
  return (
    <html {...getHtmlAttributes({ lang: LANG })}>
      <head>
        <DsfrHead nonce={nonce} preloadFonts={["Marianne-Regular", "Marianne-Medium", "Marianne-Bold"]} />
      </head>
      <body className="flex min-h-screen flex-col">
        <DsfrProvider lang={LANG} doCheckNonce={nonce !== undefined}>
          <SkipLinks
            links={[
              { label: "Contenu", anchor: "#contenu" },
              { label: "Menu", anchor: "#navigation-principale" },
              { label: "Pied de page", anchor: "#pied-de-page" },
            ]}
          />
          <DemoBanner />
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className={`${fr.cx("fr-container", "fr-py-6w")} flex-1`}>
            {children}
          </main>
          <SiteFooter />
          <StartDsfrOnHydration />
        </DsfrProvider>
      </body>
    </html>
  );
}
