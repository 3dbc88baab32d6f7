import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf, type DemoAccount } from "./support/accounts";
import { setSimulatedDate } from "./support/demo-clock";
import { writePdf } from "./support/pdf-fixture";
import { tick, transmitWithDialog } from "./support/deposit-form";
import { waitForDsfr } from "./support/dsfr";
import { validateNewSelfAssessment } from "./support/self-assessment";

// A transmission waits for a save, the server's checks and a new page: generous under a loaded machine.
const expect = baseExpect.configure({ timeout: 15_000 });

const TEAM = ["Responsable démarche qualité", "Représentant métier", "DRH", "RSSI", "DSI", "Référent HospiConnect/HOP'EN2", "Signataire"];

async function fillProjectTeam(page: Page) {
  for (const role of TEAM) {
    const group = page.getByRole("group", { name: role, exact: true });
    await group.getByLabel("Prénom et nom").fill(`Personne ${role}`);
    await group.getByLabel("Adresse e-mail").fill(`membre${TEAM.indexOf(role) + 1}@clinique-demo.fr`);
  }
}

/** The ARS of the EJ's region accepts its transmitted candidature: the yearly deposit needs it (sources 000, 001). */
async function arsAcceptsCandidature(browser: Browser, instructor: DemoAccount, dossierUrl: string) {
  const context = await browser.newContext({ storageState: storageStateOf(instructor) });
  const page = await context.newPage();
  await page.goto(`/ars/dossiers/${new URL(dossierUrl).pathname.split("/").pop()}`);
  await waitForDsfr(page);
  await page.getByRole("button", { name: "Accepter", exact: true }).click();
  await page.getByRole("button", { name: "Accepter le dossier" }).click();
  await page.getByRole("dialog", { name: /Accepter le dossier n° / }).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le dossier est accepté" })).toBeVisible();
  await context.close();
}

test.describe.configure({ mode: "serial" });

test.describe("candidature of a single EJ (private clinic)", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test.beforeAll(async ({ browser }) => setSimulatedDate(browser, "2026-02-02T10:00"));
  test.afterAll(async ({ browser }) => setSimulatedDate(browser, "2026-06-01T10:00"));

  test("a draft is clearly not transmitted; missing fields are listed; submission locks it and gives a récépissé", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await page.goto("/etablissement/dossiers");
    await page.getByRole("button", { name: /Candidater pour SAS Clinique de la Rade de Kervidec/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/dossiers\/.+/);
    await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");

    await page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }).click();
    const summary = page.locator("#resume-erreurs");
    await expect(summary).toContainText("Le dossier n'a pas été transmis");
    await expect(summary.getByRole("listitem")).toHaveCount(14);
    await expect(summary).toBeFocused();
    // Nothing is sent while something is missing: no confirmation is even asked.
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await fillProjectTeam(page);
    await expect(page.getByRole("status").filter({ hasText: /Brouillon enregistré à/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("group", { name: "RSSI", exact: true }).getByLabel("Prénom et nom")).toHaveValue("Personne RSSI");

    await transmitWithDialog(page);
    await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
    await expect(page.getByRole("group", { name: "RSSI", exact: true }).getByLabel("Prénom et nom")).toBeDisabled();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger le récépissé (PDF)" }).click();
    expect((await download).suggestedFilename()).toMatch(/^recepisse-HC-C2026-\d{6}-1\.pdf$/);
    await arsAcceptsCandidature(browser, "instructorBretagne", page.url());
  });
});

