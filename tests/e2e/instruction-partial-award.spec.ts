/**
 * Issue 9 on the ARS side, on the `instruction` fixture EJ (800 agents, its own
 * referent, instructed by the demo instructor of Auvergne-Rhône-Alpes):
 * - §2.7: two copies of the same note de cadrage transmitted, then both
 *   removed: « ce qui a changé » counts two removed documents, not one;
 * - §2.10: granting less than the maximum needs a reason, said next to the
 *   field; the reason reaches the establishment's dossier page (the e-mail's
 *   content is checked in tests/integration/instruction/partial-award.test.ts);
 * - accepting and refusing are confirmed in a DSFR modal;
 * - axe on every tab of the review page, on the panel in its error states and
 *   on the confirmation modal.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { openTab, waitForDsfr } from "./support/dsfr";
import { fillDeposit, removeDocument, startDeposit, transmit, uploadToSlot, writeIdenticalPdfs } from "./support/deposit-driver";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";
import { expectMail } from "./support/mailbox";
import { writePdf } from "./support/pdf-fixture";
import { validateNewSelfAssessment } from "./support/self-assessment";

const fixture = E2E_ESTABLISHMENTS.instruction;
const instructorEmail = DEMO_ACCOUNTS.instructorAra.email;

test.describe.configure({ mode: "serial" });

/** The panel's error summary (a DSFR alert); Next's route announcer is an alert too, hence the filter. */
const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: /corrigez|n'a pas été enregistrée/ });

