import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

test.describe("public pages, as a visitor", () => {
  test("the home says what the portal is for and who does what, shows the guichets' calendar, and passes axe", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guichet HospiConnect");
    const main = page.locator("main");
    await expect(main.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
    await expect(main.getByRole("link", { name: "Simuler un financement" })).toHaveAttribute("href", "/simulateur");
    for (const who of ["Établissements de santé", "Agences régionales de santé", "Délégation au numérique en santé"]) {
      await expect(page.getByRole("heading", { level: 3, name: who })).toBeVisible();
    }
    // The calendar is the portal's own guichets, on the portal's clock (demo date: 1 June 2026).
    const calendar = page.getByRole("table", { name: /Guichets ouverts et à venir/ });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole("row").nth(1)).toBeVisible();
    await expect(calendar).not.toContainText("Terminé");
    await expectNoAccessibilityViolations(page, "/ (accueil)");

    await main.getByRole("link", { name: "Simuler un financement" }).click();
    await expect(page).toHaveURL(/\/simulateur$/);
  });

  test("a set-password link that is not valid says so and what to do; the page passes axe", async ({ page }) => {
    await page.goto("/mot-de-passe/jeton-inconnu");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Définir votre mot de passe");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Ce lien n'est pas valide.");
    await expect(page.getByLabel("Nouveau mot de passe")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Aller à la page de connexion" })).toHaveAttribute("href", "/connexion");
    await expectNoAccessibilityViolations(page, "/mot-de-passe/jeton-inconnu");
  });

  test("an unknown page is a French 404 with a way back; it passes axe", async ({ page }) => {
    const response = await page.goto("/page-qui-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByText("Erreur 404")).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "Retourner à l'accueil" })).toHaveAttribute("href", "/");
    await expectNoAccessibilityViolations(page, "page introuvable");
  });

  test("the sign-out page, signed out, offers to sign in; it passes axe", async ({ page }) => {
    await page.goto("/deconnexion");
    await expect(page.getByText("Vous n'êtes pas connecté.")).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");
    await expectNoAccessibilityViolations(page, "/deconnexion (visiteur)");
  });
});

test.describe("public pages, signed in as a referent", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("the home leads to the user's space rather than to the sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("main").getByRole("link", { name: "Accéder à mon espace" })).toHaveAttribute("href", "/espace");
    await expect(page.locator("main").getByRole("link", { name: "Se connecter" })).toHaveCount(0);
  });

  test("another role's page is a French 403 with a way back; it passes axe", async ({ page }) => {
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    await expect(page.getByText("Erreur 403")).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "Retourner à mon espace" })).toHaveAttribute("href", "/espace");
    await expectNoAccessibilityViolations(page, "accès refusé");
  });

  test("the sign-out page asks before signing out", async ({ page }) => {
    await page.goto("/deconnexion");
    await expect(page.getByText(/Vous êtes connecté en tant que referent\.ej@demo\.guichet\.fr/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await expectNoAccessibilityViolations(page, "/deconnexion (connecté)");
  });
});
