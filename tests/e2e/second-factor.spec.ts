/**
 * Issue 13: an ARS instructor without a second factor enrols an authenticator app at the first
 * sign-in (the code computed here from the key the page shows), keeps the recovery codes shown
 * once, and signs in again later with the password and a fresh code.
 */
import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { answerSecondFactor, DEMO_PASSWORD } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { E2E_STAFF } from "./support/fixtures";

const instructor = E2E_STAFF.totp;

test("an instructor enrols an authenticator app at the first sign-in, then signs in with a code", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(instructor.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Protégez votre compte par un second facteur" })).toBeFocused();
  await page.getByRole("button", { name: "Configurer une application d'authentification" }).click();
  const secret = ((await page.getByTestId("cle-totp").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole("img", { name: "QR code à scanner avec l'application d'authentification" })).toBeVisible();
  await expectNoAccessibilityViolations(page, "/connexion (enrôlement du second facteur)");
  await page.getByLabel(/^Code affiché par l'application/).fill("000000");
  await page.getByRole("button", { name: "Associer l'application" }).click();
  await expect(page.getByText(/^Ce code ne correspond pas/)).toBeVisible();
  await page.getByLabel(/^Code affiché par l'application/).fill(await generate({ secret }));
  await page.getByLabel(/^Nom de cette application/).fill("Téléphone de test");
  await page.getByRole("button", { name: "Associer l'application" }).click();
  await expect(page.getByTestId("codes-de-secours").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Continuer vers mon espace" }).click();
  await expect(page.getByText("Cochez la case une fois vos codes de secours conservés.")).toBeVisible();
  await page.getByText("J'ai conservé mes codes de secours").click();
  await page.getByRole("button", { name: "Continuer vers mon espace" }).click();
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });

  // Signing out, then back with the password and the code of the next 30 seconds (the enrolment's code served once).
  await page.goto("/deconnexion");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/, { timeout: 20_000 });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(instructor.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByLabel(/^Code à usage unique/).fill("123456");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText(/^Ce code n'est pas valable/)).toBeVisible();
  await answerSecondFactor(page, secret, Math.floor(Date.now() / 1000) + 30);
  await expect(page).toHaveURL(/\/ars$/, { timeout: 20_000 });
});
