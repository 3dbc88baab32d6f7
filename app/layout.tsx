import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Guichet HospiConnect", template: "%s — Guichet HospiConnect" },
  description: "Portail du programme HospiConnect / HOP'EN2 pour les établissements de santé, les ARS et la DNS.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Aller au contenu
        </a>
        <DemoBanner />
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t-2 border-bleu-france bg-fond-alt">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm">
            <p>
              Guichet HospiConnect — programme HospiConnect / HOP&apos;EN2 du ministère chargé de la santé (Délégation au numérique en
              santé).
            </p>
            <p className="mt-1">Les montants affichés sont calculés selon les règles publiées du programme.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
