import { expect, test } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf } from "./support/accounts";

test.describe("an ARS instructor of Bretagne", () => {
  test.use({ storageState: storageStateOf("instructorBretagne") });

  test("cannot open an EJ of another region (403) but can open one of its own", async ({ page }) => {
    const response = await page.goto(`/ars/ej/${DEMO_FINESS.multiSiteEj}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    await expect(page.locator("body")).not.toContainText("Montbrasset");

    const own = await page.goto(`/ars/ej/${DEMO_FINESS.clinic}`);
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Clinique de la Rade de Kervidec");
  });

  test("cannot open the establishment or admin spaces", async ({ page }) => {
    expect((await page.goto("/etablissement"))?.status()).toBe(403);
    expect((await page.goto("/admin"))?.status()).toBe(403);
  });

  test("an unknown FINESS is a 404 page in French", async ({ page }) => {
    expect((await page.goto("/ars/ej/990000000"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  });
});

test.describe("a referent", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test("cannot open another establishment's page, nor the ARS and admin spaces", async ({ page }) => {
    expect((await page.goto(`/etablissement/ej/${DEMO_FINESS.multiSiteEj}`))?.status()).toBe(403);
    await expect(page.locator("body")).not.toContainText("Montbrasset");
    expect((await page.goto("/ars"))?.status()).toBe(403);
    expect((await page.goto("/admin"))?.status()).toBe(403);
  });
});

test.describe("a visitor", () => {
  test("is sent to the sign-in page from every private space", async ({ page }) => {
    for (const path of ["/etablissement", "/ars", "/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(path)}`));
    }
  });
});
