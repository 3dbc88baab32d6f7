import { expect, test } from "@playwright/test";
import { HEADCOUNT_LIMIT_MESSAGE, readYearExpenses } from "../../components/simulator/simulator-input";
import { openTab } from "./support/dsfr";
import { storageStateOf } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { typeSource000Example } from "./support/simulator";

/*
 * Issue 9 §2.5: the simulator accepted 10 000 000 agents (320 M€ a year), kept the previous
 * results and message after bad input, and opened on invented expenses and objectives.
 * Source 000_1a898dec8b2a4de4.txt's example: 800 agents, 39 050 € a year.
 */

/** The message the simulator gives for an expense, whichever bound (the simulator's or parseEuroAmount's) speaks first. */
function expenseMessage(raw: string): string {
  const reading = readYearExpenses(raw);
  if (reading.state !== "invalid") throw new Error(`${raw} should be refused`);
  return reading.message;
}

test.describe("Simulator bounds and stale results", () => {
  test("10 000 000 agents is refused with the limit, no amount is shown, and the error state passes axe", async ({ page }) => {
    await page.goto("/simulateur");
    const headcount = page.getByLabel("Effectif SAE (nombre d'agents)");
    await headcount.fill("800");
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);

    await headcount.fill("10 000 000");
    await expect(page.getByText(HEADCOUNT_LIMIT_MESSAGE)).toBeVisible();
    await expect(page.getByText(/ne peut pas dépasser 200\s000 agents/)).toBeVisible();
    await expect(headcount).toHaveAttribute("aria-invalid", "true");
    // The previous 39 050 € is gone, and no 320 M€ either.
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(/320\s\d{3}\s\d{3}/);
    await expect(page.locator("main")).not.toContainText(/39\s050,00\s€/);
    await expectNoAccessibilityViolations(page, "/simulateur, effectif hors limite");

    await headcount.fill("800");
    await expect(page.getByText(HEADCOUNT_LIMIT_MESSAGE)).toHaveCount(0);
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
  });

  test("after a complete simulation, bad input clears the amounts and the total message", async ({ page }) => {
    await page.goto("/simulateur");
    await typeSource000Example(page);
    const summary = page.getByTestId("resume-simulation");
    await expect(summary).toHaveText(/Montant total perçu sur 2026–2028 : 94\s042,00\s€/);

    // An absurd expense (issue 9 §2.6's figure) is refused with its limit, and no total remains.
    const expenses2027 = page.getByLabel("Dépenses engagées en 2027 (en euros)");
    await expenses2027.fill("1 000 000 000 000");
    await expect(page.getByText(expenseMessage("1 000 000 000 000"))).toBeVisible();
    await expect(expenses2027).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("montant-percu-2027")).toHaveText("—");
    await expect(page.getByTestId("total-percu")).toHaveText("—");
    await expect(summary).toHaveText("Corrigez les dépenses engagées en 2027 pour calculer le montant perçu.");
    await expectNoAccessibilityViolations(page, "/simulateur, dépenses hors limite");

    await expenses2027.fill("34 000");
    await expect(summary).toHaveText(/94\s042,00\s€/);

    // A refused headcount: no ceiling, no table, and the summary says what to fix, not the old total.
    await page.getByLabel("Effectif SAE (nombre d'agents)").fill("10 000 000");
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    await expect(page.getByTestId("total-percu")).toHaveCount(0);
    await expect(summary).toHaveText("Corrigez l'effectif saisi pour afficher le montant plafond.");
    await expect(page.locator("main")).not.toContainText("Montant total perçu");
  });

  test("activité combinée: a count beyond 10 000 000 is refused with the limit, the category withheld; axe in the error state", async ({ page }) => {
    await page.goto("/simulateur");
    await openTab(page, "Activité combinée et catégorie AAP");
    const panel = page.getByRole("tabpanel", { name: "Activité combinée et catégorie AAP" });
    const mcoDays = panel.getByLabel(/^Journées MCO/);
    await mcoDays.fill("250 000");
    await expect(page.getByTestId("categorie-aap")).toHaveText("Catégorie D");

    await mcoDays.fill("10 000 001");
    await expect(panel.getByText(/Saisissez un nombre d'au plus 10\s000\s000 pour une année\./)).toBeVisible();
    await expect(page.getByTestId("categorie-aap")).toHaveCount(0);
    await expect(page.getByTestId("resume-activite")).toHaveText("Corrigez les champs signalés pour afficher l'activité combinée et la catégorie AAP.");
    await expectNoAccessibilityViolations(page, "/simulateur, activité hors limite");
  });
});

test.describe("a signed-in referent", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("the simulator opens on their own EJ's headcount, with no invented expense", async ({ page }) => {
    await page.goto("/simulateur");
    // DEMO_FINESS.multiSiteEj, the referent's EJ: 800 agents, 39 050 € a year (source 000's example).
    await expect(page.getByLabel("Rechercher l'entité juridique par son numéro FINESS")).toBeChecked();
    await expect(page.getByLabel("Numéro FINESS EJ")).toHaveValue("998400402");
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    for (const year of [2026, 2027, 2028]) await expect(page.getByLabel(`Dépenses engagées en ${year} (en euros)`)).toHaveValue("");
    await expect(page.getByTestId("total-percu")).toHaveText("—");
  });
});
