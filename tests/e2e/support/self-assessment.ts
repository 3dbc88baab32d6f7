import { expect, type Page } from "@playwright/test";

/** Creates a self-assessment of `ejName` from its page, answers level 3 everywhere, validates it; returns its NRU. */
export async function validateNewSelfAssessment(page: Page, ejName: string): Promise<string> {
  await page.goto("/etablissement/autoevaluations");
  await page.getByRole("region", { name: new RegExp(ejName) }).getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
  await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/[^/]+$/);
  const questions = page.locator("fieldset[data-question-id]");
  await expect(questions).toHaveCount(18);
  for (let index = 0; index < 18; index++) {
    await questions.nth(index).getByRole("radio", { name: /^Niveau 3 — / }).first().check();
  }
  await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
  await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
  await page.getByRole("dialog", { name: "Valider l'autoévaluation ?" }).getByRole("button", { name: "Confirmer la validation" }).click();
  const nru = page.getByRole("region", { name: "Numéro de référence unique (NRU)" }).locator("[data-nru]");
  await expect(nru).toHaveText(/^IE-2026-/);
  return ((await nru.textContent()) ?? "").trim();
}
