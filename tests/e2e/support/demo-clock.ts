import { expect, type Browser } from "@playwright/test";
import { storageStateOf } from "./accounts";

const frenchDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * Moves the server's simulated date (demo mode) as the demo admin would, from /admin,
 * then checks the banner: a fill made before the form is hydrated would be lost.
 */
export async function setSimulatedDate(browser: Browser, parisLocalDateTime: string) {
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await context.newPage();
  const expected = frenchDate.format(new Date(`${parisLocalDateTime.slice(0, 10)}T00:00:00Z`));
  await expect(async () => {
    await page.goto("/admin");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Date simulée (mode démonstration, heure de Paris)").fill(parisLocalDateTime);
    await page.getByRole("button", { name: "Changer la date" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Date simulée modifiée." })).toBeVisible();
    await page.goto("/");
    await expect(page.getByText(/Mode démonstration — date simulée/)).toContainText(`date simulée : ${expected}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await context.close();
}
