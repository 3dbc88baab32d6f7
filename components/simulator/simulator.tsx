"use client";

import { CombinedActivitySimulator } from "./combined-activity-simulator";
import { HospiconnectSimulator } from "./hospiconnect-simulator";
import { Tabs } from "./tabs";

/** The two simulators of the public page, as tabs. */
export function Simulator() {
  return (
    <Tabs
      label="Simulateurs"
      tabs={[
        { id: "hospiconnect", label: "Montant HospiConnect", content: <HospiconnectSimulator /> },
        { id: "activite-combinee", label: "Activité combinée et catégorie AAP", content: <CombinedActivitySimulator /> },
      ]}
    />
  );
}
