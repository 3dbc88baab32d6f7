import { expect, type Page } from "@playwright/test";

/**
 * Waits until DSFR's JavaScript has started on the page (it marks <html data-fr-js="true">):
 * accordions, modals and tabs answer clicks only from then on.
 */
export async function waitForDsfr(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-fr-js", "true");
}
