/**
 * The deposit form tells one true state at every moment (issue 9 §2.1, §2.2, §2.6, §2.7, §2.8),
 * walked in order on the depositStates fixture EJ (800 agents, candidature accepted): the empty
 * form, its summary of each missing item, errors that go as fields are fixed, bounded amounts,
 * a duplicate file, the autosave time of the portal's clock, the transmission, the ARS's request
 * and the answer to it. axe checks the form empty, in its error state and after transmission.
 */
import fs from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { browseButton, openDeposit, signInAs, tick, transmitWithDialog } from "./support/deposit-form";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";


// Each step waits for a server action or a refresh of the page: generous under a loaded machine.
const expect = baseExpect.configure({ timeout: 15_000 });
const fixture = E2E_ESTABLISHMENTS.depositStates;
const who = fixture.name;

test.describe.configure({ mode: "serial" });

let page: Page;
let nru: string;
let dossierPath: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  page = await (await browser.newContext()).newPage();
  await signInAs(page, "depositStates");
  nru = await validateNewSelfAssessment(page, who);
  dossierPath = await openDeposit(page, "depositStates");
});

test.afterAll(async () => {
  await page.context().close();
});

const summary = () => page.locator("#resume-erreurs");

test("§2.2 an empty transmission lists each missing item of the EJ, each linking to its field; nothing is sent", async () => {
  test.setTimeout(60_000);
  await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");
  await expectNoAccessibilityViolations(page, "le formulaire de dépôt vide");

  await page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }).click();
  await expect(summary()).toBeFocused();
  await expect(summary()).toContainText("Le dossier n'a pas été transmis — 9 éléments à compléter ou corriger");
  await expect(summary().getByRole("listitem")).toHaveText([
    `Déposez la note de cadrage de ${who} (PDF ou ZIP).`,
    `Indiquez le NRU de l'autoévaluation de maturité IE de ${who}.`,
    `Déposez l'attestation sur l'honneur des dépenses de ${who}, signée par la DAF.`,
    `Indiquez les dépenses « RH internes » de ${who} (0 s'il n'y en a pas).`,
    `Indiquez les dépenses « Prestations externes » de ${who} (0 s'il n'y en a pas).`,
    `Indiquez les dépenses « Dépenses éditeurs » de ${who} (0 s'il n'y en a pas).`,
    `Indiquez le montant demandé pour ${who}.`,
    "Cochez l'attestation d'atteinte des cibles 2026.",
    "Cochez l'attestation sur les dépenses déclarées.",
  ]);
  // Grouped per EJ, then the attestations of the dossier.
  await expect(summary().getByText(who, { exact: true })).toBeVisible();
  await expect(summary().getByText("Attestations", { exact: true })).toBeVisible();
  // Nothing was asked to confirm, nothing was sent.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");
  // Each message is next to its field too.
  await expect(page.getByText(`Indiquez les dépenses « RH internes » de ${who} (0 s'il n'y en a pas).`)).toHaveCount(2);

  // Each link takes the focus to its field.
  await summary().getByRole("link", { name: /Indiquez le NRU/ }).click();
  await expect(page.getByLabel("NRU de l'autoévaluation de maturité IE")).toBeFocused();
  await summary().getByRole("link", { name: /Déposez la note de cadrage/ }).click();
  await expect(browseButton(page, "Note de cadrage")).toBeFocused();
  await summary().getByRole("link", { name: /« Dépenses éditeurs »/ }).click();
  await expect(page.getByLabel("Dépenses éditeurs")).toBeFocused();
  await summary().getByRole("link", { name: /Cochez l'attestation d'atteinte/ }).click();
  await expect(page.getByLabel("J'atteste que mon établissement a atteint les cibles pour l'année 2026.")).toBeFocused();

  await expectNoAccessibilityViolations(page, "le formulaire de dépôt en erreur");
});

