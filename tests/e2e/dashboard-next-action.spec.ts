/**
 * Issue 9 §2.3: an action is offered only where it can succeed; otherwise the page says why and
 * what to do; the dashboard itself offers the open guichet's next action for each EJ.
 * The yearly deposit needs the EJ's candidature accepted by the ARS (sources
 * 000_1a898dec8b2a4de4.txt and 003_7e8834ec9bc46d44.txt; lib/dossiers/start-availability.ts).
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { setSimulatedDate } from "./support/demo-clock";
import { E2E_ESTABLISHMENTS } from "./support/fixtures";

const CLINIC = "SAS Clinique de la Rade de Kervidec";
const JALON = "HospiConnect – Jalon juin 2026";
const CANDIDATURE = "HospiConnect – Candidature HOP'EN2 2026";
const NEVER_APPLIED = /Aucune candidature au dispositif HospiConnect\/HOP'EN2 pour cet établissement : le dépôt des preuves demande une candidature acceptée par l'ARS, et le guichet « HospiConnect – Candidature HOP'EN2 2026 » n'a pris les candidatures que du 15 janvier 2026 au 13 février 2026\. Contactez votre ARS\./;

test.describe.configure({ mode: "serial" });

// The demo clinic has never applied at this point of the run (establishment-journey.spec.ts makes it apply later).
test.describe("an EJ that never applied, at the demo date (1 June 2026)", () => {
  test.use({ storageState: storageStateOf("referentClinique") });

  test("the dossiers page says why no deposit can start, and offers no button", async ({ page }) => {
    await page.goto("/etablissement/dossiers");
    const jalon = page.getByRole("region", { name: JALON });
    await expect(jalon).toContainText(NEVER_APPLIED);
    await expect(jalon.getByRole("button")).toHaveCount(0);
    const candidature = page.getByRole("region", { name: CANDIDATURE });
    await expect(candidature).toContainText("est fermé aux dépôts depuis le 13 février 2026 : il n'est plus possible d'y ouvrir un dossier.");
    await expect(candidature.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Déposer les preuves|Candidater/ })).toHaveCount(0);
    await expectNoAccessibilityViolations(page, "dossiers d'une EJ jamais candidate");
  });

  test("the dashboard gives the same reason as its next action", async ({ page }) => {
    await page.goto("/etablissement");
    const todo = page.getByRole("region", { name: "À faire maintenant" });
    await expect(todo.getByRole("heading", { name: CLINIC })).toBeVisible();
    await expect(todo).toContainText(`${JALON} — ouvert jusqu'au 26 juin 2026 inclus (26 jours restants)`);
    await expect(todo).toContainText(NEVER_APPLIED);
    await expect(todo.getByRole("button")).toHaveCount(0);
    await expectNoAccessibilityViolations(page, "tableau de bord d'une EJ jamais candidate");
  });

  test("in February, the candidature is the action offered, and the deposit says when it opens", async ({ page, browser }) => {
    // Two moves of the simulated date, each up to 30 s on a loaded machine.
    test.setTimeout(120_000);
    await setSimulatedDate(browser, "2026-02-02T10:00");
    try {
      await page.goto("/etablissement");
      const todo = page.getByRole("region", { name: "À faire maintenant" });
      await expect(todo).toContainText(`${CANDIDATURE} — ouvert jusqu'au 13 février 2026 inclus (12 jours restants)`);
      await expect(todo.getByRole("button", { name: `Candidater pour ${CLINIC}` })).toBeVisible();
      await page.goto("/etablissement/dossiers");
      await expect(page.getByRole("region", { name: JALON })).toContainText(`Le guichet « ${JALON} » ouvre le 4 mai 2026.`);
      await expect(page.getByRole("region", { name: JALON }).getByRole("button")).toHaveCount(0);
      await expect(page.getByRole("region", { name: CANDIDATURE }).getByRole("button", { name: `Candidater pour ${CLINIC}` })).toBeVisible();
    } finally {
      await setSimulatedDate(browser, "2026-06-01T10:00");
    }
  });
});

test.describe("an EJ whose candidature the ARS accepted (fixture « dashboard »)", () => {
  const fixture = E2E_ESTABLISHMENTS.dashboard;

  test("the dashboard offers the deposit; it opens the draft; then the dashboard offers to resume it", async ({ page }) => {
    await signIn(page, fixture.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/etablissement$/);
    const todo = page.getByRole("region", { name: "À faire maintenant" });
    await expect(todo.getByRole("heading", { name: fixture.name })).toBeVisible();
    await expect(todo).toContainText(`${JALON} — ouvert jusqu'au 26 juin 2026 inclus (26 jours restants)`);
    await expectNoAccessibilityViolations(page, "tableau de bord : dépôt possible");

    await todo.getByRole("button", { name: `Déposer les preuves de ${fixture.name}` }).click();
    await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/]+$/);
    const dossierUrl = page.url();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Dossier n° HC-J2026-\d{6}/);
    const number = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/HC-J2026-\d{6}/)?.[0] ?? "";

    await page.goto("/etablissement");
    await expect(todo).toContainText("Brouillon non transmis à l'ARS : complétez-le et transmettez-le avant le 26 juin 2026 inclus.");
    await expect(todo.getByRole("button", { name: /Déposer les preuves/ })).toHaveCount(0);
    // The dossier is listed with its state and next step.
    const dossiers = page.getByRole("region", { name: "Mes dossiers" });
    await expect(dossiers.getByRole("row", { name: new RegExp(number) })).toContainText("Brouillon");
    await todo.getByRole("link", { name: "Reprendre le brouillon" }).click();
    await expect(page).toHaveURL(dossierUrl);

    // The dossiers page: the draft to resume, the accepted candidature with its decision; no start left.
    await page.goto("/etablissement/dossiers");
    const jalon = page.getByRole("region", { name: JALON });
    await expect(jalon.getByRole("link", { name: `Dossier n° ${number}` })).toBeVisible();
    await expect(jalon.getByRole("link", { name: "Reprendre le brouillon" })).toHaveAttribute("href", new URL(dossierUrl).pathname);
    const candidature = page.getByRole("region", { name: CANDIDATURE });
    await expect(candidature).toContainText("Accepté");
    await expect(candidature.getByRole("link", { name: "Voir la décision" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Déposer les preuves|Candidater/ })).toHaveCount(0);
    await expectNoAccessibilityViolations(page, "dossiers : brouillon à reprendre");
  });
});
