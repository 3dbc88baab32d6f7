/**
 * HospiConnect/CaRE (issue 11, source 003_7e8834ec9bc46d44.txt), on the careReleve fixture EJ (its own
 * referent, in Auvergne-Rhône-Alpes): the DNS imports the envelopes, the EJ deposits its 2026 relève
 * (an internal-HR expense refused on the way), the ANS grants part of it with a reason, and the 2027
 * relève shows what remains of the single envelope. An ANS instructor cannot open a HOP'EN2 dossier,
 * an ARS instructor (even of the EJ's region) cannot open the CaRE one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { transmitWithDialog } from "./support/deposit-form";
import { tick, waitForDsfr } from "./support/dsfr";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { expectMail } from "./support/mailbox";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";

const expect = baseExpect.configure({ timeout: 15_000 });
const fixture = E2E_ESTABLISHMENTS.careReleve;
const euros = (text: string) => new RegExp(text.replace(/ /g, "\\s"));

test.describe.configure({ mode: "serial" });

/** Uploads `file` into the slot whose legend starts with `slot` (DSFR upload, attached at once). */
async function upload(page: Page, slot: RegExp, file: string) {
  const fieldset = page.getByRole("group", { name: slot });
  await fieldset.locator('input[type="file"]').setInputFiles(file);
  await expect(fieldset.getByRole("link", { name: path.basename(file) })).toBeVisible({ timeout: 30_000 });
}

