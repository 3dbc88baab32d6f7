import { expect, test } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { DEMO_SELF_ASSESSMENT_IDS } from "../../prisma/seed-data/questionnaire";
import { storageStateOf } from "./support/accounts";

test.describe("IE maturity self-assessment of a multi-site EJ", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("creates one, answers every question (one per EG), keeps the answers on reload, validates it and reads its NRU", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/etablissement/autoevaluations");
    const section = page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ });
    // The demo draft of the seed is listed.
    await expect(section.getByRole("table")).toContainText("Brouillon");
    await section.getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/(?!demo-)[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Centre hospitalier de Montbrasset");

    const questions = page.locator("fieldset[data-question-id]");
    await expect(questions).toHaveCount(18);

    // Validating an empty one lists the missing questions, each one flagged next to it.
    await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "n'est pas complète" })).toContainText("18 questions restent à renseigner");
    await expect(questions.first()).toContainText("Question non renseignée : choisissez un niveau.");

    // A per-EG question: one level per EG (2, 3, 4 → the EJ level is their mean, 3; source 003).
    const perSite = page.locator('fieldset[data-question-id="consentement.part-flux-mensuel"]');
    await perSite.getByRole("radio", { name: /^Un niveau par EG/ }).check();
    const siteGroups = perSite.getByRole("group", { name: /FINESS EG/ });
    await expect(siteGroups).toHaveCount(3);
    for (const [index, level] of [2, 3, 4].entries()) {
      await siteGroups.nth(index).getByRole("radio", { name: new RegExp(`^Niveau ${level} — `) }).check();
    }
    await expect(perSite).toContainText("moyenne des EG) : 3 sur 4");

    // The keyboard moves within a radio group.
    const first = questions.first();
    await first.getByRole("radio", { name: /^Niveau 1 — / }).check();
    await page.keyboard.press("ArrowDown");
    await expect(first.getByRole("radio", { name: /^Niveau 2 — / })).toBeChecked();

    // Every other question at level 3.
    const count = await questions.count();
    for (let index = 0; index < count; index++) {
      const question = questions.nth(index);
      if ((await question.getAttribute("data-question-id")) === "consentement.part-flux-mensuel") continue;
      await question.getByRole("radio", { name: /^Niveau 3 — / }).check();
    }
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^Enregistré à \d{2}:\d{2}$/ })).toBeVisible({ timeout: 15_000 });

    // Nothing lost on reload: the answers come from the database.
    await page.reload();
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
    await expect(questions.first().getByRole("radio", { name: /^Niveau 3 — / })).toBeChecked();
    await expect(perSite.getByRole("radio", { name: /^Un niveau par EG/ })).toBeChecked();
    await expect(perSite.getByRole("group", { name: /FINESS EG/ }).nth(2).getByRole("radio", { name: /^Niveau 4 — / })).toBeChecked();

    // Validate, with a confirmation.
    await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
    const dialog = page.getByRole("dialog", { name: "Valider l'autoévaluation ?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Confirmer la validation" }).click();

    const nruBox = page.getByRole("region", { name: "Numéro de référence unique (NRU)" });
    const nruPattern = new RegExp(`^IE-2026-${DEMO_FINESS.multiSiteEj}-\\d{6}$`);
    await expect(nruBox.locator("[data-nru]")).toHaveText(nruPattern);
    const nru = (await nruBox.locator("[data-nru]").textContent())?.trim() ?? "";
    // Every question at 3 of 4 (the per-EG one by its mean): 75 % everywhere.
    const scores = page.getByRole("table", { name: "Scores de maturité" });
    await expect(scores.getByRole("row", { name: /Score global/ })).toContainText(/75,0\s%/);
    await expect(page.locator("input[type=radio]")).toHaveCount(0);

    await page.goto("/etablissement/autoevaluations");
    await expect(page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ })).toContainText(`Validée — NRU ${nru}`);
  });

  test("two tabs on one draft: the stale tab's save is refused with a clear message, nothing is overwritten", async ({ page, context }) => {
    await page.goto("/etablissement/autoevaluations");
    await page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ }).getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/(?!demo-)[^/]+$/);
    const other = await context.newPage();
    await other.goto(page.url());
    const review = (tab: typeof page) => tab.locator('fieldset[data-question-id="comptes.revue-habilitations"]');

    await review(page).getByRole("radio", { name: /^Niveau 2 — / }).check();
    await expect(page.getByRole("status").filter({ hasText: /^Enregistré à/ })).toBeVisible();
    // The second tab still holds version 0.
    await review(other).getByRole("radio", { name: /^Niveau 4 — / }).check();
    await expect(other.getByRole("status").filter({ hasText: "modifiée entre-temps" })).toBeVisible();
    await expect(review(other).getByRole("radio", { name: /^Niveau 0 — / })).toBeDisabled();
    await other.getByRole("button", { name: "Recharger la page" }).click();
    await expect(review(other).getByRole("radio", { name: /^Niveau 2 — / })).toBeChecked();
  });

  test("cannot open the self-assessment of an EJ it does not act for", async ({ page }) => {
    const response = await page.goto(`/etablissement/autoevaluations/${DEMO_SELF_ASSESSMENT_IDS.validatedGhtSupport}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText(/IE-2026-998400105/)).toHaveCount(0);
  });
});

test.describe("referent of a GHT support establishment", () => {
  test.use({ storageState: storageStateOf("referentGht") });

  test("sees the demo validated self-assessment of its EJ with its NRU, and can duplicate it", async ({ page }) => {
    await page.goto("/etablissement/autoevaluations");
    const section = page.getByRole("region", { name: new RegExp(`FINESS EJ ${DEMO_FINESS.ghtSupport}`) });
    await expect(section).toContainText(new RegExp(`Validée — NRU IE-2026-${DEMO_FINESS.ghtSupport}-\\d{6}`));
    await expect(page.getByRole("region", { name: /Saint-Évrard-les-Monts/ })).toBeVisible();
    await section.getByRole("link", { name: /^Consulter/ }).click();
    await expect(page.getByRole("region", { name: "Numéro de référence unique (NRU)" })).toContainText("15 mai 2026");
    await page.getByRole("button", { name: "Dupliquer cette autoévaluation" }).click();
    await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
  });
});
