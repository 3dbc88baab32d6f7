import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateOf } from "./support/accounts";

test.describe("DNS admin: national follow-up", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("drills down from the candidature guichet to a region, then to an EJ with its dossier and referents", async ({ page }) => {
    await page.goto("/admin/suivi");
    await page.getByLabel("Guichet").selectOption({ label: "HospiConnect – Candidature HOP'EN2 2026" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("link", { name: "Auvergne-Rhône-Alpes", exact: true }).click();
    const region = page.getByRole("region", { name: /Auvergne-Rhône-Alpes : EJ des dossiers transmis/ });
    await expect(region.getByRole("row", { name: /Centre hospitalier de Montbrasset/ })).toContainText("HC-C2026-900001");
    await region.getByRole("link", { name: "Centre hospitalier de Montbrasset" }).click();

    await expect(page).toHaveURL(/\/admin\/ej\/998400402$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Centre hospitalier de Montbrasset");
    const dossiers = page.getByRole("region", { name: "Dossiers" });
    await expect(dossiers.getByRole("row", { name: /HC-C2026-900001/ })).toContainText("Accepté");
    await expect(page.getByRole("heading", { name: "Référents de l'établissement" })).toBeVisible();
    await expect(page.getByText(DEMO_ACCOUNTS.referentEj.email)).toBeVisible();
  });

  test("a referent cannot open the admin EJ page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("referentEj") });
    const page = await context.newPage();
    const response = await page.goto("/admin/ej/998400402");
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