test("the DNS imports the envelopes, the EJ deposits its 2026 relève, the ANS grants part of it, the 2027 relève shows what remains", async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. The DNS imports the published envelopes file (source 003's 39 380,00 €).
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "enveloppes-")), "enveloppes-care.csv");
  fs.writeFileSync(csv, `FINESS EJ;montant\n${fixture.finess};39 380,00\n`);
  await admin.goto("/admin/imports");
  await admin.waitForLoadState("networkidle");
  await admin.getByLabel("Type de fichier").selectOption("enveloppes-care");
  await admin.getByLabel(/^Fichier/).setInputFiles(csv);
  await admin.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(admin.getByTestId("rapport-import")).toContainText("Import réussi", { timeout: 60_000 });
  await admin.context().close();

  // 2. During the 2026 relève (« Du 15 juin au 15 juillet 2026 »), the EJ deposits.
  await setSimulatedDate(browser, "2026-06-22T10:00");
  const referent = await (await browser.newContext()).newPage();
  await signIn(referent, fixture.email, DEMO_PASSWORD);
  await expect(referent).toHaveURL(/\/etablissement$/, { timeout: 20_000 });
  const nru = await validateNewSelfAssessment(referent, fixture.name);
  await referent.goto("/etablissement/dossiers");
  await referent.getByRole("button", { name: `Déposer la relève CaRE de ${fixture.name}` }).click();
  await expect(referent).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/, { timeout: 20_000 });
  const dossierPath = new URL(referent.url()).pathname;
  const dossierId = dossierPath.split("/").at(-1)!;
  await referent.waitForLoadState("networkidle");
  await expect(referent.getByTestId("etat-dossier")).toContainText("Brouillon — non transmis à l'ANS");
  await expect(referent.getByLabel("Montant plafond au titre du domaine HospiConnect CaRE")).toHaveValue(euros("39 380,00 €"));
  await expect(referent.getByLabel("Montant plafond au titre du domaine HospiConnect CaRE")).toHaveAttribute("readonly", "");

  await tick(referent, /J'atteste que mon établissement a atteint les cibles pour l'année 2026/);
  await upload(referent, /^Dépôt de la note de cadrage/, await writePdf("note-de-cadrage-care.pdf", "Note de cadrage HospiConnect"));
  await referent.getByLabel(/^NRU de l'autoévaluation de maturité/).fill(nru);

  // An internal-HR expense: said on the line, and the draft is not saved with it.
  await referent.getByRole("button", { name: /^Ajouter une dépense/ }).click();
  const first = referent.getByRole("group", { name: "Dépense n° 1" });
  await first.getByLabel("Catégorie").selectOption({ label: "Ressources RH internes — non éligible au CaRE" });
  await expect(first).toContainText("Les dépenses « RH internes » ne sont pas éligibles au financement CaRE");
  await expect(referent.getByText(/Le brouillon n'a pas été enregistré/)).toBeVisible({ timeout: 20_000 });
  await expectNoAccessibilityViolations(referent, "relève CaRE : dépense non éligible");
  await first.getByLabel("Catégorie").selectOption("prestations_externes");
  await first.getByLabel(/^Nature de la dépense/).fill("Lecteurs de cartes CPS");
  await first.getByLabel("Fournisseur").fill("Société Lecteurs Santé");
  await first.getByLabel("N° de facture ou de bon de commande").fill("F-2026-0042");
  await first.getByLabel("Date de la facture").fill("2026-03-12");
  await first.getByLabel("Montant (en euros)").fill("30 000");
  await expect(referent.getByTestId(`depenses-eligibles-${fixture.finess}`)).toHaveText(euros("30 000,00 €"));
  await referent.getByRole("button", { name: /^Demander le montant maximal/ }).click();
  await expect(referent.getByLabel(/^Montant de financement demandé/)).toHaveValue("30 000,00".replace(/ /g, "\u202f"));
  await upload(referent, /^Trame financière et pièces justificatives/, await writePdf("trame-financiere-signee.pdf", "Trame financière signée"));
  await expect(referent.getByTestId("etat-enregistrement")).toContainText("Brouillon enregistré à", { timeout: 20_000 });
  await expectNoAccessibilityViolations(referent, "relève CaRE complète");
  await transmitWithDialog(referent, /^Transmettre le dossier à l'ANS$/, /Transmettre le dossier à l'ANS \?/);
  await expect(referent.getByTestId("etat-dossier")).toContainText("Transmis à l'ANS", { timeout: 20_000 });
  const number = ((await referent.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/HC-CARE2026-\d+/)?.[0] ?? "";
  expect(number).not.toBe("");
  await expectMail(DEMO_ACCOUNTS.instructorAns.email, new RegExp(`Transmission du formulaire de dépôt .*${number}`));
  await expectMail(fixture.email, `Transmission de votre formulaire de dépôt à l'ANS – ${number}`);

  // 3. The ANS finds it in its national queue, grants 20 000 € of the 30 000 € asked, with its reason.
  await setSimulatedDate(browser, "2026-08-03T10:00");
  const ans = await (await browser.newContext({ storageState: storageStateOf("instructorAns") })).newPage();
  await ans.goto("/ans/dossiers?region=84");
  await ans.getByRole("link", { name: new RegExp(number) }).click();
  await expect(ans.getByRole("heading", { level: 1 })).toContainText(`Dossier n° ${number}`);
  await expect(ans.getByTestId(`reste-${fixture.finess}`)).toHaveText(euros("39 380,00 €"));
  await expect(ans.getByTestId(`maximum-${fixture.finess}`)).toHaveText(euros("30 000,00 €"));
  await expectNoAccessibilityViolations(ans, `relève ${number} côté ANS`);
  await waitForDsfr(ans);
  await ans.getByRole("button", { name: "Accepter", exact: true }).click();
  await ans.getByLabel(`Montant accordé — ${fixture.name} (en euros)`).fill("20 000");
  await ans.getByLabel(`Motif du montant inférieur au maximal — ${fixture.name} (obligatoire)`).fill("Une facture de 10 000 € est antérieure au bon de commande.");
  await ans.getByRole("button", { name: "Accepter le dossier" }).click();
  const dialog = ans.getByRole("dialog", { name: `Accepter le dossier n° ${number} ?` });
  await dialog.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(ans.getByRole("status").filter({ hasText: "Le dossier est accepté" })).toBeVisible();
  await expectMail(fixture.email, `accepté - ${number}`);

  // 4. The 2027 relève: what remains of the envelope, the 2026 grant, no new note de cadrage.
  await setSimulatedDate(browser, "2027-06-21T10:00");
  await referent.goto(dossierPath);
  await expect(referent.getByRole("heading", { name: /Dossier accepté par l'ANS/ })).toBeVisible();
  await referent.goto("/etablissement/dossiers");
  await referent.getByRole("button", { name: `Déposer la relève CaRE de ${fixture.name}` }).click();
  await expect(referent).toHaveURL(/\/etablissement\/dossiers\/[^/?]+$/, { timeout: 20_000 });
  await expect(referent.getByTestId("reste-enveloppe")).toHaveText(euros("19 380,00 €"));
  await expect(referent.getByText(new RegExp(`Relève 2026 \\(dossier n° ${number}\\) : accordé 20`))).toBeVisible();
  await expect(referent.getByText(/Note de cadrage : déjà remise avec une relève précédente/)).toBeVisible();
  await referent.context().close();

  // 5. Each instructor its programme: the ANS never opens a HOP'EN2 dossier, the ARS of the EJ's region never a CaRE one.
  expect((await ans.request.get(`/ans/dossiers/${dossierId}`)).status()).toBe(200);
  const ars = await (await browser.newContext({ storageState: storageStateOf("instructorAra") })).newPage();
  const arsOnCare = await ars.goto(`/ars/dossiers/${dossierId}`);
  expect(arsOnCare?.status()).toBe(403);
  const fileLink = await ans.goto(`/ans/dossiers/${dossierId}`).then(() => ans.getByRole("link", { name: /trame-financiere-signee\.pdf/ }).first().getAttribute("href"));
  expect((await ars.request.get(fileLink ?? "")).status()).toBe(403);
  await ars.goto("/ars/dossiers");
  const hopen2 = await ars.getByRole("link", { name: /^HC-(C|J)2026-/ }).first().getAttribute("href");
  expect(hopen2).toMatch(/^\/ars\/dossiers\//);
  const ansOnHopen2 = await ans.goto((hopen2 ?? "").replace("/ars/", "/ans/"));
  expect(ansOnHopen2?.status()).toBe(403);
  await ars.context().close();
  await ans.context().close();
});

// The other specs of the clock stream start from the demo date, even after a failure or a timeout.
test.afterAll(async ({ browser }) => {
  await setSimulatedDate(browser, "2026-06-01T10:00");
});
