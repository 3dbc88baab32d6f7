/**
 * Issue 13 §1 (source 003, « Création d'un compte établissement »): a newcomer asks for an account
 * for a demo EJ that has no referent yet (the CHU de Kerbrévan, Bretagne), confirms the e-mail the
 * test SMTP server received, is approved by the ARS of its region, chooses a password, signs in
 * and sees the EJ. The links are read in the DNS's outbox, as the portal stores them.
 */
import { expect, test, type Browser } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectMail } from "./support/mailbox";

const NEWCOMER = { name: "Gwenaëlle Le Goff", email: "g.legoff@chu-kerbrevan.test", password: "Une-phrase-de-passe-solide-2026" };
const EJ = { finess: "995300308", name: "Centre hospitalier universitaire de Kerbrévan" };

/** The link of the last e-mail to `to` whose text contains `path`, from the DNS's outbox. */
async function linkInOutbox(browser: Browser, to: string, path: RegExp): Promise<string> {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/courriels");
  const text = (await page.locator("pre").filter({ hasText: to }).or(page.locator("li").filter({ hasText: to }).locator("pre")).allTextContents()).join("\n");
  await admin.close();
  const link = text.match(new RegExp(`https?://[^\\s]+${path.source}[A-Za-z0-9_-]+`))?.[0];
  expect(link, `a link ${path} to ${to}`).toBeTruthy();
  return new URL(link!).pathname;
}

test("a newcomer asks for an account, confirms the e-mail, is approved by the ARS, signs in and sees the EJ", async ({ browser, page }) => {
  test.setTimeout(150_000);
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Demander un compte établissement" }).click();
  await expect(page).toHaveURL(/\/inscription$/);
  await page.getByLabel("Nom et prénom").fill(NEWCOMER.name);
  await page.getByLabel(/^Adresse e-mail professionnelle/).fill("pas-une-adresse");
  await page.getByLabel(/^Numéro FINESS de l'établissement/).fill(EJ.finess);
  await page.getByLabel(/^Fonction dans l'établissement/).fill("Directrice des systèmes d'information");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  // A bad e-mail is said next to its field; nothing typed is lost.
  await expect(page.getByLabel(/^Adresse e-mail professionnelle/)).toBeFocused();
  await expect(page.getByLabel("Nom et prénom")).toHaveValue(NEWCOMER.name);
  await expectNoAccessibilityViolations(page, "/inscription (erreur)");
  await page.getByLabel(/^Adresse e-mail professionnelle/).fill(NEWCOMER.email);
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Demande enregistrée : confirmez votre adresse e-mail")).toBeVisible({ timeout: 20_000 });

  await expectMail(NEWCOMER.email, "confirmez votre adresse e-mail");
  await page.goto(await linkInOutbox(browser, NEWCOMER.email, /\/inscription\/confirmer\//));
  await page.getByRole("button", { name: "Confirmer mon adresse e-mail" }).click();
  await expect(page.getByText("Adresse e-mail confirmée")).toBeVisible({ timeout: 20_000 });

  // The EJ has no referent: the ARS of its region (Bretagne) decides.
  const ars = await browser.newContext({ storageState: storageStateOf("instructorBretagne") });
  const instructor = await ars.newPage();
  await instructor.goto("/ars/demandes-de-compte");
  await expect(instructor.getByRole("heading", { name: `${NEWCOMER.name} — ${EJ.name}` })).toBeVisible();
  await expectNoAccessibilityViolations(instructor, "/ars/demandes-de-compte");
  await instructor.getByRole("button", { name: `Accepter la demande de ${NEWCOMER.name}` }).click();
  await instructor.getByRole("button", { name: "Accepter la demande", exact: true }).click();
  await expect(instructor.getByRole("heading", { name: `${NEWCOMER.name} — ${EJ.name}` })).toHaveCount(0, { timeout: 20_000 });
  await ars.close();

  await expectMail(NEWCOMER.email, "définissez votre mot de passe");
  await page.goto(await linkInOutbox(browser, NEWCOMER.email, /\/mot-de-passe\//));
  await page.getByLabel("Nouveau mot de passe").fill(NEWCOMER.password);
  await page.getByLabel("Confirmation du mot de passe").fill(NEWCOMER.password);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe est enregistré")).toBeVisible({ timeout: 20_000 });

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(NEWCOMER.email);
  await page.getByLabel("Mot de passe").fill(NEWCOMER.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: EJ.name }).first()).toBeVisible();
});
