import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";

// Axe runs and simulated-date changes take seconds each on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** The selected option of the guichet chooser. */
const chosenGuichet = (page: Page) => page.getByLabel("Guichet").locator("option:checked");

/** How far an element's box reaches past the viewport's right edge (≤ 0: fully in view). */
async function overflowRight(locator: Locator, page: Page): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element not rendered");
  return box.x + box.width - page.viewportSize()!.width;
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test.describe("DNS admin: national follow-up", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("opens on the guichet in progress (the open 2026 milestone), not on the empty guichet that opens last", async ({ page }) => {
    // The demo date is 1 June 2026: the 2026 milestone is open, the AAP in instruction, 2027 and 2028 still to come.
    await page.goto("/admin/suivi");
    await expect(chosenGuichet(page)).toHaveText("HospiConnect – Jalon juin 2026");
    // The list starts with the guichet that opens last, which the page used to open on.
    await expect(page.getByLabel("Guichet").locator("option").first()).toHaveText(/2028/);
    await expect(page.getByText("Le suivi s'ouvre sur le guichet en cours")).toBeVisible();
    await expect(page.getByRole("table", { name: "HospiConnect – Jalon juin 2026 : dossiers par région" })).toBeVisible();
    await expect(page.getByRole("table", { name: "HospiConnect – Jalon juin 2026 : montants par région" })).toBeVisible();
    await expectNoAccessibilityViolations(page, "/admin/suivi (guichet en cours)");
  });

  test("between two windows, opens on the last closed guichet, never on the one to come", async ({ page, browser }) => {
    // 1 October 2026: every 2026 guichet is finished (CaRE's instruction ended last, on 30 September); 2027 opens in May.
    await setSimulatedDate(browser, "2026-10-01T10:00");
    try {
      await page.goto("/admin/suivi");
      await expect(chosenGuichet(page)).toHaveText("HospiConnect – CaRE – Relève 2026");
      await expect(page.getByText(/Terminé/).first()).toBeVisible();
    } finally {
      await setSimulatedDate(browser, "2026-06-01T10:00");
    }
  });

  test("keeps the key columns in view: the tables fit a desktop page, and on a narrow screen they scroll inside their frame with the region fixed", async ({ page }) => {
    await page.goto("/admin/suivi");
    const statuses = page.getByRole("table", { name: /dossiers par région$/ });
    const amounts = page.getByRole("table", { name: /montants par région$/ });
    await expect(statuses).toBeVisible();
    // Desktop (1280 px): no sideways scrolling, every column header inside the page.
    expect(await pageScrollsSideways(page)).toBe(false);
    for (const [table, last] of [
      [statuses, "Refusé"],
      [amounts, "Export"],
    ] as const) {
      expect(await overflowRight(table.getByRole("columnheader", { name: last, exact: true }), page)).toBeLessThanOrEqual(0);
    }
    expect(await overflowRight(amounts.getByRole("columnheader", { name: "Décidé", exact: true }), page)).toBeLessThanOrEqual(0);

    // A narrow screen: the page itself still does not scroll sideways; the table scrolls in its DSFR container.
    await page.setViewportSize({ width: 700, height: 900 });
    expect(await pageScrollsSideways(page)).toBe(false);
    const container = page.locator(".fr-table__container").filter({ has: amounts });
    const scrollable = await container.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrollable).toBe(true);
    await container.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    // Scrolled to the end: the amounts are in view, and so is the region they belong to (its column is fixed).
    const row = amounts.getByRole("row", { name: /Auvergne-Rhône-Alpes/ });
    const frame = (await container.boundingBox())!;
    const region = (await row.getByRole("rowheader").boundingBox())!;
    const decided = (await amounts.getByRole("columnheader", { name: "Décidé", exact: true }).boundingBox())!;
    expect(region.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(region.x + region.width).toBeLessThanOrEqual(frame.x + frame.width / 2);
    expect(decided.x + decided.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    await expectNoAccessibilityViolations(page, "/admin/suivi (écran étroit)");
  });

  test("drills down from the candidature guichet to a region, then to an EJ with its dossier and referents", async ({ page }) => {
    await page.goto("/admin/suivi");
    await page.getByLabel("Guichet").selectOption({ label: "HospiConnect – Candidature HOP'EN2 2026" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(chosenGuichet(page)).toHaveText("HospiConnect – Candidature HOP'EN2 2026");
    await page.getByRole("link", { name: "Auvergne-Rhône-Alpes", exact: true }).click();
    const region = page.getByRole("region", { name: /Auvergne-Rhône-Alpes : EJ des dossiers transmis/ });
    const montbrasset = region.getByRole("row", { name: /Centre hospitalier de Montbrasset/ });
    await expect(montbrasset).toContainText("HC-C2026-900001");
    // The key columns first: the EJ, then its status and amounts, in view on a desktop page.
    await expect(region.getByRole("columnheader").first()).toHaveText("EJ");
    await expect(region.getByRole("columnheader").nth(1)).toHaveText("Statut");
    await expect(montbrasset.getByRole("cell").first()).toHaveText("Accepté");
    expect(await overflowRight(region.getByRole("columnheader", { name: "Décidé", exact: true }), page)).toBeLessThanOrEqual(0);
    expect(await pageScrollsSideways(page)).toBe(false);
    await expectNoAccessibilityViolations(page, "/admin/suivi (détail d'une région)");
    await region.getByRole("link", { name: "Centre hospitalier de Montbrasset" }).click();

    await expect(page).toHaveURL(/\/admin\/ej\/998400402$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Centre hospitalier de Montbrasset");
    const dossiers = page.getByRole("region", { name: "Dossiers" });
    await expect(dossiers.getByRole("row", { name: /HC-C2026-900001/ })).toContainText("Accepté");
    // Source 001: 60 000 ≤ 68 215,5 < 230 000 → category C, capped at 85 000 €.
    const activity = page.getByRole("region", { name: /Activité combinée/ });
    await expect(activity.getByRole("row", { name: /998400402/ })).toContainText(/68\s215,5 journées\s*Chiffre officiel\s*C \(plafond 85\s000,00\s€\)/);
    await expect(page.getByRole("heading", { name: "Référents de l'établissement" })).toBeVisible();
    const referent = page.getByRole("listitem").filter({ hasText: DEMO_ACCOUNTS.referentEj.email });
    await expect(referent).toBeVisible();
    await expect(referent.getByRole("button", { name: `Retirer ${DEMO_ACCOUNTS.referentEj.email} des référents de l'EJ 998400402` })).toBeVisible();
    await expectNoAccessibilityViolations(page, "/admin/ej/998400402");
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
