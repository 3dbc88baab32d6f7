import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Checks a DSFR radio button as a user does, by its label: DSFR draws the button on the label,
 * which Playwright sees covering the native input.
 */
export async function choose(radio: Locator) {
  await radio.check({ force: true });
  await expect(radio).toBeChecked();
}

/** The questions of the step shown (one step per dimension of the questionnaire). */
export const questionsOfStep = (page: Page) => page.locator("[data-question-id]");

/** « Étape 2 sur 7 » of the editor's DSFR Stepper. */
export async function stepState(page: Page): Promise<{ step: number; count: number }> {
  const text = (await page.locator(".fr-stepper__state").textContent()) ?? "";
  const [, step, count] = text.match(/Étape (\d+) sur (\d+)/) ?? [];
  return { step: Number(step), count: Number(count) };
}

/** Waits until the editor shows step `step`. */
export async function expectStep(page: Page, step: number) {
  await expect(page.locator(".fr-stepper__state")).toHaveText(new RegExp(`^Étape ${step} sur \\d+$`));
}

/** Goes forward step by step to `step`. */
export async function goToStep(page: Page, step: number) {
  for (let current = (await stepState(page)).step; current < step; current++) {
    await page.getByRole("button", { name: /^(Étape suivante|Vérifier et valider)$/ }).click();
    await expectStep(page, current + 1);
  }
}

/**
 * From the step shown, answers every question of every step at `level` (the first level group
 * of a question answered per EG), until the validation step. `skip` leaves questions as they are.
 */
export async function answerEveryStep(page: Page, level: number, skip: string[] = []) {
  for (;;) {
    const { step, count } = await stepState(page);
    if (step === count) return;
    const questions = questionsOfStep(page);
    for (let index = 0; index < (await questions.count()); index++) {
      const question = questions.nth(index);
      if (skip.includes((await question.getAttribute("data-question-id")) ?? "")) continue;
      await choose(question.getByRole("radio", { name: new RegExp(`^Niveau ${level} — `) }).first());
    }
    await goToStep(page, step + 1);
  }
}

/** Creates a self-assessment of `ejName` from its page, answers level 3 everywhere, validates it; returns its NRU. */
export async function validateNewSelfAssessment(page: Page, ejName: string, year = 2026): Promise<string> {
  await page.goto("/etablissement/autoevaluations");
  await page.getByRole("region", { name: new RegExp(ejName) }).getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
  await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/[^/]+$/);
  await expectStep(page, 1);
  await answerEveryStep(page, 3);
  await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
  await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
  await page.getByRole("dialog", { name: "Valider l'autoévaluation ?" }).getByRole("button", { name: "Confirmer la validation" }).click();
  const nru = page.getByRole("region", { name: "Numéro de référence unique (NRU)" }).locator("[data-nru]");
  await expect(nru).toHaveText(new RegExp(`^IE-${year}-`));
  return ((await nru.textContent()) ?? "").trim();
}
