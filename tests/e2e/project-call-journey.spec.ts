/**
 * The AAP HOP'EN2 end to end (source 001_56e3d9c199e9e209.txt, issue 10): in May 2026 the demo
 * clinic (rattrapage open: no usage payment) builds a two-EJ perimeter with CH de Lannvoré, sees
 * its cumulated category (41 275,5 + 2 480 = 43 755,5 → B, 51 000 €) and transmits; the ARS
 * Bretagne scores it and retains a justified 45 000 € (22 500 € in 2026); in June 2027 the clinic
 * deposits its proof and the ARS validates the objectives (the other 22 500 €). Every step's
 * e-mail reaches the test SMTP server.
 */
import { expect as baseExpect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateOf, type DemoAccount } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { tick, waitForDsfr } from "./support/dsfr";
import { expectMail } from "./support/mailbox";
import { writePdf } from "./support/pdf-fixture";

const expect = baseExpect.configure({ timeout: 15_000 });
const CLINIC = "SAS Clinique de la Rade de Kervidec";
const CLINIC_EG = "995300217";
const CLINIC_EJ = "995300209";
const LANNVORE_EG = "995300118";
const LANNVORE_EJ = "995300100";
const euros = (text: string) => text.replace(/ /g, "\u202f").replace(/\u202f€/, "\u00a0€");

test.describe.configure({ mode: "serial" });

let projectPath = "";
let projectId = "";

/** Chooses a DSFR radio by its exact label, clicking the label as a user does (DSFR draws the radio on it). */
async function choose(scope: Locator, name: string) {
  const radio = scope.getByRole("radio", { name, exact: true });
  await scope.page().locator(`label[for="${await radio.getAttribute("id")}"]`).click();
  await expect(radio).toBeChecked();
}

async function pageOf(browser: Browser, account: DemoAccount): Promise<Page> {
  return (await browser.newContext({ storageState: storageStateOf(account) })).newPage();
}

test.beforeAll(async ({ browser }) => setSimulatedDate(browser, "2026-05-15T10:00"));
test.afterAll(async ({ browser }) => setSimulatedDate(browser, "2026-06-01T10:00"));

