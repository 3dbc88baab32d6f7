import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../../lib/auth/demo-accounts";

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/** Where the set-up project saves each account's signed-in browser state. */
export function storageStateOf(account: DemoAccount): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".auth", `${account}.json`);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export { DEMO_ACCOUNTS, DEMO_PASSWORD };
