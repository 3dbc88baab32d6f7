import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

// An axe run takes seconds on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test.describe("DNS admin: the demo clock", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("refuses an empty date with a French message next to the field, and leaves the simulated date as it was", async ({ page }) => {
    await page.goto("/admin");
    await page.waitForLoadState("networkidle");
    const banner = page.getByText(/Mode démonstration — date simulée/);
    const before = ((await banner.textContent()) ?? "").replace(/ à .*$/, "");
    const field = page.getByLabel("Date simulée (mode démonstration, heure de Paris)");
    await field.fill("");
    await page.getByRole("button", { name: "Changer la date" }).click();
    await expect(page.getByText("Saisissez une date et une heure.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectNoAccessibilityViolations(page, "/admin (date simulée en erreur)");
    await page.reload();
    await expect(page.getByText(/Mode démonstration — date simulée/)).toContainText(before);
  });
});
