import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Waits until DSFR's JavaScript has started on the page (it marks <html data-fr-js="true">):
 * accordions, modals and tabs answer clicks only from then on.
 */
export async function waitForDsfr(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-fr-js", "true");
}

/**
 * Ticks (or unticks) a DSFR checkbox as a user does, on its label: DSFR draws the box on the
 * label, over the (transparent) native input, so Playwright's check() on the input finds the
 * label in the way.
 */
export async function tick(scope: Page | Locator, label: string | RegExp, checked = true) {
  const box = scope.getByLabel(label);
  if ((await box.isChecked()) !== checked) await scope.locator("label").filter({ hasText: label }).click();
  await expect(box).toBeChecked({ checked, timeout: 15_000 });
}

/** Ticks a DSFR checkbox or radio with the keyboard (Space on the focused input). */
export async function tickWithKeyboard(input: Locator) {
  await input.focus();
  await input.press("Space");
  await expect(input).toBeChecked();
}

/** Opens a DSFR tab once DSFR's JavaScript runs (before, a click selects nothing). */
export async function openTab(page: Page, name: string) {
  await waitForDsfr(page);
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}
