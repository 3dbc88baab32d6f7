import fs from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { openTab } from "./support/dsfr";
import { DEMO_CANDIDATURE_NUMBER } from "../../prisma/seed-data/dossiers";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

/** The id of the seeded candidature, read from the queue as the ARS of its region sees it. */
async function demoDossierPath(browser: Browser): Promise<string> {
  const context = await browser.newContext({ storageState: storageStateOf("instructorAra") });
  const page = await context.newPage();
  await page.goto("/ars/dossiers");
  const href = await page.getByRole("link", { name: DEMO_CANDIDATURE_NUMBER }).getAttribute("href");
  await context.close();
  expect(href).toMatch(/^\/ars\/dossiers\/[a-z0-9]+$/);
  return href as string;
}

test.describe("ARS instructor of Auvergne-Rhône-Alpes", () => {
  test.use({ storageState: storageStateOf("instructorAra") });

  test("sees the region's queue with the accepted candidature of Montbrasset, filters it and opens the dossier", async ({ page }) => {
    test.slow(); // two axe runs and three filtered loads
    await page.goto("/ars/dossiers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossiers à instruire — ARS Auvergne-Rhône-Alpes");
    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ hasText: DEMO_CANDIDATURE_NUMBER });
    await expect(row).toContainText("Centre hospitalier de Montbrasset");
    await expect(row).toContainText("Accepté");
    await expect(row).toContainText("10 février 2026");
    await expect(page.getByTestId("compte-ACCEPTED")).not.toHaveText("0");

    // Filters: a GET form with labelled fields; an empty result says so.
    const search = page.getByRole("search", { name: "Filtrer les dossiers" });
    await search.getByLabel("Rechercher").fill("Montbrasset");
    await search.getByLabel("Statut").selectOption({ label: "Refusé" });
    await search.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/statut=REFUSED/);
    await expect(page.getByText("Aucun dossier transmis ne correspond à ces critères.")).toBeVisible();
    await page.getByRole("search").getByLabel("Statut").selectOption({ label: "Accepté" });
    await page.getByRole("search").getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("link", { name: /^Accepté : \d+/ })).toHaveAttribute("aria-current", "true");
    await expectNoAccessibilityViolations(page, "file filtrée");

    // « Awaiting a decision only » leaves the accepted candidature out.
    // DSFR draws the checkbox on its label, which takes the click.
    await page.getByRole("search").locator("label", { hasText: "Seulement les dossiers en attente d'une décision" }).click();
    await expect(page.getByRole("search").getByLabel("Seulement les dossiers en attente d'une décision")).toBeChecked();
    await page.getByRole("search").getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/encours=1/);
    await expect(page.getByText("Aucun dossier transmis ne correspond à ces critères.")).toBeVisible();
    await expect(page.getByTestId("compte-ACCEPTED")).toHaveText("0");
    await page.getByRole("link", { name: "Réinitialiser les filtres" }).click();

    await page.getByRole("link", { name: DEMO_CANDIDATURE_NUMBER }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Dossier n° ${DEMO_CANDIDATURE_NUMBER}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Accepté");
    await expect(page.getByRole("table", { name: "Équipe projet déclarée dans la candidature" })).toContainText("Hélène Marchal");
    const part = page.getByRole("region", { name: `Centre hospitalier de Montbrasset — FINESS EJ ${DEMO_FINESS.multiSiteEj}` });
    await expect(part).toContainText(/39\s050,00\s€/);
    await openTab(page, "Historique");
    const history = page.getByRole("region", { name: "Historique" });
    await expect(history).toContainText("Transmission n° 1");
    await expect(history).toContainText("Dossier accepté");
  });

  test("downloads the queue as CSV (UTF-8 with BOM, ';', French headers, one row per EJ) and as XLSX", async ({ page }) => {
    await page.goto("/ars/dossiers");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dossiers-ars-84-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^FINESS EJ;Raison sociale EJ;GHT;FINESS EJ porteur du dossier;N° de dossier;/);
    const row = lines.find((line) => line.includes(DEMO_CANDIDATURE_NUMBER));
    expect(row).toBeDefined();
    expect(row).toContain(`${DEMO_FINESS.multiSiteEj};Centre hospitalier de Montbrasset;`);
    expect(row).toContain(";Accepté;10/02/2026;02/03/2026;800;39050,00;");

    // The same queue as a workbook (exceljs in the production build): a ZIP container.
    const xlsx = await page.request.get("/api/ars/export?format=xlsx");
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

test.describe("ARS instructor of Bretagne", () => {
  test.use({ storageState: storageStateOf("instructorBretagne") });

  test("does not see the Montbrasset dossier in its queue, and gets 403 on its page", async ({ page, browser }) => {
    const path = await demoDossierPath(browser);
    await page.goto("/ars/dossiers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossiers à instruire — ARS Bretagne");
    await expect(page.locator("body")).not.toContainText(DEMO_CANDIDATURE_NUMBER);
    await expect(page.locator("body")).not.toContainText("Montbrasset");

    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    await expect(page.locator("body")).not.toContainText("Montbrasset");

    const csv = await page.request.get("/api/ars/export?format=csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain(DEMO_CANDIDATURE_NUMBER);
  });

  test("an unknown dossier is a 404", async ({ page }) => {
    expect((await page.goto("/ars/dossiers/unknown-dossier"))?.status()).toBe(404);
  });
});

test.describe("a referent", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("cannot open the ARS queue nor export it", async ({ page }) => {
    expect((await page.goto("/ars/dossiers"))?.status()).toBe(403);
    expect((await page.request.get("/api/ars/export?format=csv")).status()).toBe(403);
  });
});
