/**
 * The « instruction des cibles » of 2027–2028 (issue 12, source 000_1a898dec8b2a4de4.txt): the ARS
 * validates each declared objective and the amount follows its count — 40/52/64/76/88/100 % of the
 * ceiling for 1 to 6 objectives, 0 € without objective 1.0 —, capped at the declared expenses.
 */
import { describe, expect, it } from "vitest";
import { carryOverGaps, checkVerdicts, declaredObjectives, validatedCodes } from "@/lib/dossiers/kinds/milestone-deposit/objective-verdicts";
import { partAmounts } from "@/lib/dossiers/part-amounts";
import { hospiconnectAnnualCeiling } from "@/lib/funding";

const ALL = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"];
const declaredAll = declaredObjectives({ mandatoryObjectiveMet: true, objectivesReached: ALL });
// Source 000's 800-agent example: a ceiling of 39 050 €; expenses high enough not to cap.
const headcount = 800;
const expenses = { rh_internes: 5_000_000, prestations_externes: 0, depenses_editeurs: 0 };

function amountFor(validated: string[], mandatory: boolean, year: 2027 | 2028 = 2027) {
  const verdicts = Object.fromEntries(declaredAll.map((objective) => [objective.code, objective.code === "1.0" ? { reached: mandatory, reason: mandatory ? "" : "PV d'homologation absent." } : validated.includes(objective.code) ? { reached: true } : { reached: false, reason: "Preuve insuffisante." }]));
  const check = checkVerdicts(declaredAll, verdicts);
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return partAmounts({ headcount, year, milestoneComplete: false, mandatoryObjectiveMet: check.mandatoryValidated, objectivesReached: check.validatedCount, expenses }).capped;
}

describe("the amount follows the ARS's validated count, not the establishment's", () => {
  it("with objective 1.0 validated: 0 %, 40 %, 52 %, 64 %, 76 %, 88 %, 100 % of 39 050 € for 0 to 6 objectives", () => {
    expect(hospiconnectAnnualCeiling(headcount)).toBe(3_905_000);
    const amounts = [0, 1, 2, 3, 4, 5, 6].map((count) => amountFor(ALL.slice(0, count), true));
    expect(amounts).toEqual([0, 1_562_000, 2_030_600, 2_499_200, 2_967_800, 3_436_400, 3_905_000]);
    expect(amountFor(ALL, true, 2028)).toBe(3_905_000);
  });

  it("without objective 1.0 validated: 0 €, whatever else is validated", () => {
    for (const count of [0, 1, 3, 6]) expect(amountFor(ALL.slice(0, count), false)).toBe(0);
  });

  it("is capped at the declared expenses", () => {
    const check = checkVerdicts(declaredAll, Object.fromEntries(declaredAll.map((objective) => [objective.code, { reached: true }])));
    if (!check.ok) throw new Error("expected verdicts");
    expect(partAmounts({ headcount, year: 2027, milestoneComplete: false, mandatoryObjectiveMet: check.mandatoryValidated, objectivesReached: check.validatedCount, expenses: { rh_internes: 1_000_000, prestations_externes: 234, depenses_editeurs: null } }).capped).toBe(1_000_234);
  });
});

describe("checkVerdicts", () => {
  const declared = declaredObjectives({ mandatoryObjectiveMet: true, objectivesReached: ["2.2", "1.1", "1.3"] });

  it("lists the declared objectives in the programme's order, 1.0 first", () => {
    expect(declared.map((objective) => objective.code)).toEqual(["1.0", "1.1", "1.3", "2.2"]);
    expect(declaredObjectives({ mandatoryObjectiveMet: false, objectivesReached: ["1.1"] }).map((objective) => objective.code)).toEqual(["1.1"]);
  });

  it("needs a verdict on every declared objective, and a reason for each one not reached", () => {
    const check = checkVerdicts(declared, { "1.0": { reached: true }, "1.1": { reached: false, reason: "  " }, "1.3": { reached: true } });
    expect(check).toEqual({
      ok: false,
      errors: {
        "1.1": "Indiquez pourquoi l'objectif 1.1 n'est pas atteint : ce motif est communiqué à l'établissement.",
        "2.2": "Indiquez si l'objectif 2.2 est atteint.",
      },
    });
  });

  it("counts 1.1 to 2.2 apart from 1.0, and never keeps a verdict on an objective that was not declared", () => {
    const check = checkVerdicts(declared, { "1.0": { reached: true }, "1.1": { reached: true }, "1.3": { reached: false, reason: "Taux MIE 2FA non démontré." }, "2.2": { reached: true }, "2.1": { reached: true } });
    expect(check).toEqual({
      ok: true,
      mandatoryValidated: true,
      validatedCount: 2,
      verdicts: { "1.0": { reached: true, reason: "" }, "1.1": { reached: true, reason: "" }, "1.3": { reached: false, reason: "Taux MIE 2FA non démontré." }, "2.2": { reached: true, reason: "" } },
    });
  });
});

describe("carry-over (source 000: « les objectifs atteints une année doivent également être atteints l'année suivante »)", () => {
  it("flags the objectives the ARS validated in 2027 that the 2028 deposit does not declare", () => {
    const validated2027 = validatedCodes({ "1.0": { reached: true, reason: "" }, "1.1": { reached: true, reason: "" }, "2.2": { reached: false, reason: "Sous la cible." }, "1.3": { reached: true, reason: "" } });
    expect(validated2027).toEqual(["1.0", "1.1", "1.3"]);
    expect(carryOverGaps(validated2027, { mandatoryObjectiveMet: true, objectivesReached: ["1.3", "2.1"] })).toEqual(["1.1"]);
    expect(carryOverGaps(validated2027, { mandatoryObjectiveMet: false, objectivesReached: ["1.1", "1.3"] })).toEqual(["1.0"]);
    expect(carryOverGaps(validated2027, { mandatoryObjectiveMet: true, objectivesReached: ["1.1", "1.3"] })).toEqual([]);
    expect(carryOverGaps(validatedCodes(null), { mandatoryObjectiveMet: null, objectivesReached: [] })).toEqual([]);
  });
});
