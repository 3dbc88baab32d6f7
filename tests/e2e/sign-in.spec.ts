import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

test.describe("sign-in page", () => {
  test("a wrong password and an unknown e-mail get the same French message, and nothing opens; the error state passes axe", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.admin.email, "mauvais-mot-de-passe");
    const failure = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(failure).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/connexion/);
    await expectNoAccessibilityViolations(page, "/connexion, identifiants refusés");

    // The failure is about the credentials typed: changing one of them removes it.
    await page.getByLabel("Mot de passe").fill("autre chose");
    await expect(failure).toHaveCount(0);

    await signIn(page, "personne@inconnu.fr", "peu-importe");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin/);
  });

  test("empty fields are flagged next to each field, in French; the error state passes axe", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Mot de passe")).toHaveAttribute("aria-invalid", "true");
    await expectNoAccessibilityViolations(page, "/connexion, champs vides");

    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez une adresse e-mail valide, par exemple nom@etablissement.fr.")).toBeVisible();
  });

  test("every page shows the demo-mode banner with the simulated date", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText(/Mode démonstration — date simulée/)).toContainText("Mode démonstration — date simulée : 1 juin 2026");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guichet HospiConnect");
  });
});
