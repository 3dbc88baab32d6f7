/**
 * Issue 14: every upload is scanned by the tests' real clamd. A PDF carrying the EICAR test file
 * is refused with its message and never joins the dossier (so no instructor can ever see it); a
 * clean one joins it, said « sain ».
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EICAR } from "../support/clamd";
import { DEMO_PASSWORD, signIn } from "./support/accounts";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { writeInfectedPdf, writePdf } from "./support/pdf-fixture";

const fixture = E2E_ESTABLISHMENTS.antivirus;

test("an infected upload is refused with its message; a clean one is found clean", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, fixture.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
  await page.goto("/etablissement/dossiers");
  await page.getByRole("button", { name: `Déposer les preuves de ${fixture.name}` }).click();
  await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/, { timeout: 20_000 });
  await page.waitForLoadState("networkidle");

  const infected = await writeInfectedPdf("note-piegee.pdf", EICAR);
  await page.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(infected);
  await expect(page.getByText(/Le fichier « note-piegee\.pdf » contient un virus \(Guichet\.Test\.EICAR\.UNOFFICIAL\) : il a été mis en quarantaine/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: path.basename(infected) })).toHaveCount(0);

  const clean = await writePdf("note-saine.pdf", "Note de cadrage");
  await page.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(clean);
  await expect(page.getByRole("link", { name: "note-saine.pdf" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Antivirus : sain")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "note-piegee.pdf" })).toHaveCount(0);
});
