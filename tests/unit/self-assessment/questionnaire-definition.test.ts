import { describe, expect, it } from "vitest";
import { DEFAULT_QUESTIONNAIRE, DEFAULT_QUESTIONNAIRE_ID } from "@/lib/self-assessment/default-questionnaire";
import {
  InvalidQuestionnaireDefinitionError,
  maxLevelOf,
  parseQuestionnaireDefinition,
  questionsOf,
  type QuestionnaireDefinitionInput,
} from "@/lib/self-assessment/questionnaire-definition";

const levels = (max: number) => Array.from({ length: max + 1 }, (_, level) => ({ level, label: `N${level}`, description: `Niveau ${level}` }));

function minimal(): QuestionnaireDefinitionInput {
  return {
    schemaVersion: 1,
    id: "national-2027-v1",
    title: "Questionnaire national",
    dimensions: [{ id: "d1", title: "D1", questions: [{ id: "d1.q1", label: "Q1", levels: levels(4) }] }],
  };
}

describe("questionnaire definition: versioned data checked by a schema", () => {
  it("loads a national version given as JSON, perSite defaulting to false", () => {
    const parsed = parseQuestionnaireDefinition(JSON.parse(JSON.stringify(minimal())));
    expect(parsed.dimensions[0]?.questions[0]?.perSite).toBe(false);
    expect(maxLevelOf(parsed.dimensions[0]!.questions[0]!)).toBe(4);
  });

  it("refuses levels that are not 0, 1, … n in order", () => {
    const definition = minimal();
    definition.dimensions[0]!.questions[0]!.levels = [levels(2)[0]!, levels(2)[2]!];
    expect(() => parseQuestionnaireDefinition(definition)).toThrow(/numérotés 0, 1, 2/);
  });

  it("refuses a question id used twice, even in two dimensions", () => {
    const definition = minimal();
    definition.dimensions.push({ id: "d2", title: "D2", questions: [{ id: "d1.q1", label: "Encore", levels: levels(4) }] });
    expect(() => parseQuestionnaireDefinition(definition)).toThrow(/Question en double : d1\.q1/);
  });

  it("refuses an unknown schema version, an empty dimension, a single level and a malformed id, listing every issue", () => {
    const definition = { ...minimal(), schemaVersion: 2 } as unknown;
    expect(() => parseQuestionnaireDefinition(definition)).toThrow(InvalidQuestionnaireDefinitionError);
    const broken = minimal();
    broken.id = "Pas un id";
    broken.dimensions.push({ id: "d2", title: "D2", questions: [] });
    broken.dimensions[0]!.questions[0]!.levels = levels(0);
    try {
      parseQuestionnaireDefinition(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidQuestionnaireDefinitionError);
      expect((error as InvalidQuestionnaireDefinitionError).issues).toHaveLength(3);
    }
  });
});

describe("the default questionnaire (sources 000 and 003)", () => {
  const questions = questionsOf(DEFAULT_QUESTIONNAIRE);

  it("follows the six HospiConnect objectives 1.1–2.2, several questions each, levels 0–4", () => {
    expect(DEFAULT_QUESTIONNAIRE.id).toBe(DEFAULT_QUESTIONNAIRE_ID);
    expect(DEFAULT_QUESTIONNAIRE.dimensions.map((dimension) => dimension.objectiveCode)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]);
    for (const dimension of DEFAULT_QUESTIONNAIRE.dimensions) expect(dimension.questions.length).toBeGreaterThanOrEqual(2);
    for (const { question } of questions) expect(maxLevelOf(question)).toBe(4);
    expect(questions.some(({ question }) => question.perSite)).toBe(true);
  });

  it("echoes the 2027/2028 targets of source 000 in its top levels", () => {
    const text = (id: string) => questions.find(({ question }) => question.id === id)!.question.levels.map((level) => level.description).join(" | ");
    expect(text("consentement.part-flux-mensuel")).toMatch(/75 %.*cible 2027.*90 %.*cible 2028/);
    expect(text("consultation-dmp.part-utilisateurs-td31")).toMatch(/40 %.*cible 2027.*60 %.*cible 2028/);
    expect(text("consultation-dmp.part-utilisateurs-td31")).toContain("TD3.1");
    expect(text("comptes.revue-habilitations")).toMatch(/au moins une fois par an \(cible 2027/);
    expect(text("mie-2fa.authentification-nominale")).toMatch(/Tous les utilisateurs du DPI .* 2FA en mode nominal \(cible 2028/);
  });

  it("survives a JSON round trip (it is stored in Questionnaire.definition)", () => {
    expect(parseQuestionnaireDefinition(JSON.parse(JSON.stringify(DEFAULT_QUESTIONNAIRE)))).toEqual(DEFAULT_QUESTIONNAIRE);
  });
});