test("a partial award needs its reason, shown to the establishment; every removed copy is counted; decisions are confirmed in a modal", async ({ browser }) => {
  test.setTimeout(300_000);
  const referentContext = await browser.newContext();
  const referent = await referentContext.newPage();
  await signIn(referent, fixture.email, DEMO_PASSWORD);
  await expect(referent).toHaveURL(/\/etablissement$/);
  const instructorContext = await browser.newContext({ storageState: storageStateOf("instructorAra") });
  const instructor = await instructorContext.newPage();

  // 1. The referent transmits the 2026 deposit with one file in two slots (byte-identical copies: a slot refuses a second copy, two slots do not).
  // source 000_1a898dec8b2a4de4.txt: 800 agents → 39 050 € eligible in 2026, capped at the 30 000 € declared.
  const nru = await validateNewSelfAssessment(referent, fixture.name);
  const { dossierId, number } = await startDeposit(referent, fixture.name);
  const copies = await writeIdenticalPdfs(["note-cadrage-exemplaire-1.pdf", "note-cadrage-exemplaire-2.pdf"], "Note de cadrage — version 1");
  await uploadToSlot(referent, "noteDeCadrage", [copies[0]!]);
  await uploadToSlot(referent, "expenseAttestation", [copies[1]!]);
  await fillDeposit(referent, { nru, expenses: { rhInternes: "10 000", prestationsExternes: "15 000", depensesEditeurs: "5 000" } });
  await transmit(referent);
  await expectMail(instructorEmail, new RegExp(`Transmission du formulaire de dépôt .*${number}`));

  // 2. The instructor reviews it: every tab passes axe; the maximum is 30 000 €.
  await instructor.goto(`/ars/dossiers/${dossierId}`);
  await expect(instructor.getByRole("heading", { level: 1 })).toContainText(`Dossier n° ${number}`);
  await expect(instructor.getByRole("navigation", { name: /fil d'Ariane|vous êtes ici/i })).toContainText("Dossiers à instruire");
  for (const tab of ["Pièces et réponses", "Montants", "Ce qui a changé", "Historique"]) {
    await openTab(instructor, tab);
    await expectNoAccessibilityViolations(instructor, `dossier ${number}, onglet « ${tab} »`);
  }
  await openTab(instructor, "Montants");
  await expect(instructor.getByTestId(`ecrete-${fixture.finess}`)).toHaveText(/30\s000,00\s€/);
  await openTab(instructor, "Ce qui a changé");
  await expect(instructor.getByRole("tabpanel", { name: "Ce qui a changé" })).toContainText("Une seule transmission : il n'y a rien à comparer.");

  // 3. It asks for a new note de cadrage.
  await instructor.getByRole("button", { name: "Demander un complément", exact: true }).click();
  await instructor.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(instructor.getByText("Rédigez le message de la demande de complément.").first()).toBeVisible();
  await expectNoAccessibilityViolations(instructor, "demande de complément sans message");
  await instructor.getByLabel("Message à l'établissement (obligatoire)").fill("Merci de joindre la note de cadrage définitive, en un seul exemplaire.");
  await instructor.getByRole("button", { name: "Ajouter un élément concerné" }).click();
  await instructor.getByLabel("Champ ou document").selectOption({ label: `${fixture.name} — note de cadrage` });
  await instructor.getByRole("button", { name: "Envoyer la demande de complément" }).click();
  await expect(instructor.getByRole("status").filter({ hasText: "La demande de complément a été envoyée" })).toBeVisible();
  await expectMail(fixture.email, `Demande de complément de l'étape Formulaire de dépôt du dossier ${number}`);

  // 4. The referent removes both copies, deposits the final note and attestation, and transmits again.
  await referent.reload();
  for (const copy of ["note-cadrage-exemplaire-1.pdf", "note-cadrage-exemplaire-2.pdf"]) await removeDocument(referent, copy);
  await uploadToSlot(referent, "noteDeCadrage", [await writePdf("note-cadrage-definitive.pdf", "Note de cadrage — version définitive")]);
  await uploadToSlot(referent, "expenseAttestation", [await writePdf("attestation-daf.pdf", "Attestation des dépenses")]);
  await transmit(referent, { again: true });

  // 5. « Ce qui a changé »: two documents removed (identical bytes, counted each), two added.
  await instructor.reload();
  await expect(instructor.getByText(/Transmission n° 2 du .* : 4 modifications depuis la transmission n° 1/)).toBeVisible();
  await openTab(instructor, "Ce qui a changé");
  const changes = instructor.getByRole("tabpanel", { name: "Ce qui a changé" });
  await expect(changes.getByRole("heading", { name: "Documents retirés (2)" })).toBeVisible();
  await expect(changes.getByRole("heading", { name: "Documents ajoutés (2)" })).toBeVisible();
  await expect(changes).toContainText("note-cadrage-exemplaire-1.pdf");
  await expect(changes).toContainText("note-cadrage-exemplaire-2.pdf");
  await expectNoAccessibilityViolations(instructor, "ce qui a changé après la nouvelle transmission");

  // 6. Refusing needs a reason, said next to the field and in the summary; the refusal is then confirmed in a modal — cancelled here.
  await waitForDsfr(instructor);
  await instructor.getByRole("button", { name: "Refuser", exact: true }).click();
  await instructor.getByRole("button", { name: "Refuser le dossier" }).click();
  const refusalReason = instructor.getByLabel("Motif du refus (obligatoire)");
  await expect(refusalReason).toHaveAttribute("aria-invalid", "true");
  await expect(errorSummary(instructor)).toContainText("Indiquez le motif du refus");
  await expectNoAccessibilityViolations(instructor, "refus sans motif");
  await refusalReason.fill("Essai d'un refus, annulé.");
  await expect(errorSummary(instructor)).toHaveCount(0);
  await instructor.getByRole("button", { name: "Refuser le dossier" }).click();
  const refuseDialog = instructor.getByRole("dialog", { name: `Refuser le dossier n° ${number} ?` });
  await expect(refuseDialog).toBeVisible();
  await expect(refuseDialog).toContainText("Essai d'un refus, annulé.");
  await refuseDialog.getByRole("button", { name: "Annuler" }).click();
  await expect(refuseDialog).toBeHidden();

  // 7. Granting 20 000 € of the 30 000 € maximum: the reason field appears; without it, the decision is refused next to the field.
  await instructor.getByRole("button", { name: "Accepter", exact: true }).click();
  const amount = instructor.getByLabel(`Montant accordé — ${fixture.name} (en euros)`);
  await expect(amount).toHaveValue(/30\s000,00/);
  await amount.fill("30 000,01");
  await expect(instructor.getByText("Le montant accordé ne peut dépasser 30 000,00 €").first()).toBeVisible();
  await amount.fill("20 000");
  const reason = instructor.getByLabel(`Motif du montant inférieur au maximal — ${fixture.name} (obligatoire)`);
  await expect(reason).toBeVisible();
  await instructor.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  const missing = "Indiquez le motif : le montant accordé est inférieur au montant maximal de 30 000,00 €.";
  await expect(instructor.locator(".fr-input-group", { has: reason })).toContainText(missing);
  await expect(errorSummary(instructor).getByRole("link", { name: new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })).toBeVisible();
  await expect(instructor.getByRole("dialog")).toHaveCount(0);
  await expectNoAccessibilityViolations(instructor, "acceptation partielle sans motif");

  // 8. With the reason, the error goes as it is typed; the modal restates the decision; confirmed.
  const why = "Les dépenses éditeurs ne sont pas justifiées par une facture : 10 000 € retenus de moins.";
  await reason.fill(why);
  await expect(reason).not.toHaveAttribute("aria-invalid", "true");
  await expect(errorSummary(instructor)).toHaveCount(0);
  await instructor.getByRole("button", { name: "Accepter le dossier" }).click();
  const acceptDialog = instructor.getByRole("dialog", { name: `Accepter le dossier n° ${number} ?` });
  await expect(acceptDialog).toBeVisible();
  await expect(acceptDialog).toContainText(/20\s000,00\s€ accordés sur un montant maximal de 30\s000,00\s€/);
  await expect(acceptDialog).toContainText(why);
  await expectNoAccessibilityViolations(instructor, "modale de confirmation de l'acceptation");
  await acceptDialog.getByRole("button", { name: "Confirmer l'acceptation" }).click();
  await expect(acceptDialog).toBeHidden();
  await expect(instructor.getByRole("status").filter({ hasText: "Le dossier est accepté" })).toBeVisible();
  await expect(instructor.getByRole("heading", { level: 1 })).toContainText("Accepté");
  await openTab(instructor, "Montants");
  await expect(instructor.getByTestId(`accorde-${fixture.finess}`)).toHaveText(/20\s000,00\s€/);
  await expect(instructor.getByRole("tabpanel", { name: "Montants" })).toContainText(why);
  await expectMail(fixture.email, `accepté - ${number}`);

  // 9. The establishment reads the decision, the maximum and the reason on its dossier.
  await referent.reload();
  const notice = referent.getByTestId("montants-accordes");
  await expect(referent.getByRole("heading", { name: /Dossier accepté par l'ARS le/ })).toBeVisible();
  await expect(notice).toContainText(/montant accordé 20\s000,00\s€ sur un montant maximal de 30\s000,00\s€/);
  await expect(notice).toContainText(`Motif indiqué par votre ARS : ${why}`);

  await referentContext.close();
  await instructorContext.close();
});
