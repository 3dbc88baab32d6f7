import { expect, test } from "@playwright/test";
import { tick, typeSource000Example, waitForDsfr } from "./support/simulator";

/*
 * Public funding simulator (/simulateur), no sign-in. Amounts are printed by Intl fr-FR, whose
 * thousands separator is a narrow no-break space: the regexes use \s, which matches it.
 */

test.describe("Simulateur de financement", () => {
  test("opens on empty fields, then computes source 000's 2026–2028 example from the user's own figures", async ({ page }) => {
    await page.goto("/simulateur");
    await expect(page.getByRole("heading", { level: 1, name: "Simulateur de financement" })).toBeVisible();
    await expect(page).toHaveTitle(/Simulateur de financement/);

    // Nothing invented: no headcount, no expenses, nothing ticked, no amount.
    const headcount = page.getByLabel("Effectif SAE (nombre d'agents)");
    await expect(headcount).toHaveValue("");
    for (const year of [2026, 2027, 2028]) await expect(page.getByLabel(`Dépenses engagées en ${year} (en euros)`)).toHaveValue("");
    await expect(page.getByRole("tabpanel").getByRole("checkbox", { checked: true })).toHaveCount(0);
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    await expect(page.getByTestId("total-percu")).toHaveCount(0);
    await expect(page.getByTestId("resume-simulation")).toHaveText("Saisissez l'effectif SAE de l'entité juridique pour afficher son montant plafond.");

    await headcount.fill("800");
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    await expect(page.getByTestId("plafond-programme")).toHaveText(/117\s150,00\s€/);
    // Eligible amounts follow the ticks; nothing is granted before the expenses are typed.
    await expect(page.getByTestId("montant-eligible-2026")).toContainText("Jalon 2026 incomplet : 0 %");
    await expect(page.getByTestId("montant-percu-2026")).toHaveText("—");
    await expect(page.getByTestId("resume-simulation")).toHaveText(/Saisissez les dépenses engagées en 2026, 2027 et 2028/);

    await typeSource000Example(page);
    // 2027, 3/6 objectives → 64 % of 39 050 € = 24 992 €, expenses 34 000 €.
    await expect(page.getByTestId("montant-eligible-2027")).toContainText(/24\s992,00\s€/);
    await expect(page.getByTestId("montant-eligible-2027")).toContainText(/3 objectifs sur 6 : 64\s%/);
    await expect(page.getByTestId("montant-percu-2027")).toHaveText(/24\s992,00\s€/);
    await expect(page.getByTestId("montant-percu-2026")).toHaveText(/30\s000,00\s€/);
    await expect(page.getByTestId("montant-percu-2028")).toHaveText(/39\s050,00\s€/);
    await expect(page.getByTestId("total-percu")).toHaveText(/94\s042,00\s€/);
    await expect(page.getByTestId("resume-simulation")).toHaveText(/Montant total perçu sur 2026–2028 : 94\s042,00\s€/);

    // Results follow the inputs as they are typed; a refused input blanks what depends on it.
    await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("20 000,50");
    await expect(page.getByTestId("montant-percu-2027")).toHaveText(/20\s000,50\s€/);
    await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("20 000,505");
    await expect(page.getByText("Indiquez au plus deux décimales")).toBeVisible();
    await expect(page.getByTestId("montant-percu-2027")).toHaveText("—");
    await expect(page.getByTestId("total-percu")).toHaveText("—");
    await expect(page.getByTestId("resume-simulation")).toHaveText("Corrigez les dépenses engagées en 2027 pour calculer le montant perçu.");
    // Fixed, its error goes at once.
    await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("34 000");
    await expect(page.getByText("Indiquez au plus deux décimales")).toHaveCount(0);
    await expect(page.getByTestId("total-percu")).toHaveText(/94\s042,00\s€/);

    // An invalid headcount shows the French error and no amount at all.
    await headcount.fill("abc");
    await expect(page.getByText("L'effectif doit être un nombre entier d'agents, par exemple 800.")).toBeVisible();
    await expect(headcount).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    await expect(page.getByTestId("montant-eligible-2026")).toHaveCount(0);
    await expect(page.getByTestId("resume-simulation")).toHaveText("Corrigez l'effectif saisi pour afficher le montant plafond.");

    await headcount.fill("12 000");
    // 6 600 + 200 × 33 + 4 750 × 47 + 5 000 × 33 + 2 000 × 32 = 465 450 €, in the "beyond 10 000" tier.
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^465\s450,00\s€$/);
    await expect(page.getByRole("row", { name: /Au-delà du 10\s000e agent/ })).toContainText("Tranche de l'effectif retenu");
  });

  test("the tabs work with the keyboard; activité combinée gives the AAP category", async ({ page }) => {
    await page.goto("/simulateur");
    const firstTab = page.getByRole("tab", { name: "Montant HospiConnect" });
    const secondTab = page.getByRole("tab", { name: "Activité combinée et catégorie AAP" });
    await expect(firstTab).toHaveAttribute("aria-selected", "true");
    // The arrow keys are DSFR's own tab behaviour, there once its JavaScript has started.
    await waitForDsfr(page);
    await expect(secondTab).toHaveAttribute("data-fr-js-tab-button", "true");

    await firstTab.focus();
    await page.keyboard.press("ArrowRight");
    await expect(secondTab).toBeFocused();
    await expect(secondTab).toHaveAttribute("aria-selected", "true");
    await expect(firstTab).toHaveAttribute("aria-selected", "false");
    const panel = page.getByRole("tabpanel", { name: "Activité combinée et catégorie AAP" });
    await expect(panel).toBeVisible();

    // Blank fields: no category is claimed before the user types an activity.
    await expect(page.getByTestId("categorie-aap")).toHaveCount(0);
    await expect(page.getByTestId("resume-activite")).toContainText("Saisissez l'activité 2022 de l'établissement");

    const mcoDays = panel.getByLabel(/^Journées MCO/);
    await mcoDays.fill("10 000");
    await expect(page.getByTestId("activite-combinee")).toHaveText(/10\s000 journées MCO/);
    await expect(page.getByTestId("categorie-aap")).toHaveText("Catégorie B");
    await expect(page.getByTestId("plafond-aap")).toHaveText(/51\s000,00\s€/);
    await expect(panel.getByRole("row", { name: /Catégorie B/ })).toContainText("Catégorie de l'activité saisie");

    // 1 séance = 0,5 journée MCO: 6 000 days + 1 999 sessions = 6 999.5 → still category A.
    await mcoDays.fill("6000");
    await panel.getByLabel(/^Séances MCO \(dont dialyse\)/).fill("1999");
    await expect(page.getByTestId("activite-combinee")).toHaveText(/6\s999,5 journées MCO/);
    await expect(page.getByTestId("categorie-aap")).toHaveText("Catégorie A");

    await secondTab.focus();
    await page.keyboard.press("Home");
    await expect(firstTab).toBeFocused();
    await expect(firstTab).toHaveAttribute("aria-selected", "true");
    // What was typed in the other tab is still there.
    await page.keyboard.press("End");
    await expect(mcoDays).toHaveValue("6000");
  });

  test("looks up the 800-agent demo EJ by its FINESS; an edited FINESS drops the answer at once", async ({ page }) => {
    await page.goto("/simulateur");
    await tick(page.getByLabel("Rechercher l'entité juridique par son numéro FINESS"));

    const finess = page.getByLabel("Numéro FINESS EJ");
    const search = page.getByRole("button", { name: "Rechercher", exact: true });
    await finess.fill("1234");
    await search.click();
    await expect(page.getByText("Le numéro FINESS compte 9 caractères")).toBeVisible();
    await expect(finess).toHaveAttribute("aria-invalid", "true");

    await finess.fill("123456789");
    await expect(page.getByText("Le numéro FINESS compte 9 caractères")).toHaveCount(0);
    await search.click();
    await expect(page.getByText("Aucune entité juridique ne correspond au FINESS 123456789.")).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    // The failure belongs to 123456789: typing another FINESS removes it.
    await finess.fill("12345678");
    await expect(page.getByText("Aucune entité juridique ne correspond au FINESS 123456789.")).toHaveCount(0);

    // DEMO_FINESS.multiSiteEj in prisma/seed-data/establishments.ts: 3 EG, 645 + 120 + 35 = 800 agents.
    await finess.fill("998400402");
    await search.click();
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    await expect(page.getByRole("cell", { name: "998400410" })).toBeVisible();
    // Its official activité combinée 2022: 68 215,5 → AAP category C, capped at 85 000 € (source 001).
    const activity = page.getByRole("region", { name: /Activité combinée et catégorie/ });
    await expect(activity.getByRole("row", { name: /998400402/ })).toContainText(/68\s215,5 journées\s*Chiffre officiel\s*C \(plafond 85\s000,00\s€\)/);

    // Editing the field: the EJ and its amounts no longer match what is on screen, so they go.
    await finess.fill("99840040");
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toHaveCount(0);
    await expect(page.getByTestId("plafond-annuel")).toHaveCount(0);
    await expect(page.getByTestId("resume-simulation")).toHaveText("Recherchez une entité juridique par son numéro FINESS pour afficher son montant plafond.");

    // The FINESS of one of its EG leads to the same EJ.
    await finess.fill("998400428");
    await finess.press("Enter");
    await expect(page.getByText("Le FINESS 998400428 est celui d'un établissement géographique")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
  });
});
