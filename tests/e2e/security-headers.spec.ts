import { expect, test, type Page, type Response } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { waitForDsfr } from "./support/simulator";

/*
 * Issue 14 §4: every page carries a CSP with a fresh nonce, refuses to be framed, and still works
 * under that CSP — Next's and DSFR's inline scripts carry the nonce, so the browser reports no
 * violation and the pages hydrate (the simulator computes, DSFR's JavaScript starts).
 */

function nonceOf(csp: string | undefined): string | undefined {
  return csp?.match(/script-src[^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

function expectSecurityHeaders(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toBeTruthy();
  expect(nonceOf(csp), "script-src has a nonce").toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  return nonceOf(csp)!;
}

/** CSP violations, as the browser reports them: a console error and a securitypolicyviolation event. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe("security headers, as a visitor", () => {
  test("/connexion: CSP with a nonce that Next's inline scripts carry, no framing, no violation", async ({ page }) => {
    const violations = await watchCspViolations(page);
    const response = await page.goto("/connexion");
    const nonce = expectSecurityHeaders(response);
    // The nonce is on the inline scripts the server wrote (browsers hide the attribute's value from
    // the DOM once parsed, so read it from the HTML).
    const html = await response!.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bnonce=)(?![^>]*\bsrc=)[^>]*>/);
    await waitForDsfr(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a new nonce on every response", async ({ page }) => {
    const first = nonceOf((await page.goto("/connexion"))?.headers()["content-security-policy"]);
    const second = nonceOf((await page.goto("/connexion"))?.headers()["content-security-policy"]);
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
  });

  test("/simulateur still computes under the CSP (hydrated), without violation", async ({ page }) => {
    const violations = await watchCspViolations(page);
    expectSecurityHeaders(await page.goto("/simulateur"));
    await waitForDsfr(page);
    await page.getByLabel("Effectif SAE (nombre d'agents)").fill("800");
    await expect(page.getByTestId("plafond-annuel")).toHaveText(/^39\s050,00\s€$/);
    expect(violations).toEqual([]);
  });

  test("another site cannot frame a page", async ({ page, baseURL }) => {
    const violations = await watchCspViolations(page);
    const target = new URL("/connexion", baseURL).toString();
    await page.setContent(`<iframe id="cadre" src="${target}"></iframe>`);
    const frame = page.frameLocator("#cadre");
    // Chromium blocks the framed page: its content never shows up in the frame.
    await expect(frame.getByRole("heading", { level: 1 })).toHaveCount(0, { timeout: 3_000 });
    expect(violations.join("\n")).toMatch(/frame-ancestors|refused to display|Content Security Policy/i);
  });

  test("route handlers get the headers too (from next.config.ts)", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

test.describe("security headers, signed in as an establishment's referent", () => {
  test.use({ storageState: storageStateOf("referentEj") });

  test("the establishment's dashboard works under the CSP, without violation", async ({ page }) => {
    const violations = await watchCspViolations(page);
    expectSecurityHeaders(await page.goto("/etablissement"));
    await waitForDsfr(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // DSFR's JavaScript runs: the header's display settings button opens its dialog.
    await page.getByRole("button", { name: /Paramètres d.affichage/ }).first().click();
    await expect(page.getByRole("dialog", { name: /Paramètres d.affichage/ })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
