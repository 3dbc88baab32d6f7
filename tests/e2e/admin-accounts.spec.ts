import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

// Axe runs and simulated-date changes take seconds each on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

// An instructor of Corse, a region no other spec instructs in (no dossier e-mail reaches this account).
const email = `e2e.instructeur.${Date.now()}@ars.sante.fr`;

test.describe("DNS admin: accounts and the mailbox", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates an ARS instructor (errors next to their fields, gone once fixed), then disables it only after confirming, and re-enables it", async ({ page }) => {
    await page.goto("/admin/comptes");
    await page.waitForLoadState("networkidle");
    const form = page.getByRole("form", { name: "Créer un compte instructeur (ARS ou ANS) ou administrateur DNS" });
    await form.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await form.getByRole("button", { name: "Créer le compte" }).click();
    await expect(form.getByText("Saisissez une adresse e-mail valide (ex. : prenom.nom@ars.sante.fr).")).toBeVisible();
    await expect(form.getByText("Saisissez le nom et le prénom.")).toBeVisible();
    await expect(form.getByText("Choisissez la région de l'instructeur ARS.")).toBeVisible();
    await expectNoAccessibilityViolations(page, "/admin/comptes (création en erreur)");

    await form.getByLabel("Adresse e-mail").fill(email);
    await expect(form.getByText(/Saisissez une adresse e-mail valide/)).toHaveCount(0);
    await expect(form.getByText("Saisissez le nom et le prénom.")).toBeVisible();
    await form.getByLabel("Nom et prénom").fill("Instructeur Essai Corse");
    await form.getByLabel("Région (ARS)").selectOption({ label: "94 – Corse" });
    // Every field fixed: the form's error summary is gone too.
    await expect(form.getByRole("alert")).toHaveCount(0);
    await form.getByRole("button", { name: "Créer le compte" }).click();
    await expect(form.getByRole("status")).toContainText(`Compte créé : un lien pour définir le mot de passe a été envoyé à ${email}.`);

    const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
    await expect(row).toContainText("Actif");
    await expect(row).toContainText("Mot de passe non défini");
    await expect(row).toContainText("Corse");

    // Disabling is asked first; cancelling keeps the account active.
    await row.getByRole("button", { name: `Désactiver le compte ${email}` }).click();
    const dialog = page.getByRole("dialog", { name: "Désactiver ce compte ?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${email} ne pourra plus se connecter`);
    await expectNoAccessibilityViolations(page, "/admin/comptes (confirmation de désactivation)");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Actif");

    await row.getByRole("button", { name: `Désactiver le compte ${email}` }).click();
    await dialog.getByRole("button", { name: "Désactiver le compte" }).click();
    await expect(row.getByRole("status")).toHaveText("Compte désactivé.");
    await expect(row).toContainText("Désactivé");
    await row.getByRole("button", { name: `Réactiver le compte ${email}` }).click();
    await expect(row.getByRole("status")).toHaveText("Compte réactivé.");
    await expect(row.getByRole("button", { name: `Désactiver le compte ${email}` })).toBeVisible();
  });

  test("the mailbox dates the e-mail with the portal's simulated clock, the banner's date, not the machine's", async ({ page }) => {
    await page.goto("/admin/courriels");
    const banner = ((await page.getByText(/Mode démonstration — date simulée/).textContent()) ?? "").trim();
    const simulatedDay = /date simulée : (.+?) à \d/.exec(banner)?.[1];
    expect(simulatedDay, banner).toBeTruthy();
    const machineDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date());
    // The test means something only while the simulated day differs from the machine's.
    expect(simulatedDay).not.toBe(machineDay);

    const card = page.getByRole("listitem").filter({ hasText: email });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("Guichet HospiConnect : définissez votre mot de passe");
    await expect(card).toContainText(new RegExp(`Créé le\\s*${simulatedDay}`));
    await expect(card).not.toContainText(machineDay);
    // The dispatcher sends it (the test SMTP server): dated on the same clock.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(new RegExp(`Envoyé le\\s*${simulatedDay}`), { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("listitem").filter({ hasText: email }).getByRole("button", { name: "Texte du courriel" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText("Un compte vient de vous être ouvert sur le Guichet HospiConnect.");
    await expectNoAccessibilityViolations(page, "/admin/courriels");

    await page.getByRole("link", { name: /^Envoyés \(/ }).click();
    await expect(page).toHaveURL(/statut=envoyes/);
    await expect(page.getByRole("link", { name: /^Envoyés \(/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("listitem").filter({ hasText: email })).toBeVisible();
  });
});
