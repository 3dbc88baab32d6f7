import { expect, test } from "@playwright/test";

/*
 * Public funding simulator (/simulateur), no sign-in. Amounts are printed by Intl fr-FR, whose
 * thousands separator is a narrow no-break space: the regexes use \s, which matches it.
 */

test.describe("Simulateur de financement", () => {
  test("computes the ceiling and source 000's 2026–2028 example from a headcount", async ({ page }) => {
    await page.goto("/simulateur");
    await expect(page.getByRole("heading", { level: 1, name: "Simulateur de financement" })).toBeVisible();
    await expect(page).toHaveTitle(/Simulateur de financement/);

    const headcount = page.getByLabel("Effectif SAE (nombre d'agents)");
    await headcount.fill("800");
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    await expect(page.getByTestId("plafond-programme")).toHaveText(/117\s150,00\s€/);

    // Default inputs are the example: 2027, 3/6 objectives → 64 % of 39 050 € = 24 992 €, expenses 34 000 €.
    await expect(page.getByTestId("montant-eligible-2027")).toContainText(/24\s992,00\s€/);
    await expect(page.getByTestId("montant-eligible-2027")).toContainText(/64\s%/);
    await expect(page.getByTestId("montant-percu-2027")).toHaveText(/24\s992,00\s€/);
    await expect(page.getByTestId("montant-percu-2026")).toHaveText(/30\s000,00\s€/);
    await expect(page.getByTestId("montant-percu-2028")).toHaveText(/39\s050,00\s€/);
    await expect(page.getByTestId("total-percu")).toHaveText(/94\s042,00\s€/);

    // Results follow the inputs as they are typed.
    await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("20 000,50");
    await expect(page.getByTestId("montant-percu-2027")).toHaveText(/20\s000,50\s€/);
    await page.getByLabel("Dépenses engagées en 2027 (en euros)").fill("20 000,505");
    await expect(page.getByText("Indiquez au plus deux décimales")).toBeVisible();
    await expect(page.getByTestId("montant-percu-2027")).toHaveText("—");
    await expect(page.getByTestId("total-percu")).toHaveText("—");

    // An invalid headcount shows the French error and no amount.
    await headcount.fill("abc");
    await expect(page.getByText("L'effectif doit être un nombre entier d'agents, par exemple 800.")).toBeVisible();
    await expect(headcount).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("plafond-annuel")).toHaveText("—");
    await expect(page.getByTestId("montant-eligible-2026")).toHaveText("—");

    await headcount.fill("12 000");
    // 6 600 + 200 × 33 + 4 750 × 47 + 5 000 × 33 + 2 000 × 32 = 465 450 €, in the "beyond 10 000" tier.
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^465\s450,00\s€$/);
    await expect(page.getByText("(tranche de l'effectif retenu)")).toBeVisible();
  });

  test("the tabs work with the keyboard; activité combinée gives the AAP category", async ({ page }) => {
    await page.goto("/simulateur");
    const firstTab = page.getByRole("tab", { name: "Montant HospiConnect" });
    const secondTab = page.getByRole("tab", { name: "Activité combinée et catégorie AAP" });
    await expect(firstTab).toHaveAttribute("aria-selected", "true");

    await firstTab.focus();
    await page.keyboard.press("ArrowRight");
    await expect(secondTab).toBeFocused();
    await expect(secondTab).toHaveAttribute("aria-selected", "true");
    await expect(firstTab).toHaveAttribute("aria-selected", "false");
    await expect(page.getByRole("tabpanel", { name: "Activité combinée et catégorie AAP" })).toBeVisible();

    await page.getByLabel("Journées MCO", { exact: true }).fill("10 000");
    await expect(page.getByTestId("activite-combinee")).toHaveText(/10\s000 journées MCO/);
    await expect(page.getByTestId("categorie-aap")).toHaveText("Catégorie B");
    await expect(page.getByTestId("plafond-aap")).toHaveText(/51\s000,00\s€/);

    // 1 séance = 0,5 journée MCO: 6 000 days + 1 999 sessions = 6 999.5 → still category A.
    await page.getByLabel("Journées MCO", { exact: true }).fill("6000");
    await page.getByLabel("Séances MCO (dont dialyse)").fill("1999");
    await expect(page.getByTestId("activite-combinee")).toHaveText(/6\s999,5 journées MCO/);
    await expect(page.getByTestId("categorie-aap")).toHaveText("Catégorie A");

    await secondTab.focus();
    await page.keyboard.press("Home");
    await expect(firstTab).toBeFocused();
    await expect(firstTab).toHaveAttribute("aria-selected", "true");
  });

  test("looks up the 800-agent demo EJ by its FINESS", async ({ page }) => {
    await page.goto("/simulateur");
    await page.getByLabel("Rechercher l'entité juridique par son numéro FINESS").check();

    const finess = page.getByLabel("Numéro FINESS EJ");
    await finess.fill("1234");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByText("Le numéro FINESS compte 9 caractères")).toBeVisible();

    await finess.fill("123456789");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByText("Aucune entité juridique ne correspond au FINESS 123456789.")).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveText("—");

    // DEMO_FINESS.multiSiteEj in prisma/seed-data/establishments.ts: 3 EG, 645 + 120 + 35 = 800 agents.
    await finess.fill("998400402");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toBeVisible();
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    await expect(page.getByRole("cell", { name: "998400410" })).toBeVisible();
    // Its official activité combinée 2022: 68 215,5 → AAP category C, capped at 85 000 € (source 001).
    const activity = page.getByRole("region", { name: /Activité combinée et catégorie/ });
    await expect(activity.getByRole("row", { name: /998400402/ })).toContainText(/68\s215,5 journées\s*Chiffre officiel\s*C \(plafond 85\s000,00\s€\)/);

    // The FINESS of one of its EG leads to the same EJ.
    await finess.fill("998400428");
    await finess.press("Enter");
    await expect(page.getByText("Le FINESS 998400428 est celui d'un établissement géographique")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Centre hospitalier de Montbrasset", exact: true })).toBeVisible();
  });
});
