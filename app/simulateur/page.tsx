import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import { Simulator } from "@/components/simulator/simulator";
import { ownLegalEntities } from "./own-legal-entities";

export const metadata: Metadata = { title: "Simulateur de financement" };

/** Public page: no sign-in, every figure is computed in the browser by lib/funding. */
export default async function SimulatorPage() {
  const own = await ownLegalEntities();
  return (
    <div>
      <h1>Simulateur de financement</h1>
      <p className={fr.cx("fr-text--lead")}>
        Estimez le montant HospiConnect / HOP&apos;EN2 d&apos;une entité juridique sur 2026–2028 et la catégorie de l&apos;appel à projets
        HOP&apos;EN2 selon l&apos;activité combinée.
      </p>
      <Highlight size="sm">
        Simulation indicative, établie selon les règles publiées du programme à partir des seuls chiffres que vous saisissez. Les montants
        attribués sont arrêtés après l&apos;instruction des preuves par l&apos;ARS.
      </Highlight>
      {own.length > 0 && (
        <p>
          {own.length > 1
            ? "Le simulateur s'ouvre sur la première de vos entités juridiques, avec l'effectif SAE de la base du portail ; choisissez-en une autre ci-dessous."
            : "Le simulateur s'ouvre sur votre entité juridique, avec l'effectif SAE de la base du portail."}{" "}
          Saisissez vos dépenses et vos objectifs atteints pour estimer les montants.
        </p>
      )}
      <Simulator ownEntities={own} />
    </div>
  );
}
