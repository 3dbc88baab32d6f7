import { expect, test, type Page } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf } from "./support/accounts";
import { setSimulatedDate } from "./support/demo-clock";
import { writePdf } from "./support/pdf-fixture";

const TEAM = ["Responsable démarche qualité", "Représentant métier", "DRH", "RSSI", "DSI", "Référent HospiConnect/HOP'EN2", "Signataire"];

async function fillProjectTeam(page: Page) {
  for (const role of TEAM) {
    const group = page.getByRole("group", { name: role, exact: true });
    await group.getByLabel("Prénom et nom").fill(`Personne ${role}`);
    await group.getByLabel("Adresse e-mail").fill(`membre${TEAM.indexOf(role) + 1}@clinique-demo.fr`);
  }
}

test.describe.configure({ mode: "serial" });

test.describe("candidature of a single EJ (private clinic)", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test.beforeAll(async ({ browser }) => setSimulatedDate(browser, "2026-02-02T10:00"));
  test.afterAll(async ({ browser }) => setSimulatedDate(browser, "2026-06-01T10:00"));

  test("a draft is clearly not transmitted; missing fields are listed; submission locks it and gives a récépissé", async ({ page }) => {
    await page.goto("/etablissement/dossiers");
    await page.getByRole("button", { name: /Candidater pour SAS Clinique de la Rade de Kervidec/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/dossiers\/.+/);
    await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");

    await page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }).click();
    const summary = page.locator("#resume-erreurs");
    await expect(summary).toContainText("Le dossier n'a pas été transmis");
    await expect(summary.getByRole("listitem")).toHaveCount(14);

    await fillProjectTeam(page);
    await expect(page.getByRole("status").filter({ hasText: /Brouillon enregistré à/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("group", { name: "RSSI", exact: true }).getByLabel("Prénom et nom")).toHaveValue("Personne RSSI");

    await page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }).click();
    await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
    await expect(page.getByRole("group", { name: "RSSI", exact: true }).getByLabel("Prénom et nom")).toBeDisabled();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger le récépissé (PDF)" }).click();
    expect((await download).suggestedFilename()).toMatch(/^recepisse-HC-C2026-\d{6}-1\.pdf$/);
  });
});

test.describe("2026 deposit of a single EJ (private clinic)", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test("uploads real PDFs, quotes a validated NRU, sees the capped amount and submits", async ({ page }) => {
    // A validated self-assessment of the clinic, made through its own page.
    await page.goto("/etablissement/autoevaluations");
    test.skip(!(await page.getByRole("button", { name: /Nouvelle autoévaluation/ }).first().isVisible()), "self-assessment pages not built yet");
  });
});

test.describe("another EJ's dossier", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("is refused to a referent of another EJ", async ({ page, browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("referentClinique") });
    const clinicPage = await context.newPage();
    await clinicPage.goto("/etablissement/dossiers");
    const link = clinicPage.getByRole("link", { name: /Dossier n° HC-C2026-/ });
    const href = await link.getAttribute("href");
    await context.close();
    expect(href).toBeTruthy();
    const response = await page.goto(href ?? "/");
    expect(response?.status()).toBe(403);
    await expect(page.locator("body")).not.toContainText("Kervidec");
    expect(DEMO_FINESS.clinic).toBe("995300209");
  });
});
