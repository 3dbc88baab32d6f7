/**
 * Issue 13, single sign-on in the browser: the portal's ProConnect button, the test OpenID Connect
 * server's own development login and consent pages (tests/e2e/support/oidc-server.ts, started by
 * scripts/e2e-server.ts before the portal), and back. Its accounts are the SSO EJ's
 * (tests/e2e/support/fixtures.ts), which no other spec uses.
 */
import { expect, test, type Page } from "@playwright/test";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { E2E_SSO_IDENTITIES } from "./support/oidc-server";

const PROCONNECT_BUTTON = /S’identifier avec\s*ProConnect/;

/** From the portal's sign-in page to the IdP's login page, where `login` signs in (any password). */
async function signInAtIdp(page: Page, login: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/connexion");
  await page.getByRole("button", { name: PROCONNECT_BUTTON }).click();
  // The test server's development login page (oidc-provider's devInteractions).
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("peu-importe");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function consent(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("single sign-on with ProConnect (test OpenID Connect server)", () => {
  test("the sign-in page offers ProConnect as a keyboard-reachable button", async ({ page }) => {
    await page.goto("/connexion");
    const button = page.getByRole("button", { name: PROCONNECT_BUTTON });
    await expect(button).toBeVisible();
    await button.focus();
    await expect(button).toBeFocused();
    // Only the configured provider: Pro Santé Connect is not configured for the browser tests.
    await expect(page.getByRole("button", { name: /Pro Santé Connect/ })).toHaveCount(0);
  });

  test("a known referent signs in through the IdP and lands on the establishment space", async ({ page }) => {
    await signInAtIdp(page, E2E_SSO_IDENTITIES.referent.login, "/etablissement");
    await consent(page);
    await expect(page).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
    await expect(page.getByText(E2E_ESTABLISHMENTS.sso.name).first()).toBeVisible();
    // Signed in for real: the sign-in page sends a signed-in visitor to its space.
    await page.goto("/connexion");
    await expect(page).toHaveURL(/\/etablissement$/);
  });

  test("an unknown person is not signed in and lands on the account request, e-mail prefilled", async ({ page }) => {
    await signInAtIdp(page, E2E_SSO_IDENTITIES.unknown.login);
    await consent(page);
    await expect(page).toHaveURL(/\/inscription\?email=/);
    await expect(page.getByText(/aucun compte du Guichet ne correspond à votre identité/)).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail professionnelle")).toHaveValue(E2E_SSO_IDENTITIES.unknown.email);
    await page.goto("/etablissement");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fetablissement$/);
  });

  test("an identity whose e-mail names another account is refused with its French message", async ({ page }) => {
    await signInAtIdp(page, E2E_SSO_IDENTITIES.mismatch.login);
    await consent(page);
    await expect(page).toHaveURL(/\/connexion\?.*error=SSO_MISMATCH/);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("correspond à un autre compte du Guichet");
    await page.goto("/etablissement");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fetablissement$/);
  });

  test("refusing consent at the IdP comes back to the sign-in page with a French message", async ({ page }) => {
    await signInAtIdp(page, E2E_SSO_IDENTITIES.referent.login);
    // The consent page's cancel link (devInteractions' abort): the IdP answers access_denied.
    await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
    await page.getByRole("link", { name: "[ Cancel ]" }).click();
    await expect(page).toHaveURL(/\/connexion\?error=SSO_CONSENT_REFUSED/);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Vous avez refusé ou annulé la connexion");
    await page.goto("/etablissement");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fetablissement$/);
  });
});
