import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { waitForDsfr } from "./support/dsfr";

// Axe runs and simulated-date changes take seconds each on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("DNS admin: guichets and derogations", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("refuses dates in the wrong order with a French message next to the field", async ({ page }) => {
    await page.goto("/admin/guichets");
    await waitForDsfr(page);
    await page.getByText("Créer un guichet").click();
    await page.getByLabel("Code").last().fill("TEST-ORDRE");
    await page.getByLabel("Libellé").last().fill("Guichet mal daté");
    await page.getByLabel("Ouverture (heure de Paris)").last().fill("2027-06-01");
    await page.getByLabel("Clôture des dépôts (incluse)").last().fill("2027-05-01");
    await page.getByLabel("Fin de l'instruction (incluse)").last().fill("2027-09-15");
    await page.getByRole("button", { name: "Créer le guichet" }).click();
    await expect(page.getByText("La clôture doit suivre l'ouverture.")).toBeVisible();
    await expectNoAccessibilityViolations(page, "/admin/guichets (création en erreur)");
    // Fixing the field takes its error away at once; nothing typed is lost.
    await page.getByLabel("Clôture des dépôts (incluse)").last().fill("2027-06-20");
    await expect(page.getByText("La clôture doit suivre l'ouverture.")).toHaveCount(0);
    await expect(page.getByLabel("Libellé").last()).toHaveValue("Guichet mal daté");
  });

  test("extends the 2026 deadline for Bretagne: a Bretagne establishment sees it open after 26 June, another region does not", async ({ page, browser }) => {
    await setSimulatedDate(browser, "2026-06-29T10:00");
    try {
      await page.goto("/admin/guichets");
      await page.getByLabel("Guichet", { exact: true }).selectOption({ label: "HospiConnect – Jalon juin 2026" });
      await page.getByLabel("Région", { exact: true }).selectOption({ label: "Bretagne" });
      await page.getByLabel("Nouvelle clôture des dépôts").fill("2026-07-10");
      await page.getByRole("button", { name: "Accorder la dérogation" }).click();
      await expect(page.getByText("Indiquez le motif de la dérogation.")).toBeVisible();
      await expectNoAccessibilityViolations(page, "/admin/guichets (dérogation en erreur)");
      await page.getByLabel("Motif (obligatoire)").fill("Indisponibilité du portail régional du 22 au 26 juin");
      await page.getByRole("button", { name: "Accorder la dérogation" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Dérogation enregistrée" })).toBeVisible();
      await expect(page.getByRole("table", { name: "Dérogations en vigueur" })).toContainText("Région Bretagne");

      const clinic = await browser.newContext({ storageState: storageStateOf("referentClinique") });
      const clinicPage = await clinic.newPage();
      await clinicPage.goto("/etablissement/dossiers");
      const jalon = clinicPage.getByRole("region", { name: "HospiConnect – Jalon juin 2026" });
      await expect(jalon).toContainText("Délai prolongé pour cet établissement jusqu'au 10 juillet 2026 — ouvert, 12 jours restants.");
      // Still open for it: what it lacks is an accepted candidature, not time (lib/dossiers/start-availability.ts).
      await expect(jalon).toContainText("Aucune candidature au dispositif HospiConnect/HOP'EN2 pour cet établissement");
      await expect(jalon).not.toContainText("fermé aux dépôts");
      await clinic.close();

      const other = await browser.newContext({ storageState: storageStateOf("referentGht") });
      const otherPage = await other.newPage();
      await otherPage.goto("/etablissement/dossiers");
      const otherJalon = otherPage.getByRole("region", { name: "HospiConnect – Jalon juin 2026" });
      await expect(otherJalon).not.toContainText("Délai prolongé");
      await expect(otherJalon.getByRole("button", { name: /Déposer les preuves/ })).toHaveCount(0);
      await expect(otherJalon).toContainText("est fermé aux dépôts depuis le 26 juin 2026");
      await other.close();

      // Revoking is final: it asks first, and cancelling changes nothing.
      await page.getByRole("button", { name: "Révoquer la dérogation Région Bretagne" }).click();
      const dialog = page.getByRole("dialog", { name: "Révoquer la dérogation ?" });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("HospiConnect – Jalon juin 2026");
      await expectNoAccessibilityViolations(page, "/admin/guichets (confirmation de révocation)");
      await dialog.getByRole("button", { name: "Annuler" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("table", { name: "Dérogations en vigueur" })).toContainText("Région Bretagne");
      // Revoked: the usual dates apply again.
      await page.getByRole("button", { name: "Révoquer la dérogation Région Bretagne" }).click();
      await dialog.getByRole("button", { name: "Révoquer la dérogation" }).click();
      await expect(page.getByText("Aucune dérogation en vigueur.")).toBeVisible();
    } finally {
      await setSimulatedDate(browser, "2026-06-01T10:00");
    }
  });
});
