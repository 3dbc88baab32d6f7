import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./support/accounts";

test.describe("sign-in page", () => {
  test("a wrong password and an unknown e-mail get the same French message, and nothing opens", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.admin.email, "mauvais-mot-de-passe");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/connexion/);

    await signIn(page, "personne@inconnu.fr", "peu-importe");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin/);
  });

  test("empty fields are flagged next to each field, in French", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  });

  test("every page shows the demo-mode banner with the simulated date", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("note")).toContainText("Mode démonstration — date simulée : 1 juin 2026");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guichet HospiConnect");
  });
});
