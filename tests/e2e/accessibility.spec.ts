/**
 * Every page of every role passes axe-core (WCAG 2.0/2.1 A and AA), in light
 * and dark themes. Forms in their error states are checked by the specs of
 * each form, with the same helper (support/axe.ts).
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_FINESS } from "../../prisma/seed-data/establishments";
import { storageStateOf, type DemoAccount } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { waitForDsfr } from "./support/dsfr";

const PUBLIC_PAGES = ["/", "/connexion", "/simulateur", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/plan-du-site", "/mot-de-passe/jeton-inconnu", "/mot-de-passe-oublie", "/inscription", "/inscription/confirmer/jeton-inconnu", "/page-qui-n-existe-pas"];

/** The first link of the page whose address matches, so dynamic pages are reached as a user reaches them. */
async function firstLinkMatching(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  expect(href, `un lien ${pattern} sur ${from}`).toBeTruthy();
  return href!;
}

async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expectNoAccessibilityViolations(page, path);
  }
}

test.describe("a visitor", () => {
  test("every public page, and the private pages' refusals", async ({ page }) => {
    test.setTimeout(240_000);
    await checkPages(page, PUBLIC_PAGES);
  });
});

const ROLE_PAGES: Record<DemoAccount, { pages: string[]; discover?: { from: string; pattern: RegExp }[] }> = {
  referentEj: {
    pages: ["/etablissement", "/etablissement/dossiers", "/etablissement/autoevaluations", `/etablissement/ej/${DEMO_FINESS.multiSiteEj}`, "/etablissement/equipe", "/compte/securite", "/plan-du-site", "/deconnexion"],
    discover: [
      { from: "/etablissement/dossiers", pattern: /^\/etablissement\/dossiers\/[^/]+$/ },
      { from: "/etablissement/autoevaluations", pattern: /^\/etablissement\/autoevaluations\/[^/]+$/ },
    ],
  },
  referentGht: { pages: ["/etablissement", "/etablissement/dossiers", "/etablissement/autoevaluations", `/etablissement/ej/${DEMO_FINESS.ghtMemberMonoSite}`] },
  referentClinique: { pages: ["/etablissement", "/etablissement/dossiers", "/etablissement/autoevaluations", `/etablissement/ej/${DEMO_FINESS.clinic}`, "/ars"] },
  // Read-only: its seeded, accepted 2026 milestone deposit as the establishment sees it.
  referentEspic: { pages: ["/etablissement", "/etablissement/dossiers"], discover: [{ from: "/etablissement/dossiers", pattern: /^\/etablissement\/dossiers\/[^/]+$/ }] },
  instructorAra: {
    pages: ["/ars", "/ars/dossiers", `/ars/ej/${DEMO_FINESS.multiSiteEj}`],
    discover: [{ from: "/ars/dossiers", pattern: /^\/ars\/dossiers\/[^/?]+$/ }],
  },
  instructorBretagne: { pages: ["/ars", "/ars/dossiers", `/ars/ej/${DEMO_FINESS.clinic}`, `/ars/ej/${DEMO_FINESS.multiSiteEj}`, "/ars/demandes-de-compte", "/compte/securite"] },
  // The ANS's national queue; its refusals of the ARS space and of an EJ page.
  instructorAns: { pages: ["/ans/dossiers", "/ars/dossiers", `/ars/ej/${DEMO_FINESS.multiSiteEj}`] },
  admin: {
    pages: ["/admin", "/admin/guichets", "/admin/suivi", "/admin/imports", "/admin/comptes", "/admin/comptes/demandes", "/admin/courriels", "/admin/api", "/admin/audit", `/admin/ej/${DEMO_FINESS.multiSiteEj}`, "/simulateur"],
  },
};

for (const [account, { pages, discover = [] }] of Object.entries(ROLE_PAGES) as [DemoAccount, (typeof ROLE_PAGES)[DemoAccount]][]) {
  test.describe(`signed in as ${account}`, () => {
    test.use({ storageState: storageStateOf(account) });

    test("every page of the role", async ({ page }) => {
      // Up to nine pages, each analysed in full by axe.
      test.setTimeout(240_000);
      const found: string[] = [];
      for (const { from, pattern } of discover) found.push(await firstLinkMatching(page, from, pattern));
      await checkPages(page, [...pages, ...found]);
    });
  });
}

test.describe("the dark theme", () => {
  test.use({ colorScheme: "dark", storageState: storageStateOf("referentEj") });

  test("follows the system's preference and keeps every page accessible", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await checkPages(page, ["/", "/etablissement", "/simulateur"]);
  });
});

test.describe("the display settings", () => {
  test("switch to the dark theme from the footer, kept on the next page, and back to light", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "light");
    // The dialog opens once DSFR's script has started: a click before that does nothing.
    await waitForDsfr(page);
    await page.getByRole("contentinfo").getByRole("button", { name: "Paramètres d'affichage" }).click();
    const dialog = page.getByRole("dialog", { name: "Paramètres d'affichage" });
    await dialog.getByText("Thème sombre").click();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await page.goto("/simulateur");
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await expectNoAccessibilityViolations(page, "/simulateur (thème sombre choisi)");
    await waitForDsfr(page);
    await page.getByRole("contentinfo").getByRole("button", { name: "Paramètres d'affichage" }).click();
    await page.getByRole("dialog", { name: "Paramètres d'affichage" }).getByText("Thème clair").click();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "light");
  });
});
