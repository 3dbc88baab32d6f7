import type { Page } from "@playwright/test";
import { tickWithKeyboard as tick } from "./dsfr";

// The simulator's specs tick with the keyboard; DSFR's tabs answer once its JavaScript has started.
export { tickWithKeyboard as tick, waitForDsfr } from "./dsfr";

/** Source 000_1a898dec8b2a4de4.txt's worked example, typed as a user would. */
export async function typeSource000Example(page: Page) {
  await page.getByLabel("Effectif SAE (nombre d'agents)").fill("800");
  await tick(page.getByLabel("Jalon 2026 complet"));
  await page.getByLabel("Dépenses engagées en 2026 (en euros)").fill("30 000");
  const y2027 = page.getByRole("group", { name: "2027", exact: true });
  await tick(y2027.getByLabel("Objectif obligatoire 1.0 atteint"));
  for (const objective of ["1.1", "1.2", "1.3"]) await tick(y2027.getByLabel(new RegExp(`^${objective.replace(".", "\\.")} –`)));
  await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("34 000");
  const y2028 = page.getByRole("group", { name: "2028", exact: true });
  await tick(y2028.getByLabel("Objectif obligatoire 1.0 atteint"));
  for (const objective of ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]) await tick(y2028.getByLabel(new RegExp(`^${objective.replace(".", "\\.")} –`)));
  await page.getByLabel("Dépenses engagées en 2028 (en euros)").fill("50 000");
}
