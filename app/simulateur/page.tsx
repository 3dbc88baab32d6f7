import type { Metadata } from "next";
import { Simulator } from "@/components/simulator/simulator";

export const metadata: Metadata = { title: "Simulateur de financement" };

/** Public page: no sign-in, every figure is computed in the browser by lib/funding. */
export default function SimulatorPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Simulateur de financement</h1>
      <p className="max-w-3xl text-lg">
        Estimez le montant HospiConnect / HOP&apos;EN2 d&apos;une entité juridique sur 2026–2028 et la catégorie de l&apos;appel à projets
        HOP&apos;EN2 selon l&apos;activité combinée.
      </p>
      <p className="max-w-3xl border-l-4 border-avertissement bg-fond-alt p-3 text-sm">
        Simulation indicative, établie selon les règles publiées du programme. Les montants attribués sont arrêtés après l&apos;instruction des
        preuves par l&apos;ARS.
      </p>
      <Simulator />
    </div>
  );
}
