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
    // Source 001: 60 000 ≤ 68 215,5 < 230 000 → category C, capped at 85 000 €.
    const activity = page.getByRole("region", { name: /Activité combinée/ });
    await expect(activity.getByRole("row", { name: /998400402/ })).toContainText(/68\s215,5 journées\s*Chiffre officiel\s*C \(plafond 85\s000,00\s€\)/);
    await expect(page.getByRole("heading", { name: "Référents de l'établissement" })).toBeVisible();
    await expect(page.getByText(DEMO_ACCOUNTS.referentEj.email)).toBeVisible();
  });

  test("an ARS instructor sees an SAE estimate of activité combinée said as such", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("instructorAra") });
    const page = await context.newPage();
    await page.goto("/ars/ej/998400303");
    const activity = page.getByRole("region", { name: /Activité combinée/ });
    await expect(activity.getByRole("row", { name: /998400303/ })).toContainText(/6\s120,5 journées\s*Estimation à partir de la SAE — non officielle\s*A \(plafond 35\s000,00\s€\)/);
    await context.close();
  });

  test("a referent cannot open the admin EJ page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("referentEj") });
    const page = await context.newPage();
    const response = await page.goto("/admin/ej/998400402");
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
