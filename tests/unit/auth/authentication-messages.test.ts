import { describe, expect, it } from "vitest";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";
import { delayAfterFailures } from "@/lib/auth/sign-in-throttle";

describe("sign-in messages", () => {
  it("maps each failure to its French message and anything else to a generic one", () => {
    expect(authenticationMessage("THROTTLED:4")).toBe("Trop de tentatives infructueuses pour cette adresse e-mail depuis votre connexion : réessayez dans 4 minutes.");
    expect(authenticationMessage("THROTTLED:1")).toMatch(/réessayez dans 1 minute\.$/);
    expect(authenticationMessage("THROTTLED:<script>")).toMatch(/patientez quelques minutes/);
    expect(authenticationMessage("INVALID_CREDENTIALS")).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(authenticationMessage("CredentialsSignin")).toMatch(/La connexion a échoué/);
    expect(authenticationMessage("toString")).toMatch(/La connexion a échoué/);
    expect(authenticationMessage(undefined)).toMatch(/La connexion a échoué/);
  });

  it("makes each try wait longer from the 5th failure in a row: 1, 2, 4 … up to 60 minutes", () => {
    expect([1, 4, 5, 6, 7, 10, 11, 40].map(delayAfterFailures)).toEqual([0, 0, 1, 2, 4, 32, 60, 60]);
  });
});

describe("safeCallbackPath (no open redirect after sign-in)", () => {
  it.each([
    ["/ars/ej/990000001", "/ars/ej/990000001"],
    ["/ars/dossiers?statut=SUBMITTED#liste", "/ars/dossiers?statut=SUBMITTED#liste"],
    ["/etablissement/../admin", "/admin"],
    // Percent-encoded slashes and backslashes stay inside the path: the browser does not decode them there.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5C%5Cevil.example", "/%5C%5Cevil.example"],
    ["https://evil.example/", null],
    ["//evil.example/", null],
    ["/\\evil.example", null],
    ["/a\\b", null],
    // What `callbackUrl=/%09/other-host` and friends become once the query string is decoded: browsers drop these.
    ["/\t/evil.example", null],
    ["/\n/evil.example", null],
    ["/\r\n/evil.example", null],
    ["/\u0000/evil.example", null],
    ["/\u007f", null],
    ["javascript:alert(1)", null],
    ["evil.example", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
