import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG levels the portal is checked against (issue: wcag2a, wcag2aa, wcag21a, wcag21aa). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core on the page as it is now (after DSFR's JavaScript has started)
 * and fails with the list of violations, each with the elements concerned.
 */
export async function expectNoAccessibilityViolations(page: Page, what = page.url()) {
  // A quiet network lets late styles and icons arrive; a page that never goes quiet (a slow prefetch
  // on a loaded machine) is checked as it is rather than hanging the test.
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`,
  );
  expect(violations, `violations d'accessibilité sur ${what}`).toEqual([]);
}
