import type { Page } from "@playwright/test";

/** Source 000_1a898dec8b2a4de4.txt's worked example, typed as a user would. */
export async function typeSource000Example(page: Page) {
  await page.getByLabel("Effectif SAE (nombre d'agents)").fill("800");
  await page.getByLabel("Jalon 2026 complet").check();
  await page.getByLabel("Dépenses engagées en 2026 (en euros)").fill("30 000");
  const y2027 = page.getByRole("group", { name: "2027", exact: true });
  await y2027.getByLabel("Objectif obligatoire 1.0 atteint").check();
  for (const objective of ["1.1", "1.2", "1.3"]) await y2027.getByLabel(new RegExp(`^${objective.replace(".", "\\.")} –`)).check();
  await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("34 000");
  const y2028 = page.getByRole("group", { name: "2028", exact: true });
  await y2028.getByLabel("Objectif obligatoire 1.0 atteint").check();
  for (const objective of ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]) await y2028.getByLabel(new RegExp(`^${objective.replace(".", "\\.")} –`)).check();
  await page.getByLabel("Dépenses engagées en 2028 (en euros)").fill("50 000");
}