test.describe("2026 deposit of a single EJ (private clinic)", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test("uploads real PDFs, refuses a fake one, quotes a validated NRU, is capped at the ceiling and submits", async ({ page }) => {
    test.setTimeout(120_000);
    const nru = await validateNewSelfAssessment(page, "SAS Clinique de la Rade de Kervidec");

    await page.goto("/etablissement/dossiers");
    await page.getByRole("button", { name: /Déposer les preuves de SAS Clinique de la Rade de Kervidec/ }).click();
    await expect(page).toHaveURL(/\/etablissement\/dossiers\/.+/);
    await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");
    await expect(page.getByRole("heading", { level: 1, name: /^Dossier n° HC-J2026-\d{6}/ })).toBeVisible();

    const fake = path.join(os.tmpdir(), "pas-un-pdf.pdf");
    fs.writeFileSync(fake, "Ceci n'est pas un PDF");
    await page.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(fake);
    await expect(page.getByText("Le fichier « pas-un-pdf.pdf » n'est pas un PDF valide.")).toBeVisible();

    await page.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(await writePdf("note-de-cadrage.pdf", "Note de cadrage HospiConnect"));
    await expect(page.getByRole("link", { name: "note-de-cadrage.pdf" })).toBeVisible();
    await page.getByLabel("Déposer un fichier — Attestation sur l'honneur des dépenses engagées, signée par la DAF").setInputFiles(await writePdf("attestation-daf.pdf", "Attestation DAF"));
    await expect(page.getByRole("link", { name: "attestation-daf.pdf" })).toBeVisible();

    await page.getByLabel("NRU de l'autoévaluation de maturité IE").fill(nru);
    await page.getByLabel("RH internes").fill("10 000");
    await page.getByLabel("Prestations externes").fill("15 000");
    await page.getByLabel("Dépenses éditeurs").fill("5 000,50");
    // 210 agents: 6 600 € + 160 × 33 € = 11 880 € (source 000), below the 30 000,50 € declared.
    await expect(page.getByTestId("plafond-demande-995300209")).toHaveText(/11\s880,00\s€/);
    await page.getByLabel("Montant demandé (en euros)").fill("20 000");
    await expect(page.getByText("Le montant demandé ne peut dépasser 11 880,00 € (montant éligible écrêté aux dépenses déclarées).")).toBeVisible();
    await page.getByRole("button", { name: "Demander le montant maximal" }).click();
    await tick(page, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
    await tick(page, /J'atteste que les dépenses déclarées concourent/);

    await transmitWithDialog(page);
    await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
    await expect(page.getByLabel("Montant demandé (en euros)")).toBeDisabled();
    await expect(page.getByRole("link", { name: "Télécharger le récépissé (PDF)" })).toBeVisible();

    await page.goto("/etablissement");
    await expect(page.getByText(/2026 : demandé 11\s880,00\s€/)).toBeVisible();
  });
});

test.describe("GHT support establishment: candidature with mandate, then one note de cadrage for the whole GHT", () => {
  test.use({ storageState: storageStateOf("referentGht") });

  test("applies for the 3 EJ of the GHT in February", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await setSimulatedDate(browser, "2026-02-02T10:00");
    try {
      await page.goto("/etablissement/dossiers");
      await page.getByRole("button", { name: /Candidater pour Centre hospitalier de Val-de-Morlière/ }).click();
      await expect(page.getByText(/pour 3 EJ du GHT de démonstration Val-de-Morlière/)).toBeVisible();
      await fillProjectTeam(page);
      await page.getByLabel("Justificatif du mandat", { exact: true }).selectOption("COSTRAT_DECISION");
      await page.getByLabel(/Déposer un fichier — Justificatif du mandat/).setInputFiles(await writePdf("decision-costrat.pdf", "Décision du COSTRAT"));
      await expect(page.getByRole("link", { name: "decision-costrat.pdf" })).toBeVisible();
      await transmitWithDialog(page);
      await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
      await arsAcceptsCandidature(browser, "instructorAra", page.url());
    } finally {
      await setSimulatedDate(browser, "2026-06-01T10:00");
    }
  });

  test("deposits the 2026 proofs of the 3 EJ in June with one shared note de cadrage", async ({ page }) => {
    test.setTimeout(180_000);
    // The support EJ has a validated self-assessment in the demo data; its two members need theirs.
    const nruMono = await validateNewSelfAssessment(page, "Centre hospitalier de Saint-Évrard-les-Monts");
    const nruMulti = await validateNewSelfAssessment(page, "Centre hospitalier intercommunal des Hautes-Combes");

    await page.goto("/etablissement/dossiers");
    await page.getByRole("button", { name: /Déposer les preuves de Centre hospitalier de Val-de-Morlière/ }).click();
    const support = page.getByRole("region", { name: /Centre hospitalier de Val-de-Morlière/ });
    await support.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(await writePdf("note-de-cadrage-ght.pdf", "Note de cadrage GHT"));
    await expect(support.getByRole("link", { name: "note-de-cadrage-ght.pdf" })).toBeVisible();
    // Deposited once, linked to every EJ of the GHT.
    for (const name of ["Centre hospitalier de Saint-Évrard-les-Monts", "Centre hospitalier intercommunal des Hautes-Combes"]) {
      await expect(page.getByRole("region", { name: new RegExp(name) }).getByRole("link", { name: "note-de-cadrage-ght.pdf" })).toBeVisible();
    }
    const parts: [RegExp, string | null][] = [
      [/Centre hospitalier de Val-de-Morlière/, null],
      [/Centre hospitalier de Saint-Évrard-les-Monts/, nruMono],
      [/Centre hospitalier intercommunal des Hautes-Combes/, nruMulti],
    ];
    for (const [name, nru] of parts) {
      const region = page.getByRole("region", { name });
      const input = region.getByLabel("NRU de l'autoévaluation de maturité IE");
      // The support EJ's NRU is the validated one the portal suggests (demo data).
      await input.fill(nru ?? ((await region.locator("datalist option").first().getAttribute("value")) ?? ""));
      await region.getByLabel("Déposer un fichier — Attestation sur l'honneur des dépenses engagées, signée par la DAF").setInputFiles(await writePdf("attestation.pdf", "Attestation"));
      await expect(region.getByRole("link", { name: "attestation.pdf" })).toBeVisible();
      await region.getByLabel("RH internes").fill("1 000");
      await region.getByLabel("Prestations externes").fill("2 000");
      await region.getByLabel("Dépenses éditeurs").fill("0");
      await region.getByRole("button", { name: "Demander le montant maximal" }).click();
      await expect(region.getByLabel("Montant demandé (en euros)")).toHaveValue(/3\s000,00/);
    }
    await tick(page, "J'atteste que tous les établissements juridiques (EJ) candidats ont atteint les cibles pour l'année 2026.");
    await tick(page, /J'atteste que les dépenses déclarées concourent/);
    await transmitWithDialog(page);
    await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
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
