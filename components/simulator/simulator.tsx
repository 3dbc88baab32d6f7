"use client";

import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { CombinedActivitySimulator } from "./combined-activity-simulator";
import { HospiconnectSimulator } from "./hospiconnect-simulator";
import type { FoundLegalEntity } from "./simulator-input";

/**
 * The two simulators of the public page, as DSFR tabs. Uncontrolled, every panel stays
 * mounted (DSFR hides the others), so what was typed in a tab survives switching.
 */
export function Simulator({ ownEntities }: { ownEntities: readonly FoundLegalEntity[] }) {
  return (
    <Tabs
      label="Simulateurs"
      tabs={[
        { label: "Montant HospiConnect", content: <HospiconnectSimulator ownEntities={ownEntities} />, isDefault: true },
        { label: "Activité combinée et catégorie AAP", content: <CombinedActivitySimulator /> },
      ]}
    />
  );
}