test("the porteur builds a two-EJ perimeter, sees its category and cap, and transmits", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await pageOf(browser, "referentClinique");
  await page.goto("/etablissement/dossiers");
  await page.getByRole("button", { name: `Déposer un projet AAP pour ${CLINIC}` }).click();
  await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/]+$/);
  projectPath = new URL(page.url()).pathname;
  projectId = projectPath.split("/").pop() ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Projet n° AAP2026-\d{6}/);
  await waitForDsfr(page);

  await page.getByLabel("FINESS PMSI de l'établissement porteur").fill(CLINIC_EG);
  for (const [index, [site, ej]] of [[CLINIC_EG, CLINIC_EJ], [LANNVORE_EG, LANNVORE_EJ]].entries()) {
    const row = page.getByRole("group", { name: `Établissement n° ${index + 1} du périmètre` });
    if ((await row.count()) === 0) await page.getByRole("button", { name: "Ajouter un établissement au périmètre" }).click();
    await row.getByLabel("FINESS de l'établissement géographique").fill(site!);
    await row.getByLabel("FINESS de l'entité juridique").fill(ej!);
  }
  await choose(page.getByRole("group", { name: /^Thématique du projet/ }), "Rattrapage de la maturité numérique des établissements");
  const objective = page.getByRole("checkbox", { name: /^RAT-1 — / });
  await page.locator("label").filter({ hasText: /^RAT-1 — / }).click();
  await expect(objective).toBeChecked();
  await page.getByLabel("Description de l'objectif RAT-1").fill("Déployer la connexion par e-CPS sur tous les postes partagés.");

  await page.getByLabel("Prénom et nom du porteur responsable").fill("Maël Le Gall");
  await page.getByLabel("Adresse e-mail du porteur responsable").fill("mael.legall@clinique-kervidec.fr");
  await page.getByLabel("Fonction du porteur responsable").fill("Directeur des systèmes d'information");
  if ((await page.getByRole("group", { name: "Membre n° 1 de l'équipe projet" }).count()) === 0) await page.getByRole("button", { name: "Ajouter un membre à l'équipe projet" }).click();
  const member = page.getByRole("group", { name: "Membre n° 1 de l'équipe projet" });
  await member.getByLabel("Prénom et nom").fill("Anne Le Floch");
  await member.getByLabel("Métier ou fonction").fill("Cadre de santé des urgences");
  await page.getByLabel("Enjeux métiers").fill("Réduire le temps perdu aux connexions des soignants.");
  await page.getByLabel("Objectifs opérationnels").fill("Une connexion par carte ou e-CPS en moins de 10 secondes.");
  await page.getByLabel("Chantiers SI envisagés").fill("Annuaire, fédération d'identités, postes partagés.");
  if ((await page.getByRole("group", { name: "Cible n° 1" }).count()) === 0) await page.getByRole("button", { name: "Ajouter une cible" }).click();
  const target = page.getByRole("group", { name: "Cible n° 1" });
  await choose(target, "Cible quantitative");
  await target.getByLabel("Description de la cible").fill("90 % des soignants se connectent par e-CPS");
  await page.getByLabel("Dépenses prévisionnelles 2026 (en euros)").fill("30 000");
  await page.getByLabel("Dépenses prévisionnelles 2027 (en euros)").fill("20 000");

  // The category of the cumulated perimeter, from the server's reference data once saved.
  const category = page.getByTestId("categorie-plafond");
  await expect(category).toContainText("43\u202f755,5", { timeout: 30_000 });
  await expect(category).toContainText("B");
  await expect(category).toContainText(euros("51 000,00 €"));
  await expect(page.getByTestId("conditions-eligibilite")).toContainText("Remplie");

  await expectNoAccessibilityViolations(page, "le formulaire du projet AAP rempli");

  await page.getByRole("button", { name: "Transmettre le projet à l'ARS" }).click();
  const dialog = page.getByRole("dialog", { name: "Transmettre le projet à l'ARS ?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Transmettre", exact: true }).click();
  await expect(page.getByTestId("etat-dossier")).toContainText("Projet transmis à l'ARS le 15 mai 2026", { timeout: 30_000 });
  await expectMail(DEMO_ACCOUNTS.referentClinique.email, "Transmission de votre formulaire de dépôt de projet à votre ARS");
  await expectMail(DEMO_ACCOUNTS.instructorBretagne.email, "Transmission du formulaire de dépôt de projet");
  await page.context().close();
});

