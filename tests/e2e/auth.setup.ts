import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoTotpSecretOf, signIn, storageStateOf, type DemoAccount } from "./support/accounts";

const HOME: Record<DemoAccount, RegExp> = {
  referentEj: /\/etablissement$/,
  referentGht: /\/etablissement$/,
  referentClinique: /\/etablissement$/,
  referentEspic: /\/etablissement$/,
  instructorAra: /\/ars$/,
  instructorBretagne: /\/ars$/,
  // The ANS space is its national queue: /ans redirects there.
  instructorAns: /\/ans\/dossiers$/,
  admin: /\/admin$/,
};

for (const account of Object.keys(DEMO_ACCOUNTS) as DemoAccount[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS[account].email, DEMO_PASSWORD, demoTotpSecretOf(account));
    // A sign-in hashes a password and renders a first page: allow a loaded machine its time.
    await expect(page).toHaveURL(HOME[account], { timeout: 20_000 });
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
