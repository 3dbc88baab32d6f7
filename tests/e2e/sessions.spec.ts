/**
 * Issue 13: a session cookie replayed after sign-out opens nothing (the JWT names a server-side
 * session that signing out ended), and the sign-in follows only same-origin paths — the forms
 * that used to leave the site (`/%09/other-host`) or answer a bare 500 (a newline) included.
 */
import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";

const fixture = E2E_ESTABLISHMENTS.sessions;
test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, callbackUrl?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(callbackUrl === undefined ? "/connexion" : `/connexion?callbackUrl=${callbackUrl}`);
  await page.getByLabel("Adresse e-mail").fill(fixture.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
  return { context, page };
}

test("after a genuine sign-in, a callback that browsers would read as another host lands on the portal", async ({ browser, baseURL }) => {
  const { context, page } = await signedIn(browser, "/%09/other-host.example");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // Signed in, /connexion redirects at once: every open-redirect form stays on the portal, none answers 500.
  for (const form of ["/%09/other-host.example", "/%0A/other-host.example", "/%0D%0A/other-host.example", "/%5C/other-host.example", "%2F%2Fother-host.example", "//other-host.example", "https://other-host.example/", "/\\other-host.example", "/%00/other-host.example"]) {
    const response = await page.goto(`/connexion?callbackUrl=${form}`);
    expect(response?.status(), form).toBeLessThan(500);
    expect(new URL(page.url()).origin, form).toBe(new URL(baseURL!).origin);
  }
  // A same-origin path is still followed.
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent("/etablissement/dossiers")}`);
  await expect(page).toHaveURL(/\/etablissement\/dossiers$/);
  await context.close();
});

test("signing out ends every session of the account: the cookie replayed, or another browser, opens nothing", async ({ browser }) => {
  const first = await signedIn(browser);
  const other = await signedIn(browser);
  const cookies = await first.context.cookies();
  await first.page.goto("/deconnexion");
  await first.page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(first.page).toHaveURL(/\/connexion/, { timeout: 20_000 });

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const page = await replay.newPage();
  await page.goto("/etablissement");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fetablissement$/);
  await other.page.goto("/etablissement");
  await expect(other.page).toHaveURL(/\/connexion/);
  await Promise.all([replay.close(), first.context.close(), other.context.close()]);
});
