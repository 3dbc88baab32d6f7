import { expect, type Browser } from "@playwright/test";
import { storageStateOf } from "./accounts";

/** Moves the server's simulated date (demo mode) as the demo admin would, from /admin. */
export async function setSimulatedDate(browser: Browser, parisLocalDateTime: string) {
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await context.newPage();
  await page.goto("/admin");
  await page.getByLabel("Date simulée (mode démonstration, heure de Paris)").fill(parisLocalDateTime);
  await page.getByRole("button", { name: "Changer la date" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Date simulée modifiée." })).toBeVisible();
  await context.close();
}