test("§2.1 an error leaves its field and the summary as soon as the field is fixed; §2.6 amounts say their limit", async () => {
  test.setTimeout(60_000);
  await page.getByLabel("RH internes").fill("0");
  await expect(summary().getByRole("listitem")).toHaveCount(8);
  await expect(page.getByText(/Indiquez les dépenses « RH internes »/)).toHaveCount(0);

  // A value that cannot be read replaces « missing » with what is wrong, at its place in the summary.
  const prestations = page.getByLabel("Prestations externes");
  await prestations.fill("12,345");
  await expect(page.getByText("Indiquez au plus deux décimales (les centimes) ; séparez les milliers par une espace, par exemple 12 345,67.")).toHaveCount(2);
  await expect(page.getByText(/Indiquez les dépenses « Prestations externes »/)).toHaveCount(0);

  // §2.6: the bound, at the limit and one cent above.
  await prestations.fill("10 000 000,01");
  await expect(page.getByText("Le montant ne peut dépasser 10 000 000,00 €.")).toHaveCount(2);
  await prestations.fill("10 000 000");
  await expect(page.getByText("Le montant ne peut dépasser 10 000 000,00 €.")).toHaveCount(0);
  await page.getByLabel("Montant demandé (en euros)").fill("1 000 000 000 000");
  await expect(page.getByText("Le montant ne peut dépasser 10 000 000,00 €.")).toHaveCount(2);
  await page.getByLabel("Montant demandé (en euros)").fill("");
  await prestations.fill("0");
  await expect(summary().getByRole("listitem")).toHaveCount(7);

  await tick(page, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
  await expect(summary().getByRole("listitem")).toHaveCount(6);
  await expect(page.getByText("Cochez l'attestation d'atteinte des cibles 2026.")).toHaveCount(0);
  await tick(page, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.", false);
  await expect(page.getByText("Cochez l'attestation d'atteinte des cibles 2026.")).toHaveCount(2);
  await expectNoAccessibilityViolations(page, "le formulaire de dépôt en erreur, montants invalides compris");
});

test("§2.8 the draft is saved at the time of the portal's clock (simulated in demo), not the machine's", async ({ browser }) => {
  test.setTimeout(120_000);
  // The machine's own hour in Paris; the simulated one is 7 hours away from it.
  const machineHour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Europe/Paris" }).formatToParts(new Date()).find((part) => part.type === "hour")?.value);
  expect(Number.isInteger(machineHour)).toBe(true);
  const hour = String((machineHour + 7) % 24).padStart(2, "0");
  await setSimulatedDate(browser, `2026-06-10T${hour}:17`);
  try {
    await page.reload();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Dépenses éditeurs").fill("0");
    await expect(page.getByTestId("etat-enregistrement")).toHaveText(new RegExp(`^Brouillon enregistré à ${hour}:1[78]:\\d{2} — non transmis à l'ARS\\.$`), { timeout: 15_000 });
  } finally {
    await setSimulatedDate(browser, "2026-06-01T10:00");
  }
});

test("§2.7 a file whose content is already in the slot is refused with a clear warning; one document is kept", async () => {
  test.setTimeout(90_000);
  await page.reload();
  await page.waitForLoadState("networkidle");
  const note = await writePdf("note-etats.pdf", "Note de cadrage des États");
  const copy = path.join(path.dirname(note), "copie-de-la-note.pdf");
  fs.copyFileSync(note, copy);
  const noteInput = page.getByLabel("Déposer un fichier — Note de cadrage");
  const notes = page.getByRole("list", { name: "Documents déposés — Note de cadrage" }).getByRole("listitem");

  await noteInput.setInputFiles(note);
  await expect(page.getByRole("link", { name: "note-etats.pdf" })).toBeVisible();
  await noteInput.setInputFiles(copy);
  await expect(
    page.getByText("« copie-de-la-note.pdf » n'a pas été ajouté : son contenu est identique à celui de « note-etats.pdf », déjà déposé ici (même empreinte SHA-256)."),
  ).toBeVisible();
  await noteInput.setInputFiles(note);
  await expect(page.getByText("« note-etats.pdf » est déjà déposé ici avec exactement le même contenu (même empreinte SHA-256) : il n'a pas été ajouté une seconde fois.")).toBeVisible();
  await expect(notes).toHaveCount(1);

  // Two identical files chosen together: the second is refused (by the server if the page has not caught up yet).
  const attestation = await writePdf("attestation-etats.pdf", "Attestation DAF des États");
  const twin = path.join(path.dirname(attestation), "attestation-bis.pdf");
  fs.copyFileSync(attestation, twin);
  await page.getByLabel("Déposer un fichier — Attestation sur l'honneur des dépenses engagées, signée par la DAF").setInputFiles([attestation, twin]);
  await expect(page.getByText("« attestation-bis.pdf » n'a pas été ajouté : son contenu est identique à celui de « attestation-etats.pdf »", { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Documents déposés — Attestation sur l'honneur des dépenses engagées, signée par la DAF" }).getByRole("listitem")).toHaveCount(1);
  await expect(notes).toHaveCount(1);
});

test("§2.1 after a successful transmission: « Transmis à l'ARS » only — no draft message, no old error", async () => {
  test.setTimeout(90_000);
  await page.getByLabel("NRU de l'autoévaluation de maturité IE").fill(nru);
  await page.getByLabel("RH internes").fill("10 000");
  await page.getByLabel("Prestations externes").fill("15 000");
  await page.getByLabel("Dépenses éditeurs").fill("5 000");
  await expect(page.getByTestId(`plafond-demande-${fixture.finess}`)).toHaveText(/30\s000,00\s€/);
  // An attempt first, so that errors are on screen when the transmission succeeds.
  await page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }).click();
  await expect(summary().getByRole("listitem")).toHaveText([`Indiquez le montant demandé pour ${who}.`, "Cochez l'attestation d'atteinte des cibles 2026.", "Cochez l'attestation sur les dépenses déclarées."]);
  await page.getByRole("button", { name: "Demander le montant maximal" }).click();
  await tick(page, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
  await tick(page, /J'atteste que les dépenses déclarées concourent/);
  await expect(summary()).toContainText("Tous les éléments signalés sont complétés : vous pouvez transmettre le dossier.");

  await transmitWithDialog(page);
  await expect(page.getByTestId("etat-dossier")).toContainText("Transmis à l'ARS le");
  await expect(page.getByTestId("etat-dossier")).toContainText("(transmission n° 1)");
  await expect(page.getByText(/Brouillon enregistré/)).toHaveCount(0);
  await expect(page.getByText(/non transmis/)).toHaveCount(0);
  await expect(page.locator("#resume-erreurs")).toHaveCount(0);
  await expect(page.getByText(/^(Indiquez|Cochez|Déposez) /)).toHaveCount(0);
  await expect(page.getByLabel("RH internes")).toBeDisabled();
  await expectNoAccessibilityViolations(page, "le dépôt transmis");
});

async function arsRequestsChanges(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf("instructorAra") });
  const instructor = await context.newPage();
  await instructor.goto(dossierPath.replace("/etablissement/dossiers/", "/ars/dossiers/"));
  await instructor.getByRole("button", { name: "Demander un complément" }).click();
  await instructor.getByLabel("Message à l'établissement (obligatoire)").fill("Merci de détailler les dépenses RH internes.");
  await instructor.getByRole("button", { name: "Ajouter un élément concerné" }).click();
  await instructor.getByLabel("Champ ou document").selectOption({ label: `${who} — dépenses « RH internes »` });
  await instructor.getByLabel("Précision").fill("Montant sans détail");
  await instructor.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(instructor.getByRole("status").filter({ hasText: "La demande de complément a été envoyée" })).toBeVisible();
  await context.close();
}

test("§2.1 after a resubmission, the ARS's points read as answered, not as open requests", async ({ browser }) => {
  test.setTimeout(120_000);
  await arsRequestsChanges(browser);
  await page.reload();
  await expect(page.getByTestId("etat-dossier")).toContainText("Modifications en cours — non transmises à l'ARS");
  await expect(page.getByRole("heading", { name: /Demande de complément de l'ARS du/ })).toBeVisible();
  await expect(page.getByText("Demande de l'ARS — Incorrect : Montant sans détail")).toBeVisible();
  await expectNoAccessibilityViolations(page, "le dépôt avec la demande de complément de l'ARS");

  await page.getByLabel("RH internes").fill("9 000");
  await page.getByRole("button", { name: "Demander le montant maximal" }).click();
  await expect(page.getByLabel("Montant demandé (en euros)")).toHaveValue(/29\s000,00/);
  await transmitWithDialog(page, /^Transmettre à nouveau à l'ARS$/);

  await expect(page.getByTestId("etat-dossier")).toContainText("(transmission n° 2)");
  await expect(page.getByRole("heading", { name: /Complément transmis à l'ARS le/ })).toBeVisible();
  await expect(page.getByText(/dépenses « RH internes » — Incorrect : Montant sans détail — répondu/)).toBeVisible();
  await expect(page.getByText("Demande de l'ARS — Incorrect : Montant sans détail")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Demande de complément de l'ARS du/ })).toHaveCount(0);
  await expect(page.getByText(/Modifications en cours/)).toHaveCount(0);
  await expectNoAccessibilityViolations(page, "le dépôt transmis à nouveau");
});
