import { expect, test } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { DEMO_SELF_ASSESSMENT_IDS } from "../../prisma/seed-data/questionnaire";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { answerEveryStep, choose, expectStep, goToStep, questionsOfStep } from "./support/self-assessment";

const PER_SITE = "consentement.part-flux-mensuel";

test.describe("IE maturity self-assessment of a multi-site EJ", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("creates one, answers it step by step (one level per EG where asked), keeps the answers on reload, validates it and reads its NRU", async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto("/etablissement/autoevaluations");
    await expect(page.getByRole("navigation", { name: "vous êtes ici :" })).toContainText("Mon espace établissement");
    const section = page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ });
    // The demo draft of the seed is listed.
    await expect(section.getByRole("table")).toContainText("Brouillon");
    await section.getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/(?!demo-)[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Centre hospitalier de Montbrasset");

    // One step per dimension (6 × 3 questions), then the validation step.
    await expectStep(page, 1);
    await expect(page.locator(".fr-stepper__state")).toHaveText("Étape 1 sur 7");
    await expect(questionsOfStep(page)).toHaveCount(3);
    await expect(page.getByText("0 / 18 questions renseignées")).toBeVisible();

    // Validating an empty one lists the 18 missing questions; each link opens the question's step, flagged.
    await goToStep(page, 7);
    await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "n'est pas complète" });
    await expect(summary).toContainText("18 questions restent à renseigner");
    await expect(summary.getByRole("link")).toHaveCount(18);
    await expectNoAccessibilityViolations(page, "autoévaluation incomplète (résumé des erreurs)");
    await summary.getByRole("link", { name: /^4\. / }).click();
    await expectStep(page, 2);
    const fourth = questionsOfStep(page).first();
    await expect(fourth).toBeFocused();
    await expect(fourth).toContainText("Question non renseignée : choisissez un niveau.");
    await expectNoAccessibilityViolations(page, "autoévaluation : questions signalées");
    // Fixed, a question loses its error at once, and the summary counts one less.
    await choose(fourth.getByRole("radio", { name: /^Niveau 2 — / }));
    await expect(fourth).not.toContainText("Question non renseignée");
    await expect(summary).toContainText("17 questions restent à renseigner");

    await page.getByRole("button", { name: "Étape précédente" }).click();
    await expectStep(page, 1);
    // The keyboard moves within a radio group.
    const first = questionsOfStep(page).first();
    await choose(first.getByRole("radio", { name: /^Niveau 1 — / }));
    await first.getByRole("radio", { name: /^Niveau 1 — / }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(first.getByRole("radio", { name: /^Niveau 2 — / })).toBeChecked();

    // Every other question at level 3, but the per-EG one.
    await answerEveryStep(page, 3, [PER_SITE, "comptes.procedure-mouvements"]);
    await expect(page.getByText("17 / 18 questions renseignées")).toBeVisible();
    // The validation step tells which dimension is incomplete, and leads to it.
    const perDimension = page.getByRole("table", { name: "Questions renseignées par dimension" });
    await expect(perDimension.getByRole("row", { name: /Consentement du patient/ })).toContainText("2 / 3");
    await perDimension.getByRole("button", { name: /^Aller à l'étape 5/ }).click();
    await expectStep(page, 5);

    // A per-EG question: one level per EG (2, 3, 4 → the EJ level is their mean, 3; source 003).
    const perSite = page.locator(`[data-question-id="${PER_SITE}"]`);
    await choose(perSite.getByRole("radio", { name: /^Un niveau par EG/ }));
    const siteGroups = perSite.getByRole("group", { name: /FINESS EG/ });
    await expect(siteGroups).toHaveCount(3);
    for (const [index, level] of [2, 3, 4].entries()) {
      await choose(siteGroups.nth(index).getByRole("radio", { name: new RegExp(`^Niveau ${level} — `) }));
    }
    await expect(perSite).toContainText("moyenne des EG) : 3 sur 4");
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^Enregistré à \d{2}:\d{2}$/ })).toBeVisible({ timeout: 15_000 });

    // Nothing lost on reload: the answers come from the database; a complete one opens on step 1.
    await page.reload();
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
    await expectStep(page, 1);
    await expect(questionsOfStep(page).first().getByRole("radio", { name: /^Niveau 3 — / })).toBeChecked();
    await goToStep(page, 5);
    await expect(perSite.getByRole("radio", { name: /^Un niveau par EG/ })).toBeChecked();
    await expect(perSite.getByRole("group", { name: /FINESS EG/ }).nth(2).getByRole("radio", { name: /^Niveau 4 — / })).toBeChecked();

    // Validate, with a confirmation.
    await goToStep(page, 7);
    await page.getByRole("button", { name: "Valider l'autoévaluation" }).click();
    const dialog = page.getByRole("dialog", { name: "Valider l'autoévaluation ?" });
    await expect(dialog).toBeVisible();
    await expectNoAccessibilityViolations(page, "confirmation de la validation");
    await dialog.getByRole("button", { name: "Confirmer la validation" }).click();

    const nruBox = page.getByRole("region", { name: "Numéro de référence unique (NRU)" });
    const nruPattern = new RegExp(`^IE-2026-${DEMO_FINESS.multiSiteEj}-\\d{6}$`);
    await expect(nruBox.locator("[data-nru]")).toHaveText(nruPattern);
    const nru = (await nruBox.locator("[data-nru]").textContent())?.trim() ?? "";
    // Every question at 3 of 4 (the per-EG one by its mean) but question 4 at 2: 75 % everywhere, 66,7 % for « comptes ».
    const scores = page.getByRole("table", { name: "Scores de maturité" });
    await expect(scores.getByRole("row", { name: /Cycle de vie des comptes/ })).toContainText(/66,7\s%/);
    await expect(scores.getByRole("row", { name: /Gestion des identités/ })).toContainText(/75,0\s%/);
    await expect(page.locator("main input[type=radio]")).toHaveCount(0);
    await expectNoAccessibilityViolations(page, "autoévaluation validée");

    await page.goto("/etablissement/autoevaluations");
    await expect(page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ })).toContainText(`Validée — NRU ${nru}`);
    await expectNoAccessibilityViolations(page, "liste des autoévaluations");
  });

  test("two tabs on one draft: the stale tab's save is refused with a clear message, nothing is overwritten", async ({ page, context }) => {
    await page.goto("/etablissement/autoevaluations");
    await page.getByRole("region", { name: /Centre hospitalier de Montbrasset/ }).getByRole("button", { name: /^Nouvelle autoévaluation/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/autoevaluations\/(?!demo-)[^/]+$/);
    const other = await context.newPage();
    await other.goto(page.url());
    const review = (tab: typeof page) => tab.locator('[data-question-id="comptes.revue-habilitations"]');
    for (const tab of [page, other]) {
      await expectStep(tab, 1);
      await goToStep(tab, 2);
    }

    await choose(review(page).getByRole("radio", { name: /^Niveau 2 — / }));
    await expect(page.getByRole("status").filter({ hasText: /^Enregistré à/ })).toBeVisible();
    // The second tab still holds version 0.
    await choose(review(other).getByRole("radio", { name: /^Niveau 4 — / }));
    const conflict = other.getByRole("alert").filter({ hasText: "modifiée entre-temps" });
    await expect(conflict).toContainText("Enregistrement arrêté");
    await expect(review(other).getByRole("radio", { name: /^Niveau 0 — / })).toBeDisabled();
    await expectNoAccessibilityViolations(other, "autoévaluation en conflit d'enregistrement");
    await conflict.getByRole("button", { name: "Recharger la page" }).click();
    await expectStep(other, 1);
    await goToStep(other, 2);
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
    await expect(page.getByRole("navigation", { name: "vous êtes ici :" }).getByRole("link", { name: "Autoévaluations" })).toBeVisible();
    await page.getByRole("button", { name: "Dupliquer cette autoévaluation" }).click();
    await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();
    await expect(page.getByText("18 / 18 questions renseignées")).toBeVisible();
    await expectStep(page, 1);
  });
});
