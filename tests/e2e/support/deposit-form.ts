import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./accounts";
import { waitForDsfr } from "./dsfr";
import { E2E_ESTABLISHMENTS, type E2eEstablishment } from "./fixtures";

/** Signs in as the fixture EJ's referent (its own account, the demo password). */
export async function signInAs(page: Page, fixture: E2eEstablishment) {
  await signIn(page, E2E_ESTABLISHMENTS[fixture].email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
}

/** The 2026 deposit of the fixture EJ, started (or reopened) from its dossiers page; returns the dossier's address. */
export async function openDeposit(page: Page, fixture: E2eEstablishment): Promise<string> {
  await page.goto("/etablissement/dossiers");
  const start = page.getByRole("button", { name: new RegExp(`Déposer les preuves de ${E2E_ESTABLISHMENTS[fixture].name}`) });
  // Started already (a retried test): its dossier is listed instead. Wait for either, then choose.
  const existing = page.getByRole("link", { name: /Dossier n° HC-J2026-/ }).first();
  await expect(start.or(existing).first()).toBeVisible({ timeout: 20_000 });
  if (await start.isVisible()) await start.click();
  else await existing.click();
  await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/, { timeout: 20_000 });
  await page.waitForLoadState("networkidle");
  return new URL(page.url()).pathname;
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has the focus: the page is walked as a keyboard user walks it. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}) {
  const { backwards = false, max = 250 } = options;
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${String(target)} not reached after ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}

/** The upload button of a slot (DSFR upload, French control), by the slot's label. */
export function browseButton(scope: Page | Locator, slot: string): Locator {
  return scope.getByRole("button", { name: `Parcourir — ${slot}` });
}

/** Opens the slot's file chooser from the keyboard (Enter on « Parcourir ») and chooses `files`. */
export async function chooseWithKeyboard(page: Page, button: Locator, files: string[]) {
  await tabTo(page, button);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(files);
}

/** Transmits from the confirmation dialog. */
export async function transmitWithDialog(page: Page, action: RegExp = /^Transmettre (le dossier|à nouveau) à l'ARS$/, dialogName: RegExp = /Transmettre .*le dossier à l'ARS \?/) {
  await waitForDsfr(page);
  await page.getByRole("button", { name: action }).click();
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Transmettre", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
}

export { tick } from "./dsfr";
