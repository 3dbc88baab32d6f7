import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateOf } from "./support/accounts";
import { tick, transmitWithDialog } from "./support/deposit-form";
import { waitForDsfr } from "./support/dsfr";
import { expectMail, receivedMails } from "./support/mailbox";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";

const referentEmail = DEMO_ACCOUNTS.referentEj.email;
const instructorEmail = DEMO_ACCOUNTS.instructorAra.email;

test.describe.configure({ mode: "serial" });

/**
 * The whole loop of source 003: the referent submits, the ARS requests changes,
 * the referent corrects and resubmits, the ARS accepts with an amount — and
 * every e-mail reaches the SMTP server with its recipient and subject.
 */
test("submission, change request, resubmission and acceptance, with every e-mail", async ({ browser }) => {
  test.setTimeout(240_000);
  const referentContext = await browser.newContext({ storageState: storageStateOf("referentEj") });
  const instructorContext = await browser.newContext({ storageState: storageStateOf("instructorAra") });
  const referent = await referentContext.newPage();
  const instructor = await instructorContext.newPage();

  // 1. The referent deposits the 2026 proofs of the Centre hospitalier de Montbrasset (800 agents).
  const nru = await validateNewSelfAssessment(referent, "Centre hospitalier de Montbrasset");
  await referent.goto("/etablissement/dossiers");
  await referent.getByRole("button", { name: /Déposer les preuves de Centre hospitalier de Montbrasset/ }).click();
  await expect(referent).toHaveURL(/\/etablissement\/dossiers\/[^/]+$/);
  const dossierId = referent.url().split("/").pop() ?? "";
  const number = ((await referent.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/HC-J2026-\d{6}/)?.[0] ?? "";
  expect(number).not.toBe("");
  await referent.getByLabel("Déposer un fichier — Note de cadrage").setInputFiles(await writePdf("note-de-cadrage.pdf", "Note de cadrage"));
  await expect(referent.getByRole("link", { name: "note-de-cadrage.pdf" })).toBeVisible();
  await referent.getByLabel("Déposer un fichier — Attestation sur l'honneur des dépenses engagées, signée par la DAF").setInputFiles(await writePdf("attestation.pdf", "Attestation"));
  await expect(referent.getByRole("link", { name: "attestation.pdf" })).toBeVisible();
  await referent.getByLabel("NRU de l'autoévaluation de maturité IE").fill(nru);
  await referent.getByLabel("RH internes").fill("10 000");
  await referent.getByLabel("Prestations externes").fill("15 000");
  await referent.getByLabel("Dépenses éditeurs").fill("5 000");
  // source 000's example: 39 050 € eligible, capped at the 30 000 € declared.
  await expect(referent.getByTestId("plafond-demande-998400402")).toHaveText(/30\s000,00\s€/);
  await referent.getByRole("button", { name: "Demander le montant maximal" }).click();
  await tick(referent, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
  await tick(referent, /J'atteste que les dépenses déclarées concourent/);
  await transmitWithDialog(referent);
  await expect(referent.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
  await expectMail(referentEmail, `Transmission de votre formulaire de dépôt à votre ARS – ${number}`);
  await expectMail(instructorEmail, new RegExp(`Transmission du formulaire de dépôt .*${number}`));

  // 2. The instructor requests changes on one field.
  await instructor.goto(`/ars/dossiers/${dossierId}`);
  await instructor.getByRole("button", { name: "Demander un complément" }).click();
  await instructor.getByLabel("Message à l'établissement (obligatoire)").fill("Merci de justifier les dépenses RH internes.");
  await instructor.getByRole("button", { name: "Ajouter un élément concerné" }).click();
  await instructor.getByLabel("Champ ou document").selectOption({ label: "Centre hospitalier de Montbrasset — dépenses « RH internes »" });
  await instructor.getByLabel("Précision").fill("Montant sans détail");
  await instructor.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(instructor.getByRole("status").filter({ hasText: "La demande de complément a été envoyée" })).toBeVisible();
  await expectMail(referentEmail, `Demande de complément de l'étape Formulaire de dépôt du dossier ${number}`);

  // 3. The referent sees the point next to the field, corrects and resubmits.
  await referent.reload();
  await expect(referent.getByTestId("etat-dossier")).toContainText("Modifications en cours — non transmises à l'ARS");
  await expect(referent.getByText("Demande de l'ARS — Incorrect : Montant sans détail")).toBeVisible();
  await referent.getByLabel("RH internes").fill("9 000");
  await referent.getByLabel("Montant demandé (en euros)").fill("29 000");
  await transmitWithDialog(referent, /^Transmettre à nouveau à l'ARS$/);
  await expect(referent.getByTestId("etat-dossier")).toContainText("En cours d'instruction par l'ARS");
  await expect.poll(() => receivedMails().filter((mail) => mail.to.includes(referentEmail) && mail.subject.includes(`Transmission de votre formulaire de dépôt à votre ARS – ${number}`)).length).toBe(2);
  await expect.poll(() => receivedMails().filter((mail) => mail.to.includes(instructorEmail) && mail.subject.includes(number) && mail.subject.includes("Transmission du formulaire")).length).toBe(2);

  // 4. The instructor accepts with an amount (at most the capped 29 000 €; below it, with a reason), confirmed in a modal.
  await instructor.reload();
  await waitForDsfr(instructor);
  await instructor.getByRole("button", { name: "Accepter", exact: true }).click();
  const amount = instructor.getByLabel("Montant accordé — Centre hospitalier de Montbrasset (en euros)");
  await expect(amount).toHaveValue(/29\s000,00/);
  await amount.fill("30 000");
  await expect(instructor.getByText("Le montant accordé ne peut dépasser 29 000,00 €").first()).toBeVisible();
  await amount.fill("25 000");
  await instructor.getByLabel("Motif du montant inférieur au maximal — Centre hospitalier de Montbrasset (obligatoire)").fill("Dépenses RH internes justifiées à hauteur de 5 000 € seulement.");
  await instructor.getByRole("button", { name: "Accepter le dossier" }).click();
  await instructor.getByRole("dialog", { name: new RegExp(`Accepter le dossier n° ${number}`) }).getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(instructor.getByRole("status").filter({ hasText: "Le dossier est accepté" })).toBeVisible();
  await expectMail(referentEmail, `accepté - ${number}`);

  // 5. The referent sees the decision, the amount and the reason.
  await referent.reload();
  await expect(referent.getByRole("heading", { name: /Dossier accepté par l'ARS/ })).toBeVisible();
  await expect(referent.getByText(/montant accordé 25\s000,00\s€ sur un montant maximal de 29\s000,00\s€/)).toBeVisible();
  await expect(referent.getByText("Motif indiqué par votre ARS : Dépenses RH internes justifiées à hauteur de 5 000 € seulement.")).toBeVisible();
  await referentContext.close();
  await instructorContext.close();
});
