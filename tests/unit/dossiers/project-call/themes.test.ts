import { describe, expect, it } from "vitest";
import { PROJECT_CALL_OBJECTIVE_CODES, PROJECT_CALL_THEME_KEYS, PROJECT_CALL_THEMES, isProjectCallThemeKey, themeObjective } from "@/lib/dossiers/kinds/project-call/themes";

// source 001: « Les thématiques éligibles » and each theme's « Focus » table.
describe("the four themes of source 001", () => {
  it("are rattrapage, urgences, logistique, temps de travail/RH, with the source's labels", () => {
    expect(PROJECT_CALL_THEME_KEYS).toEqual(["RATTRAPAGE_MATURITE", "DESENGORGEMENT_URGENCES", "LOGISTIQUE_PRODUITS_SANTE", "TEMPS_TRAVAIL_RH"]);
    expect(PROJECT_CALL_THEME_KEYS.map((key) => PROJECT_CALL_THEMES[key].label)).toEqual([
      "Rattrapage de la maturité numérique des établissements",
      "Désengorgement des urgences",
      "Logistique des produits de santé",
      "Gestion du temps de travail et processus RH",
    ]);
  });

  it("each have four objectives with distinct codes, keyed by their own theme", () => {
    for (const key of PROJECT_CALL_THEME_KEYS) {
      expect(PROJECT_CALL_THEMES[key].key).toBe(key);
      expect(PROJECT_CALL_THEMES[key].objectives).toHaveLength(4);
    }
    expect(new Set(PROJECT_CALL_OBJECTIVE_CODES).size).toBe(16);
  });

  it("rattrapage: its four eligible items are its objectives, with no expected result of their own", () => {
    const items = PROJECT_CALL_THEMES.RATTRAPAGE_MATURITE.objectives;
    expect(items.map((item) => item.label)).toEqual([
      "Déploiement d'un dossier patient informatisé (DPI), interopérable et adapté aux activités de l'établissement",
      "Mise en œuvre ou renforcement des dispositifs d'identitovigilance, visant à sécuriser l'identification des patients et la qualité des données",
      "Alimentation et consultation de Mon espace santé (MES)",
      "Echanges sécurisés via la messagerie sécurisée de santé (MSSanté)",
    ]);
    expect(items.every((item) => item.expectedResults.length === 0)).toBe(true);
  });

  it("the other themes: every objective has the source's numbered results, (1)…(n)", () => {
    const counts = (key: (typeof PROJECT_CALL_THEME_KEYS)[number]) => PROJECT_CALL_THEMES[key].objectives.map((objective) => objective.expectedResults.length);
    expect(counts("DESENGORGEMENT_URGENCES")).toEqual([1, 2, 2, 3]);
    expect(counts("LOGISTIQUE_PRODUITS_SANTE")).toEqual([1, 2, 2, 1]);
    expect(counts("TEMPS_TRAVAIL_RH")).toEqual([1, 2, 2, 1]);
  });

  it("keeps the source's words, e.g. urgences objective 2 with its expected frequency and logistics' eDispostock", () => {
    const urg2 = themeObjective("DESENGORGEMENT_URGENCES", "URG-2");
    expect(urg2?.label).toBe("Disposer d'une vision capacitaire fiable pour accélérer l'orientation et l'admission des patients");
    expect(urg2?.expectedResults[1]).toContain("Fréquence attendue (soins critiques + Grands Brûlés) : a minima quotidienne hors tension, biquotidienne en tension.");
    expect(themeObjective("LOGISTIQUE_PRODUITS_SANTE", "LOG-4")?.expectedResults[0]).toContain("eDispostock");
    expect(themeObjective("TEMPS_TRAVAIL_RH", "RH-3")?.expectedResults).toEqual(["Intégrer les données de temps de travail dans le SI paie.", "Automatiser les flux entre GTA et paie."]);
  });

  it("an objective of another theme, or an unknown code, is not an objective of the theme", () => {
    expect(themeObjective("TEMPS_TRAVAIL_RH", "URG-1")).toBeNull();
    expect(themeObjective("TEMPS_TRAVAIL_RH", "RH-5")).toBeNull();
    expect(isProjectCallThemeKey("TEMPS_TRAVAIL_RH")).toBe(true);
    expect(isProjectCallThemeKey("CYBERSECURITE")).toBe(false);
    expect(isProjectCallThemeKey(undefined)).toBe(false);
  });
});
