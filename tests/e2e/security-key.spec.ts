/**
 * Issue 13: an ARS instructor enrols a WebAuthn authenticator at the first sign-in — Chromium's
 * virtual authenticator, through the DevTools protocol — and signs in with it afterwards.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { E2E_STAFF } from "./support/fixtures";

const instructor = E2E_STAFF.webauthn;

async function passwordStep(page: Page) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(instructor.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test("an instructor enrols a security key at the first sign-in, then signs in with it", async ({ page }) => {
  test.setTimeout(90_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "usb", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await passwordStep(page);
  await page.getByRole("button", { name: "Enregistrer une clé de sécurité ou une clé d'accès" }).click();
  await expect(page.getByTestId("codes-de-secours").getByRole("listitem")).toHaveCount(10, { timeout: 20_000 });
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  await page.getByText("J'ai conservé mes codes de secours").click();
  await page.getByRole("button", { name: "Continuer vers mon espace" }).click();
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });

  await page.goto("/deconnexion");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/, { timeout: 20_000 });
  await passwordStep(page);
  await page.getByRole("button", { name: "Utiliser ma clé de sécurité" }).click();
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });
  // The key signed twice: once to register, once to sign in.
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0]?.signCount).toBeGreaterThanOrEqual(1);
});
