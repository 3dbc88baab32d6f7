import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../../lib/auth/demo-accounts";

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/** Where the set-up project saves each account's signed-in browser state. */
export function storageStateOf(account: DemoAccount): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".auth", `${account}.json`);
}

/** Signs in through the form; with `totpSecret`, answers the second step with the code of the moment. */
export async function signIn(page: Page, email: string, password: string, totpSecret?: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (totpSecret) await answerSecondFactor(page, totpSecret);
}

/** The second step: the code of the current 30 seconds (each account signs in once per step in the tests). */
export async function answerSecondFactor(page: Page, totpSecret: string, epoch = Math.floor(Date.now() / 1000)) {
  await page.getByLabel(/^Code à usage unique/).fill(await generate({ secret: totpSecret, epoch }));
  await page.getByRole("button", { name: "Valider" }).click();
}

/** The demo accounts whose second factor is mandatory (ARS, ANS, DNS) answer with the demo secret. */
export function demoTotpSecretOf(account: DemoAccount): string | undefined {
  return account.startsWith("referent") ? undefined : DEMO_TOTP_SECRET;
}

export { DEMO_ACCOUNTS, DEMO_PASSWORD };
