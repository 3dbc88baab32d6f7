import { describe, expect, it } from "vitest";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";

describe("sign-in messages", () => {
  it("maps each failure to its French message and anything else to a generic one", () => {
    expect(authenticationMessage("LOCKED")).toMatch(/bloqué pendant 15 minutes/);
    expect(authenticationMessage("INVALID_CREDENTIALS")).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(authenticationMessage("CredentialsSignin")).toMatch(/La connexion a échoué/);
    expect(authenticationMessage("toString")).toMatch(/La connexion a échoué/);
    expect(authenticationMessage(undefined)).toMatch(/La connexion a échoué/);
  });
});

describe("safeCallbackPath (no open redirect after sign-in)", () => {
  it.each([
    ["/ars/ej/990000001", "/ars/ej/990000001"],
    ["https://evil.example/", null],
    ["//evil.example/", null],
    ["/\\evil.example", null],
    ["javascript:alert(1)", null],
    ["", null],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
