import { expect, test } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf } from "./support/accounts";

test.describe("referent of a multi-site EJ", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("sees its EJ with its EG, SAE staff counts and ceiling, and the open 2026 milestone guichet", async ({ page }) => {
    await page.goto("/etablissement");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon espace établissement");
    const card = page.getByRole("region", { name: "Centre hospitalier de Montbrasset" });
    await expect(card).toContainText(`FINESS EJ : ${DEMO_FINESS.multiSiteEj}`);
    await expect(card).toContainText(/800\sagents/);
    // source 000: 800 agents → 39 050 € a year.
    await expect(card).toContainText(/39\s050,00\s€/);
    await expect(card.getByRole("table")).toContainText("Centre hospitalier de Montbrasset – site principal");
    await expect(page.getByRole("table", { name: "Guichets ouverts et à venir" })).toContainText("Ouvert");
    await expect(page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Mon espace établissement" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Administration DNS" })).toHaveCount(0);
  });
});

test.describe("referent of a GHT support establishment", () => {
  test.use({ storageState: storageStateOf("referentGht") });

  test("sees every EJ of its GHT", async ({ page }) => {
    await page.goto("/etablissement");
    await expect(page.getByText("Vous agissez pour 3 entités juridiques.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Centre hospitalier de Val-de-Morlière" })).toContainText("établissement support");
    await expect(page.getByRole("region", { name: "Centre hospitalier de Saint-Évrard-les-Monts" })).toBeVisible();
    await page.goto(`/etablissement/ej/${DEMO_FINESS.ghtMemberMonoSite}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Centre hospitalier de Saint-Évrard-les-Monts");
  });
});

test.describe("ARS instructor", () => {
  test.use({ storageState: storageStateOf("instructorAra") });

  test("sees the EJ of its region only and can search them", async ({ page }) => {
    await page.goto("/ars");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instruction — ARS Auvergne-Rhône-Alpes");
    const table = page.getByRole("table");
    await expect(table).toContainText("Centre hospitalier de Montbrasset");
    await expect(table).not.toContainText("Lannvoré");
    await page.getByLabel("Rechercher un établissement").fill("Montbrasset");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
    await page.getByRole("link", { name: "Centre hospitalier de Montbrasset" }).click();
    await expect(page).toHaveURL(new RegExp(`/ars/ej/${DEMO_FINESS.multiSiteEj}$`));
  });
});

test.describe("DNS admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees the guichets with their dates and state, and the 18 regions", async ({ page }) => {
    await page.goto("/admin");
    const guichets = page.getByRole("table", { name: "Guichets du programme" });
    await expect(guichets).toContainText("26 juin 2026");
    await expect(guichets).toContainText("15 septembre 2026");
    await expect(guichets).toContainText("Ouvert");
    const regions = page.getByRole("table", { name: "Régions (ARS) et données de référence" });
    await expect(regions.getByRole("rowheader")).toHaveCount(19); // 18 regions + the national total
    await expect(regions).toContainText("Auvergne-Rhône-Alpes");
  });
});
