/**
 * The DNS imports the HospiConnect/CaRE envelopes (issue 11) from the published CSV, reads one on the
 * EJ's page, then sets another by hand with its reason. Source 003_7e8834ec9bc46d44.txt's example
 * envelope: 39 380,00 €.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

// CH de Lannvoré (demo data): no other spec reads its CaRE envelope.
const EJ = "995300100";

test.use({ storageState: storageStateOf("admin") });

test("imports the envelopes file, shows the envelope on the EJ's page, and sets it by hand with a reason", async ({ page }) => {
  test.setTimeout(90_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "enveloppes-")), "enveloppes-care-2026.csv");
  fs.writeFileSync(file, `FINESS EJ;montant\n${EJ};39 380,00\n`);
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Type de fichier").selectOption("enveloppes-care");
  await page.getByLabel(/^Fichier/).setInputFiles(file);
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const report = page.getByTestId("rapport-import");
  await expect(report).toContainText("Import réussi", { timeout: 60_000 });
  await expect(report).toContainText(/Lignes lues : 1/);

  await page.goto(`/admin/ej/${EJ}`);
  const section = page.getByRole("region", { name: "Enveloppe HospiConnect/CaRE (2026–2028)" });
  await expect(section).toContainText("39\u202f380,00\u00a0€ — fichier publié importé");
  await expectNoAccessibilityViolations(page, `/admin/ej/${EJ} (enveloppe CaRE)`);

  await page.waitForLoadState("networkidle");
  await section.getByLabel(/^Enveloppe HospiConnect\/CaRE \(en euros\)/).fill("-1");
  await section.getByRole("button", { name: "Enregistrer l'enveloppe" }).click();
  await expect(section.getByText("Le montant ne peut pas être négatif.")).toBeVisible();
  await expect(section.getByText("Indiquez pourquoi cette enveloppe est fixée à la main (5 caractères au moins).")).toBeVisible();
  await section.getByLabel(/^Enveloppe HospiConnect\/CaRE \(en euros\)/).fill("40 000");
  await section.getByLabel(/^Motif \(obligatoire\)/).fill("Enveloppe rectifiée par l'ANS le 2 juin 2026");
  await section.getByRole("button", { name: "Enregistrer l'enveloppe" }).click();
  await expect(section.getByRole("status")).toContainText("Enveloppe enregistrée");
  await expect(section).toContainText("40\u202f000,00\u00a0€ — fixée à la main : Enveloppe rectifiée par l'ANS le 2 juin 2026");
});