test("the ARS Bretagne scores the project and retains a justified amount under the cap", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageOf(browser, "instructorBretagne");
  await page.goto(`/ars/dossiers/${projectId}`);
  await waitForDsfr(page);
  await expectNoAccessibilityViolations(page, "la grille de sélection du projet AAP");
  await choose(page.getByRole("group", { name: "Respecte les critères d'éligibilité" }), "Oui");
  const criteria: [string, string][] = [
    ["Respect des critères d'éligibilité au dispositif", "Aucun versement d'usage SUN-ES ni HOP'EN2 phase 1."],
    ["Robustesse, réalisme et soutenabilité du projet", "Calendrier réaliste."],
    ["Niveau de participation aux programmes numériques nationaux", "Participation régulière."],
  ];
  for (const [name, comment] of criteria) await page.getByRole("group", { name }).getByLabel(/^Commentaire \(obligatoire\)/).fill(comment);
  for (const name of ["Robustesse, réalisme et soutenabilité du projet", "Niveau de participation aux programmes numériques nationaux"]) {
    await choose(page.getByRole("group", { name }), "Très satisfaisant");
  }
  const others = page.getByRole("group", { name: /^(Articulation avec d'autres modalités|Diversité et représentativité)/ });
  for (const group of await others.all()) {
    await choose(group, "Satisfaisant");
    await group.getByLabel(/^Commentaire \(obligatoire\)/).fill("Satisfaisant au regard du dossier.");
  }
  const industrial = page.getByRole("group", { name: "Engagement des partenaires industriels (lettres d'engagement), le cas échéant" });
  await choose(industrial, "Sans objet");
  await industrial.getByLabel(/^Commentaire \(obligatoire\)/).fill("Aucun partenaire industriel.");
  await expect(page.getByText(/Total : 10 \/ 12/)).toBeVisible();

  await choose(page.getByRole("group", { name: "Décision" }), "Retenir le projet");
  const amount = page.getByLabel("Montant accordé (en euros)");
  await expect(amount).toHaveValue(euros("51 000,00"));
  await amount.fill("45 000");
  await page.getByLabel(/^Justification du montant accordé/).fill("Dépenses prévisionnelles de 50 000 € dont une part hors périmètre éligible.");
  await tick(page.getByRole("group", { name: "Éléments ayant déterminé le montant" }), "Dépenses prévisionnelles du projet");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  const dialog = page.getByRole("dialog", { name: /Enregistrer la décision sur le projet n° AAP2026-\d{6} \?/ });
  await dialog.getByRole("button", { name: "Confirmer la décision" }).click();
  await expect(page.getByText("Le projet est retenu ; l'établissement en est informé par e-mail.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`50 % en 2026 : ${euros("22 500,00 €")}`).first()).toBeVisible();
  await page.context().close();
  await expectMail(DEMO_ACCOUNTS.referentClinique.email, "retenu");
});

test("the porteur reads the decision and its 2026 payment", async ({ browser }) => {
  const page = await pageOf(browser, "referentClinique");
  await page.goto(projectPath);
  await expect(page.getByText(/Projet retenu par l'ARS le/)).toBeVisible();
  await expect(page.getByTestId("montant-accorde")).toContainText(euros("45 000,00 €"));
  await expect(page.getByTestId("versements")).toContainText("50 % en 2026");
  await expect(page.getByTestId("versements")).toContainText(euros("22 500,00 €"));
  await page.context().close();
});

test("in June 2027 the porteur deposits its proof and the ARS validates the objectives", async ({ browser }) => {
  test.setTimeout(180_000);
  await setSimulatedDate(browser, "2027-06-10T10:00");
  const porteur = await pageOf(browser, "referentClinique");
  await porteur.goto(projectPath);
  await waitForDsfr(porteur);
  const proofs = porteur.getByRole("region", { name: "Preuves d'atteinte des cibles" });
  await choose(proofs.getByRole("group", { name: "Cible atteinte ?" }), "Oui");
  const proof = await writePdf("tableau-de-bord-e-cps.pdf", "90 % des connexions par e-CPS en mai 2027");
  await porteur.getByLabel(/^Déposer un fichier — Preuve d'atteinte de la cible n° 1/).setInputFiles(proof);
  await expect(porteur.getByRole("link", { name: "tableau-de-bord-e-cps.pdf" })).toBeVisible({ timeout: 30_000 });
  await porteur.getByRole("button", { name: "Transmettre les preuves à l'ARS" }).click();
  const dialog = porteur.getByRole("dialog", { name: /Transmettre les preuves/ });
  await dialog.getByRole("button", { name: "Transmettre", exact: true }).click();
  await expect(porteur.getByTestId("etat-dossier")).toContainText("Preuves transmises à l'ARS", { timeout: 30_000 });
  await expectMail(DEMO_ACCOUNTS.instructorBretagne.email, "Transmission des éléments de preuve");

  const ars = await pageOf(browser, "instructorBretagne");
  await ars.goto(`/ars/dossiers/${projectId}`);
  await waitForDsfr(ars);
  await expect(ars.getByText("Cible atteinte").first()).toBeVisible();
  await ars.getByRole("button", { name: "Valider l'atteinte des objectifs" }).click();
  await ars.getByLabel("Commentaire (facultatif)").fill("Cible atteinte, tableau de bord probant.");
  await ars.getByRole("button", { name: "Confirmer la validation des objectifs" }).click();
  await expect(ars.getByText("Objectifs validés par l'ARS").first()).toBeVisible({ timeout: 30_000 });
  await expectMail(DEMO_ACCOUNTS.referentClinique.email, "Objectifs du projet");

  await porteur.reload();
  await expect(porteur.getByTestId("versements")).toContainText("50 % en 2027");
  await porteur.context().close();
  await ars.context().close();
});
