/**
 * Issue 13: an ARS instructor enrols a WebAuthn authenticator at the first sign-in — Chromium's
 * virtual authenticator, through the DevTools protocol — and signs in with it afterwards; a
 * replayed assertion opens nothing.
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
  // Keeps the assertion the browser sends, to replay it below.
  const sent = page.waitForRequest((request) => request.url().includes("/api/auth/callback/credentials") && request.method() === "POST");
  await page.getByRole("button", { name: "Utiliser ma clé de sécurité" }).click();
  const assertion = await sent;
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });

  // A replayed assertion opens nothing: its ceremony's challenge was spent.
  await page.goto("/deconnexion");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/, { timeout: 20_000 });
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const body = new URLSearchParams(assertion.postData() ?? "");
  body.set("csrfToken", csrf.csrfToken);
  const replay = await page.request.post(assertion.url(), { form: Object.fromEntries(body), maxRedirects: 0 });
  expect(replay.status()).toBeLessThan(500);
  expect(await replay.text()).toMatch(/CHALLENGE_EXPIRED/);
  await page.goto("/ars");
  await expect(page).toHaveURL(/\/connexion/);

  await passwordStep(page);
  await page.getByRole("button", { name: "Utiliser ma clé de sécurité" }).click();
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });
  // The key signed at each sign-in.
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0]?.signCount).toBeGreaterThanOrEqual(1);
});
