/**
 * Issue 12 (source 000_1a898dec8b2a4de4.txt), on the objectives2027 fixture EJ (800 agents, a 39 050 €
 * ceiling, its candidature accepted): the 2027 deposit declares objective 1.0 and three objectives
 * with their proofs, and no note de cadrage; the ARS validates two of the three and rejects one with
 * its reason; the amount decided is 52 % of the ceiling (20 306 €, under the 30 000 € declared); the
 * referent reads the count and the reason.
 */
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { transmitWithDialog } from "./support/deposit-form";
import { tick, waitForDsfr } from "./support/dsfr";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";

const expect = baseExpect.configure({ timeout: 15_000 });
const fixture = E2E_ESTABLISHMENTS.objectives2027;
const euros = (text: string) => new RegExp(text.replace(/ /g, "\\s"));

test.describe.configure({ mode: "serial" });

async function upload(page: Page, label: string, file: string) {
  await page.getByLabel(`Déposer un fichier — ${label}`).setInputFiles(file);
  await expect(page.getByRole("link", { name: path.basename(file) })).toBeVisible({ timeout: 30_000 });
}

/** The radio `option` of the DSFR radio group whose legend starts with `legend`. */
async function choose(scope: Page, legend: RegExp, option: string) {
  // The innermost group: the ARS's verdicts sit inside the fieldset of the EJ's declared objectives.
  await scope.locator("fieldset", { has: scope.locator("legend", { hasText: legend }) }).last().locator("label", { hasText: new RegExp(`^${option}$`) }).click();
}

test("a 2027 deposit with 1.0 and three objectives, two validated by the ARS and one rejected with its reason: 52 % of the ceiling", async ({ browser }) => {
  test.setTimeout(180_000);
  await setSimulatedDate(browser, "2027-06-01T10:00");
  const referent = await (await browser.newContext()).newPage();
  await signIn(referent, fixture.email, DEMO_PASSWORD);
  await expect(referent).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
  const nru = await validateNewSelfAssessment(referent, fixture.name, 2027);
  await referent.goto("/etablissement/dossiers");
  await referent.getByRole("button", { name: `Déposer les preuves de ${fixture.name}` }).click();
  await expect(referent).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/, { timeout: 20_000 });
  const dossierId = new URL(referent.url()).pathname.split("/").at(-1)!;
  const number = ((await referent.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/HC-J2027-\d+/)?.[0] ?? "";
  expect(number).not.toBe("");
  await referent.waitForLoadState("networkidle");
  // The note de cadrage is 2026's: not asked in 2027.
  await expect(referent.getByLabel("Déposer un fichier — Note de cadrage")).toHaveCount(0);

  await referent.getByLabel("NRU de l'autoévaluation de maturité IE").fill(nru);
  await upload(referent, "Attestation sur l'honneur des dépenses engagées, signée par la DAF", await writePdf("attestation-daf-2027.pdf", "Attestation 2027"));
  await referent.getByLabel("RH internes").fill("10 000");
  await referent.getByLabel("Prestations externes").fill("15 000");
  await referent.getByLabel("Dépenses éditeurs").fill("5 000");
  await choose(referent, /^1\.0 – Mise en conformité PGSSI-S/, "Oui");
  await expect(referent.getByText(/Cible 2027 : PV de décision de la commission d'homologation des MIE \(PGSSI-S\) \(avec ou sans réserve\)/)).toBeVisible();
  await upload(referent, "Preuve de l'objectif 1.0", await writePdf("pv-homologation.pdf", "PV de la commission d'homologation"));
  for (const [label, file] of [
    ["1.1 – Gestion des identités", "preuve-1-1.pdf"],
    ["1.3 – Utilisation d'un moyen d'identification électronique", "preuve-1-3.pdf"],
    ["2.2 – La consultation du DMP est effective", "preuve-2-2.pdf"],
  ] as const) {
    await tick(referent, new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await upload(referent, `Preuve de l'objectif ${label.slice(0, 3)}`, await writePdf(file, `Preuve ${label}`));
  }
  // 2.2's target is a percentage (40 % in 2027): its indicator is asked, and bounded.
  const indicator = referent.getByLabel(/— objectif 2\.2/);
  await indicator.fill("120");
  await expect(referent.getByText("Un indicateur ne peut pas dépasser 100 %.")).toBeVisible();
  await indicator.fill("42");
  await referent.getByRole("button", { name: "Demander le montant maximal" }).click();
  await tick(referent, "J'atteste que mon établissement a atteint les cibles pour l'année 2027.");
  await tick(referent, /J'atteste que les dépenses déclarées concourent/);
  await expect(referent.getByTestId("etat-enregistrement")).toContainText("Brouillon enregistré à", { timeout: 20_000 });
  await transmitWithDialog(referent);
  await expect(referent.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS", { timeout: 20_000 });

  // The ARS validates 1.0, 1.1 and 1.3, and rejects 2.2 with its reason.
  await setSimulatedDate(browser, "2027-07-01T10:00");
  const ars = await (await browser.newContext({ storageState: storageStateOf("instructorAra") })).newPage();
  await ars.goto(`/ars/dossiers/${dossierId}`);
  await expect(ars.getByRole("heading", { level: 1 })).toContainText(`Dossier n° ${number}`);
  await waitForDsfr(ars);
  await ars.getByRole("button", { name: "Accepter", exact: true }).click();
  const amount = ars.getByLabel(`Montant accordé — ${fixture.name} (en euros)`);
  await ars.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(ars.getByText("Indiquez si l'objectif 2.2 est atteint.").first()).toBeVisible();
  for (const code of ["1.0", "1.1", "1.3"]) await choose(ars, new RegExp(`^${code.replace(".", "\\.")} –`), "Atteint");
  await choose(ars, /^2\.2 –/, "Non atteint");
  await ars.getByLabel("Motif — objectif 2.2 non atteint (obligatoire)").fill("Le taux de consultation du DMP par TD3.1 déclaré n'est pas étayé par l'export du mois.");
  await expect(amount).toHaveValue(euros("20 306,00"));
  await expectNoAccessibilityViolations(ars, `acceptation du dépôt ${number} objectif par objectif`);
  await ars.getByRole("button", { name: "Accepter le dossier" }).click();
  const dialog = ars.getByRole("dialog", { name: `Accepter le dossier n° ${number} ?` });
  await expect(dialog).toContainText("Objectifs validés : 3 sur 4 déclarés.");
  await dialog.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(ars.getByRole("status").filter({ hasText: "Le dossier est accepté" })).toBeVisible();
  await ars.context().close();

  // The referent reads the count, the amount and the reason.
  await referent.reload();
  await expect(referent.getByTestId("objectifs-valides")).toHaveText("Objectifs validés par l'ARS : 3 sur 4 déclarés (1.0, 1.1, 1.3).");
  await expect(referent.getByTestId("montants-accordes")).toContainText(euros("20 306,00 €"));
  await expect(referent.getByText(/2\.2 – La consultation du DMP est effective .* : non atteint — Le taux de consultation du DMP par TD3\.1/)).toBeVisible();
  await referent.context().close();
});

test.afterAll(async ({ browser }) => {
  await setSimulatedDate(browser, "2026-06-01T10:00");
});
