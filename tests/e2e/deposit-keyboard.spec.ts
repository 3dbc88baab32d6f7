/**
 * Issue 9 §1: one test completes the 2026 deposit form with the keyboard only — Tab, Shift+Tab,
 * Space, Enter and typing; the file chooser is opened from the « Parcourir » button with Enter
 * (Playwright answers the browser's file chooser) — up to the confirmation dialog and « transmis à l'ARS ».
 */
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { browseButton, chooseWithKeyboard, signInAs, tabTo } from "./support/deposit-form";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";


// Each step waits for a server action or a refresh of the page: generous under a loaded machine.
const expect = baseExpect.configure({ timeout: 15_000 });
const fixture = E2E_ESTABLISHMENTS.keyboardDeposit;

async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByLabel(label);
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

test("the 2026 deposit of an EJ of 800 agents, completed and transmitted with the keyboard only", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "keyboardDeposit");
  // Set-up (not the form under test): the self-assessment of the year whose NRU the deposit quotes.
  const nru = await validateNewSelfAssessment(page, fixture.name);
  const note = await writePdf("note-de-cadrage-clavier.pdf", "Note de cadrage HospiConnect");
  const attestation = await writePdf("attestation-daf-clavier.pdf", "Attestation DAF");

  // From here on, only the keyboard.
  await page.goto("/etablissement/dossiers");
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("button", { name: `Déposer les preuves de ${fixture.name}` }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ARS");

  await chooseWithKeyboard(page, browseButton(page, "Note de cadrage"), [note]);
  await expect(page.getByRole("link", { name: "note-de-cadrage-clavier.pdf" })).toBeVisible();

  await typeInto(page, "NRU de l'autoévaluation de maturité IE", nru);

  await chooseWithKeyboard(page, browseButton(page, "Attestation sur l'honneur des dépenses engagées, signée par la DAF"), [attestation]);
  await expect(page.getByRole("link", { name: "attestation-daf-clavier.pdf" })).toBeVisible();

  await typeInto(page, "RH internes", "10 000");
  await typeInto(page, "Prestations externes", "15 000");
  await typeInto(page, "Dépenses éditeurs", "5 000");
  // source 000: 800 agents, 39 050 € a year, capped at the 30 000 € declared.
  await expect(page.getByTestId(`plafond-demande-${fixture.finess}`)).toHaveText(/30\s000,00\s€/);

  const maximum = page.getByRole("button", { name: "Demander le montant maximal" });
  await tabTo(page, maximum);
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Montant demandé (en euros)")).toHaveValue(/30\s000,00/);

  // Back up with Shift+Tab to check the amount requested, then on to the attestations.
  await tabTo(page, page.getByLabel("Montant demandé (en euros)"), { backwards: true });
  await expect(page.getByLabel("Montant demandé (en euros)")).toBeFocused();

  const targets = page.getByLabel("J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
  await tabTo(page, targets);
  await page.keyboard.press("Space");
  await expect(targets).toBeChecked();
  const expenses = page.getByLabel(/J'atteste que les dépenses déclarées concourent/);
  await tabTo(page, expenses);
  await page.keyboard.press("Space");
  await expect(expenses).toBeChecked();

  await tabTo(page, page.getByRole("button", { name: "Transmettre le dossier à l'ARS" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Transmettre le dossier à l'ARS ?" });
  await expect(dialog).toBeVisible();
  // The dialog says what will be sent.
  await expect(dialog).toContainText(nru);
  await expect(dialog).toContainText("note-de-cadrage-clavier.pdf");
  await expect(dialog).toContainText("attestation-daf-clavier.pdf");
  await expect(dialog).toContainText(/Montant demandé : 30\s000,00\s€/);
  await expectNoAccessibilityViolations(page, "la confirmation de la transmission");
  await tabTo(page, dialog.getByRole("button", { name: "Transmettre", exact: true }), { max: 10 });
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("etat-dossier")).toContainText("Transmis à l'ARS");
  await expect(page.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
  // The confirmation takes the focus (the button that had it is gone).
  await expect(page.locator("#etat-transmission")).toBeFocused();
  await expect(page.getByRole("link", { name: "Télécharger le récépissé (PDF)" })).toBeVisible();
});
