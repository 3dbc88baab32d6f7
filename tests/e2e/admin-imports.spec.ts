import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { formatEuros, hospiconnectAnnualCeiling } from "../../lib/funding";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";

const EXTRACT = path.resolve("prisma/reference-extract");
const FINESS_FILE = path.join(EXTRACT, "finess_eg_22_20210108_flat.csv.gz");
const SAE_FILE = path.join(EXTRACT, "SYGEN_2023r_22.csv.gz");
// CH Yves Le Foll (Saint-Brieuc), a real EJ of the committed extract.
const REAL_EJ = "220000020";

/** The EJ's SAE 2023 headcount computed straight from the file (EFFSAL_TOT + EFFLIB_TOT + EFF_TOT_PNM over its EG). */
function headcountFromExtract(): number {
  const [header, ...rows] = zlib.gunzipSync(fs.readFileSync(SAE_FILE)).toString("latin1").split(/\r?\n/).filter(Boolean);
  const columns = (header ?? "").split(";");
  const at = (name: string) => columns.indexOf(name);
  return rows
    .map((row) => row.split(";"))
    .filter((cells) => cells[at("FI_EJ")] === REAL_EJ)
    .reduce((sum, cells) => sum + ["EFFSAL_TOT", "EFFLIB_TOT", "EFF_TOT_PNM"].reduce((total, name) => total + (Number(cells[at(name)]) || 0), 0), 0);
}

test.describe("DNS admin: reference-data imports", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("imports the committed real extract, then the simulator shows the ceiling of a real EJ from it", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.goto("/admin/imports");
    await page.waitForLoadState("networkidle");
    // No file chosen: said under DSFR's upload field, in French (no browser « Choose File »).
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await expect(page.locator(".fr-upload-group .fr-error-text")).toHaveText("Choisissez un fichier.");
    await expectNoAccessibilityViolations(page, "/admin/imports (sans fichier)");
    await page.getByLabel("Type de fichier").selectOption("finess-csv");
    // The file is chosen through the French « Parcourir » button; the native input is out of sight.
    await expect(page.getByText("Aucun fichier choisi.")).toBeVisible();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Parcourir — fichier à importer" }).click();
    await (await chooser).setFiles(FINESS_FILE);
    await expect(page.getByText(`Fichier choisi : ${path.basename(FINESS_FILE)}`)).toBeVisible();
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    const report = page.getByTestId("rapport-import");
    await expect(report).toContainText("Import réussi", { timeout: 60_000 });
    await expect(report).toContainText(/Lignes lues : 882/);

    await page.getByLabel("Type de fichier").selectOption("sae-sygen");
    await page.getByLabel(/^Fichier/).setInputFiles(SAE_FILE);
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await expect(report).toContainText("Import réussi", { timeout: 60_000 });
    await expect(page.getByRole("table", { name: "Derniers imports" })).toContainText("SYGEN_2023r_22.csv.gz");

    // A file of the wrong kind is refused, and nothing changes.
    await page.getByLabel("Type de fichier").selectOption("sae-sygen");
    await page.getByLabel(/^Fichier/).setInputFiles(FINESS_FILE);
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await expect(report).toContainText("Import refusé : rien n'a été modifié");
    await expectNoAccessibilityViolations(page, "/admin/imports (import refusé)");

    const visitor = await browser.newContext();
    const simulator = await visitor.newPage();
    await simulator.goto("/simulateur");
    await simulator.waitForLoadState("networkidle");
    // DSFR's label covers its radio: the user clicks the label.
    await simulator.getByText("Rechercher l'entité juridique par son numéro FINESS").click();
    await simulator.getByLabel("Numéro FINESS EJ").fill(REAL_EJ);
    await simulator.getByRole("button", { name: "Rechercher" }).click();
    await expect(simulator.getByText("CENTRE HOSPITALIER YVES LE FOLL").first()).toBeVisible();
    const expected = formatEuros(hospiconnectAnnualCeiling(headcountFromExtract())).replace(/\s/g, "\\s");
    await expect(simulator.getByTestId("plafond-annuel")).toHaveText(new RegExp(expected));
    await visitor.close();
  });
});
